// `npm run bench`: the numbers the issues ask for, measured against the production build under
// vite preview, the built BFF and the real sandbox, in Debian's Chromium. Prints numbers;
// asserts nothing.
//   1. JS bytes (gzip) the callback page loads before its login request starts.
//   2. Time from loading the callback URL to the signed-in view (median of N runs).
//   3. Time from clicking a partner on the home page to its landing page loaded (median of N).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.ts'
import { HOME_LINKS } from '../e2e/pages/partner-page.ts'
import { bffEnvironment } from '../sandbox/bff-env.ts'
import { originOf } from '../sandbox/ports.ts'
import { startSandbox } from '../sandbox/start-sandbox.ts'
import { USERS } from '../sandbox/users.ts'

const RUNS = Number(process.env['BENCH_RUNS'] ?? 10)
const app = originOf('appPreview')
const alice = (() => {
  const user = USERS.find((u) => u.email === 'alice@example.com')
  if (user === undefined) throw new Error('no sandbox user alice')
  return user
})()

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2
}

function row(label: string, values: readonly number[], unit: string): string {
  const min = Math.min(...values)
  const max = Math.max(...values)
  return `${label.padEnd(44)} median ${median(values).toFixed(0).padStart(5)} ${unit}   min ${min.toFixed(0)}   max ${max.toFixed(0)}   (n=${values.length})`
}

async function waitForUrl(url: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not come up`)
}

/** Signs alice in up to the identity provider's redirect; resolves with the callback page's timings. */
async function signIn(page: Page): Promise<{ scripts: string[]; callbackToSignedInMs: number }> {
  await page.goto(`${app}/`)
  await page.getByLabel('Work email').fill(alice.email)
  await page.getByRole('button', { name: 'Sign in with SSO' }).click()
  await page.getByLabel('Password').fill(alice.password)
  const scripts: string[] = []
  let loginStarted = false
  page.on('request', (request) => {
    if (request.url().endsWith('/api/sso/login')) loginStarted = true
    if (!loginStarted && request.resourceType() === 'script' && request.url().startsWith(app)) {
      scripts.push(new URL(request.url()).pathname)
    }
  })
  await page.getByLabel('Email').fill(alice.email)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.getByText(`Signed in as ${alice.email}`).waitFor()
  // From the moment the browser starts fetching the callback URL (fetchStart comes after the
  // identity provider's redirects) to the signed-in view: the app is one page, so this is one
  // document's clock.
  const callbackToSignedInMs = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
    return performance.now() - (navigation?.fetchStart ?? 0)
  })
  return { scripts, callbackToSignedInMs }
}

async function measureCallback(browser: Browser) {
  const times: number[] = []
  let scripts: string[] = []
  for (let i = 0; i < RUNS; i += 1) {
    const context = await browser.newContext()
    const page = await context.newPage()
    const result = await signIn(page)
    times.push(result.callbackToSignedInMs)
    scripts = result.scripts
    await context.close()
  }
  const gzipBytes = scripts.map((path) => gzipSync(readFileSync(`dist${path}`)).length)
  return { times, scripts, gzipBytes }
}

const PARTNERS = [
  {
    name: 'AssureSign',
    link: HOME_LINKS.assuresign,
    landing: originOf('assuresign'),
  },
  {
    name: 'Aimbase (JSON)',
    link: HOME_LINKS.aimbaseJson,
    landing: originOf('aimbase'),
  },
  {
    name: 'Aimbase (XML)',
    link: HOME_LINKS.aimbaseXml,
    landing: originOf('aimbase'),
  },
  { name: 'ABC line of business', link: HOME_LINKS.lifeInsurance, landing: originOf('lob') },
] as const

async function measureHandoffs(browser: Browser) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signIn(page)
  const results: { name: string; times: number[] }[] = []
  for (const partner of PARTNERS) {
    const times: number[] = []
    for (let i = 0; i < RUNS; i += 1) {
      await page.goto(`${app}/`)
      const link = page.getByRole('link', { name: partner.link })
      await link.waitFor()
      const started = Date.now()
      await link.click()
      await page.waitForURL((url) => url.origin === partner.landing, { waitUntil: 'load' })
      times.push(Date.now() - started)
    }
    results.push({ name: partner.name, times })
  }
  await context.close()
  return results
}

async function main(): Promise<void> {
  if (!existsSync('dist/index.html') || !existsSync('server/dist/main.js')) {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
  const sandbox = await startSandbox({ mode: 'test', quiet: true })
  const bff = spawn(process.execPath, ['server/dist/main.js'], {
    env: { ...bffEnvironment(), ...process.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const preview = spawn('npx', ['vite', 'preview'], { stdio: 'ignore', detached: true })
  try {
    await waitForUrl(`${originOf('bff')}/healthz`)
    await waitForUrl(app)
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
    try {
      const callback = await measureCallback(browser)
      const handoffs = await measureHandoffs(browser)
      const total = callback.gzipBytes.reduce((a, b) => a + b, 0)
      console.log(`\nsso-bridge benchmark against vite preview (${RUNS} runs each)\n`)
      console.log(`JS loaded by /sso/callback before its login request: ${total} bytes gzip`)
      callback.scripts.forEach((path, i) =>
        console.log(`  ${path}  ${callback.gzipBytes[i]} B gzip`),
      )
      console.log(row('callback URL loaded → signed-in view', callback.times, 'ms'))
      for (const { name, times } of handoffs)
        console.log(row(`click → ${name} landing loaded`, times, 'ms'))
    } finally {
      await browser.close()
    }
  } finally {
    if (preview.pid !== undefined) process.kill(-preview.pid, 'SIGTERM')
    bff.kill('SIGTERM')
    await sandbox.close()
  }
}

await main()
