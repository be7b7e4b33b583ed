// `tsx scripts/run-bff.ts` (npm start, npm run bff): the BFF from source beside the sandbox,
// configured for it (sandbox/bff-env.ts). Variables already set in the environment win, so any
// of them can be moved. The journeys run the built BFF, started by the testing kit.
import { spawn } from 'node:child_process'
import { appsFromEnvironment } from '../sandbox/apps.ts'
import { bffEnvironment, defaultSandboxUrls } from '../sandbox/bff-env.ts'
import { appClientsOf } from '../sandbox/idp/client-registration.ts'
import { sandboxPartners } from '../sandbox/partners.ts'
import { ports } from '../sandbox/ports.ts'

// The apps of SSO_SANDBOX_APPS too, as the sandbox beside it registers them (npm start).
const apps = appClientsOf(appsFromEnvironment())
const env = {
  ...bffEnvironment(defaultSandboxUrls(), ports.bff, sandboxPartners(), apps),
  ...process.env,
}
const child = spawn(process.execPath, ['--import', 'tsx', 'packages/bff/src/main.ts'], {
  env,
  stdio: 'inherit',
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal))
}
child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 0)))
