import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './sandbox/playwright.ts'
import { HOST, portEnvironment, stackPorts, type PartyPort, type Ports } from './sandbox/ports.ts'

// Journeys run against the production build (vite preview), the built BFF and the real sandbox.
// Each Playwright worker has a stack of its own (sandbox/playwright/stack.ts): the kit's CLI (the
// sandbox and the built BFF), vite preview and vite dev on the ports of `stackPorts(k)` (stack 0
// on the usual ports, stack k on +100·k), so the sandbox's faults, request log and clock are
// never shared. Two workers by default; SSO_E2E_WORKERS=1 runs everything on stack 0, one
// journey at a time. Files are spread over the workers, a file's journeys run in order on one of
// them. The example host app (Acme CRM) runs its own journeys, on the kit as a host team does
// (examples/host-app/playwright.config.ts).

const reuse = process.env.CI === undefined || process.env.CI === ''

function workerCount(): number {
  const raw = process.env['SSO_E2E_WORKERS']
  if (raw === undefined || raw === '') return 2
  const count = Number(raw)
  if (!Number.isInteger(count) || count < 1 || count > 9) {
    throw new Error(`SSO_E2E_WORKERS must be a whole number from 1 to 9, got "${raw}"`)
  }
  return count
}

const workers = workerCount()
const stacks: Ports[] = Array.from({ length: workers }, (_, index) => stackPorts(index))

const taken = new Map<number, string>()
stacks.forEach((stack, index) => {
  for (const [name, port] of Object.entries(stack)) {
    const other = taken.get(port)
    if (other !== undefined) throw new Error(`port ${port}: ${other} and stack ${index} ${name}`)
    taken.set(port, `stack ${index} ${name}`)
  }
})

const at = (stack: Ports, name: PartyPort) => `http://${HOST}:${stack[name]}`

/**
 * The servers of one stack: the kit's CLI moves itself (--stack), the app servers are told their
 * stack's ports by the SSO_PORT_* variables.
 */
function stackServers(stack: Ports, index: number) {
  const env = portEnvironment(stack)
  const common = { env, reuseExistingServer: reuse, timeout: 60_000 }
  return [
    {
      // The sandbox, then the BFF as it runs in production: plain Node from the build of
      // sso-bridge-bff (npm run build first), ready when its health check answers.
      ...common,
      env: {},
      name: `sandbox and BFF ${index}`,
      command: `npx tsx sandbox/main.ts --mode test --stack ${index}`,
      url: `${at(stack, 'bff')}/healthz`,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    },
    {
      ...common,
      name: `preview ${index}`,
      command: 'npx vite preview',
      url: at(stack, 'appPreview'),
    },
    { ...common, name: `dev ${index}`, command: 'npx vite', url: at(stack, 'appDev') },
  ]
}

const stack0 = stacks[0] ?? stackPorts(0)

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers,
  forbidOnly: !reuse,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['./e2e/failure-summary.ts'],
  ],
  outputDir: 'test-results',
  // baseURL names stack 0; e2e/fixtures.ts moves it to the worker's own stack.
  projects: [
    {
      name: 'app',
      testIgnore: ['**/topology/**', '**/assuresign-only/**'],
      use: { baseURL: at(stack0, 'appPreview') },
    },
  ],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: stacks.flatMap(stackServers),
})
