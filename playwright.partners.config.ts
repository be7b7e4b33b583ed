// `npm run test:e2e:partners` (part of `npm test`, after the journeys): a deployment that uses
// AssureSign only. One stack on the usual ports (stack 0 of playwright.config.ts, free again by
// the time this runs): the kit's CLI (the sandbox and the built BFF) and vite preview, each started with
// SSO_SANDBOX_PARTNERS=assuresign, so the BFF gets no Aimbase or ABC variable and the app's
// runtime config has no Aimbase or ABC part (sandbox/partners.ts). Servers are never reused: a
// running `npm start` configures every partner.
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './sandbox/playwright.ts'
import { HOST, portEnvironment, stackPorts, type PartyPort } from './sandbox/ports.ts'

const stack = stackPorts(0)
const at = (name: PartyPort) => `http://${HOST}:${stack[name]}`
const common = {
  env: { ...portEnvironment(stack), SSO_SANDBOX_PARTNERS: 'assuresign' },
  reuseExistingServer: false,
  timeout: 60_000,
}

export default defineConfig({
  testDir: 'e2e/assuresign-only',
  fullyParallel: false,
  workers: 1,
  forbidOnly: process.env.CI !== undefined && process.env.CI !== '',
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/failure-summary.ts']],
  outputDir: 'test-results/assuresign-only',
  projects: [{ name: 'assuresign-only', use: { baseURL: at('appPreview') } }],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: [
    {
      // The kit's CLI: the sandbox, then the built BFF with AssureSign's variables only.
      ...common,
      name: 'sandbox and BFF (AssureSign only)',
      command: 'npx tsx sandbox/main.ts --mode test',
      url: `${at('bff')}/healthz`,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      ...common,
      name: 'preview (AssureSign only)',
      command: 'npx vite preview',
      url: at('appPreview'),
    },
  ],
})
