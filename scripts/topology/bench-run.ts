// The body of `npm run bench:server` (scripts/bench-server.ts moves the ports first). For one BFF
// instance from the build, with the in-memory store and then with Redis: requests per second and
// p50/p99 latency of GET /api/session for a signed-in person, straight to the instance and
// through nginx. Bounded in time, loopback only. Prints numbers; asserts nothing.
//
// Latency percentiles come from every answer's own time (autocannon's histogram keeps whole
// milliseconds, and everything here is under one). nginx's keepalive_requests is raised for
// this run: autocannon 9 pairs each answer with the wrong request once a server has closed a
// kept-alive connection (nginx does after 1000 requests), which inflates every latency after.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import autocannon, { type Result } from 'autocannon'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../sandbox/playwright/chromium.ts'
import { HOST } from '../../sandbox/ports.ts'
import { ALICE, passwordOf } from '../../e2e/sandbox-data.ts'
import { get } from './processes.ts'
import { Topology } from './topology.ts'

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10)
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10)
const REPORT = 'bench-results/bench-server.json'

/** Signs alice in through nginx in Chromium; returns her session cookie as a Cookie header. */
async function signIn(appOrigin: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    await page.goto(`${appOrigin}/`)
    await page.getByLabel('Work email').fill(ALICE)
    await page.getByRole('button', { name: 'Sign in with SSO' }).click()
    await page.getByLabel('Password').fill(passwordOf(ALICE))
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.getByText(`Signed in as ${ALICE}`).waitFor()
    const cookies = await page.context().cookies(appOrigin)
    return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
  } finally {
    await browser.close()
  }
}

/** The `q` quantile of `sorted` (ascending). */
function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

const round = (ms: number) => Number(ms.toFixed(3))

interface Row {
  readonly store: 'memory' | 'redis'
  readonly path: 'direct' | 'nginx'
  readonly requestsPerSecond: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly meanMs: number
  readonly requests: number
  /** Answers other than 2xx. */
  readonly non2xx: number
  /** Connection errors and timeouts. */
  readonly errors: number
}

/** One request first: the cookie must really be a live session, or the numbers mean nothing. */
async function expectSignedIn(url: string, headers: Record<string, string>): Promise<void> {
  const answer = await get(url, headers)
  if (answer.status !== 200 || !answer.body.includes(ALICE)) {
    throw new Error(`${url} answered ${answer.status} ${answer.body}: not signed in`)
  }
}

async function measure(store: Row['store']): Promise<Row[]> {
  const topology = new Topology({
    dir: join('test-results', 'bench-server', store),
    instances: 1,
    sessionStore: store,
    nginxWorkers: 'auto',
    nginxKeepaliveRequests: 10_000_000,
  })
  await topology.start()
  try {
    const cookie = await signIn(topology.appOrigin)
    const host = new URL(topology.appOrigin).host
    const targets = {
      direct: `http://${HOST}:${topology.bffPorts[0] ?? 0}/api/session`,
      nginx: `${topology.appOrigin}/api/session`,
    } as const
    const rows: Row[] = []
    for (const path of ['direct', 'nginx'] as const) {
      await expectSignedIn(targets[path], { cookie, host })
      const times: number[] = []
      const result = await new Promise<Result>((resolve, reject) => {
        const run = autocannon(
          {
            url: targets[path],
            connections: CONNECTIONS,
            duration: SECONDS,
            // Straight to the instance, the request carries the app's Host as nginx sends it.
            headers: { cookie, host },
          },
          (error, done) => (error === null ? resolve(done) : reject(error)),
        )
        run.on('response', (_client, status, _bytes, ms) => {
          if (status === 200) times.push(ms)
        })
      })
      times.sort((a, b) => a - b)
      rows.push({
        store,
        path,
        requestsPerSecond: Math.round(result.requests.average),
        p50Ms: round(percentile(times, 0.5)),
        p99Ms: round(percentile(times, 0.99)),
        meanMs: round(times.reduce((sum, ms) => sum + ms, 0) / Math.max(1, times.length)),
        requests: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      })
    }
    return rows
  } finally {
    await topology.stop()
  }
}

const rows = [...(await measure('memory')), ...(await measure('redis'))]
console.log(
  `\nGET /api/session, signed in, ${CONNECTIONS} connections, ${SECONDS} s each, one BFF instance (node packages/bff/dist/bff/src/main.js):\n`,
)
console.log('store    path     req/s   p50 ms  p99 ms  mean ms   requests   non-2xx   errors')
for (const row of rows) {
  console.log(
    [
      row.store.padEnd(8),
      row.path.padEnd(8),
      String(row.requestsPerSecond).padStart(6),
      row.p50Ms.toFixed(3).padStart(8),
      row.p99Ms.toFixed(3).padStart(7),
      row.meanMs.toFixed(3).padStart(8),
      String(row.requests).padStart(10),
      String(row.non2xx).padStart(9),
      String(row.errors).padStart(8),
    ].join(' '),
  )
}
mkdirSync('bench-results', { recursive: true })
writeFileSync(
  REPORT,
  `${JSON.stringify({ seconds: SECONDS, connections: CONNECTIONS, rows }, null, 2)}\n`,
)
console.log(`\n${REPORT} has these numbers.`)
