import { defineConfig } from '@playwright/test'
import { topologyPorts } from './scripts/topology/stack-env.ts'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './sandbox/playwright.ts'

// `npm run test:topology`: journeys against the production shape (scripts/topology/topology.ts):
// Debian's nginx with the generated config in front of two BFF instances from the build, sessions
// in Debian's redis-server, Debian's Prometheus scraping the instances, the sandbox behind them.
// One worker: the journeys stop and start the shared servers. The worker starts the shape itself
// (e2e/topology/fixtures.ts); build first.

export default defineConfig({
  testDir: 'e2e/topology',
  fullyParallel: false,
  workers: 1,
  forbidOnly: process.env.CI !== undefined && process.env.CI !== '',
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./e2e/failure-summary.ts']],
  outputDir: 'test-results/topology',
  use: {
    baseURL: `http://127.0.0.1:${topologyPorts.appPreview}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
})
