import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium.ts'
import { originOf } from './sandbox/ports.ts'

// Journeys run against the production build (vite preview), the built BFF and the real sandbox. One worker:
// the sandbox's faults, request log and clock are shared, so journeys must not overlap.

const reuse = process.env.CI === undefined || process.env.CI === ''

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !reuse,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    baseURL: originOf('appPreview'),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: [
    {
      command: 'npx tsx sandbox/main.ts --mode test',
      url: `${originOf('control')}/__sandbox/settings`,
      reuseExistingServer: reuse,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The BFF as it runs in production: plain Node from the build (npm run build first).
      command: 'npx tsx scripts/run-bff.ts --built',
      url: `${originOf('bff')}/healthz`,
      reuseExistingServer: reuse,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'npx vite preview',
      url: originOf('appPreview'),
      reuseExistingServer: reuse,
      timeout: 60_000,
    },
    {
      command: 'npx vite',
      url: originOf('appDev'),
      reuseExistingServer: reuse,
      timeout: 60_000,
    },
  ],
})
