// Acme CRM's own journeys, against sso-bridge's sandbox and BFF (the kit sso-bridge-sandbox), on
// its own `vite preview` of the build: one stack per worker, each with its sandbox, BFF and app.
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH, sandboxConfig } from 'sso-bridge-sandbox/playwright'

const sandbox = sandboxConfig({
  app: {
    name: 'Acme CRM',
    callbackPath: '/login/complete',
    signInPath: '/login',
    port: 4180,
    command: 'npm run preview',
  },
  workers: 2,
})

export default defineConfig({
  testDir: 'e2e',
  workers: sandbox.workers,
  webServer: sandbox.webServer,
  forbidOnly: process.env.CI !== undefined && process.env.CI !== '',
  retries: 0,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    ...sandbox.use,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
})
