// The type of .dependency-cruiser.mjs for the TypeScript that imports it (its test).
import type { IConfiguration } from 'dependency-cruiser'

declare const config: IConfiguration & Required<Pick<IConfiguration, 'forbidden' | 'options'>>
export default config
