// Lines of business ABC knows in the sandbox (sandbox/users.ts); the line-of-business portal shows
// the labels.
import { LINES_OF_BUSINESS } from '../../users.ts'

export interface AbcLineOfBusiness {
  readonly id: string
  readonly label: string
}

export const ABC_LINES_OF_BUSINESS: readonly AbcLineOfBusiness[] = Object.values(
  LINES_OF_BUSINESS,
).map(({ id, label }) => ({ id, label }))
