import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium.ts'
import { originOf } from './sandbox/ports.ts'

// Journeys run against the production build (vite preview), the built BFF and the real sandbox. One worker:
// the sandbox's faults, request log and clock are shared, so journeys must not overlap.
// Two projects: our app (e2e/, on vite preview :4173) and Acme Portal, the host app embedding
// sso-bridge from its packed tarball (e2e/host-app/, on its own vite preview :4180; build it with
// `node scripts/host-app.mjs`).

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
  projects: [
    { name: 'app', testIgnore: '**/host-app/**', use: { baseURL: originOf('appPreview') } },
    { name: 'host-app', testDir: 'e2e/host-app', use: { baseURL: originOf('hostApp') } },
  ],
  use: {
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
    {
      // Acme Portal's own `vite preview` of its build, from its own node_modules.
      command: 'npm run preview --silent',
      cwd: 'examples/host-app',
      url: originOf('hostApp'),
      reuseExistingServer: reuse,
      timeout: 60_000,
    },
  ],
})
