// The unit tests `npm run test:mutation` runs against each mutant: the app's and the BFF's
// projects of vite.config.ts. The sandbox and script tests are left out: they mutate nothing in
// scope and start whole servers.
import type { TestProjectConfiguration, ViteUserConfig } from 'vitest/config'
import base from './vite.config.ts'

const isSandbox = (project: TestProjectConfiguration) =>
  typeof project === 'object' && 'test' in project && project.test.name === 'sandbox'

const config: ViteUserConfig = {
  ...base,
  test: {
    ...base.test,
    projects: (base.test?.projects ?? []).filter((project) => !isSandbox(project)),
  },
}

export default config
