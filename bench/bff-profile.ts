// `npm run bench:bff`: the BFF's sign-in path under a CPU profiler. Starts the sandbox (no BFF of
// its own) and the built BFF under `node --cpu-prof` with SSO_BFF_SERVER_TIMING=true, drives
// sign-ins straight to the BFF over HTTP, one after the other, then stops the BFF with SIGINT so
// V8 writes the profile to bench-results/bff-profile/. Prints the Server-Timing phases of
// POST /api/sso/login (the BFF's own share is `total − indee`), and the profile's self time by
// area and by function, counted only while a login was in flight (from sending it until the next
// sign-in began). Prints numbers; asserts nothing.
//   BENCH_BFF_RUNS (default 200) measured sign-ins after BENCH_BFF_WARMUPS (20) discarded ones;
//   BENCH_BFF_INTERVAL_US (100) the profiler's sampling interval; BENCH_BFF_TOP (25) functions.
// Run it in a private network namespace (docs/benchmark.md): it listens on the sandbox's ports.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { AppBrowser, loginBody, reachCallback } from '../packages/bff/src/testing/bff-sandbox.ts'
import { bffEnvironment } from '../sandbox/bff-env.ts'
import { originOf } from '../sandbox/ports.ts'
import { USERS } from '../sandbox/users.ts'
import {
  areaKey,
  bffShareOf,
  functionKey,
  parseServerTiming,
  timeIn,
  type FunctionTime,
  type CpuProfile,
  type WindowedProfile,
} from './bff-profile-parse.ts'
import { waitForUrl } from './wait-for-url.ts'
import { cell, count, summarize } from './stats.ts'

const RUNS = count('BENCH_BFF_RUNS', 200)
const WARMUPS = count('BENCH_BFF_WARMUPS', 20, 0)
const INTERVAL_US = count('BENCH_BFF_INTERVAL_US', 100)
const TOP = count('BENCH_BFF_TOP', 25)

const ROOT = resolve('.')
const PROFILE_DIR = 'bench-results/bff-profile'
const LOG_PATH = `${PROFILE_DIR}/bff.log`
const BFF_MAIN = 'packages/bff/dist/bff/src/main.js'
/** The BFF's sources and the contract it compiles with: a change to either rebuilds dist/. */
const BFF_SOURCES = ['packages/bff/src', 'packages/contract/src']
/** The BFF's own code in the profile (its build, dist/). */
const BFF_AREA = 'packages/bff'
/** Phases of the login's Server-Timing, in the order printed. */
const PHASES = ['bind', 'indee', 'verify', 'session', 'total'] as const

const alice = (() => {
  const user = USERS.find((u) => u.email === 'alice@example.com')
  if (user === undefined) throw new Error('no sandbox user alice')
  return user
})()

/** The newest modification time of a shipped source file under `dir`. */
function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'testing') newest = Math.max(newest, newestSource(path))
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  return newest
}

/** Compiles the BFF (as `npm run build` does) when dist/ is missing or older than its sources. */
function buildBffWhenStale(): void {
  let built = 0
  try {
    built = statSync(BFF_MAIN).mtimeMs
  } catch {
    // not built yet
  }
  if (built >= Math.max(...BFF_SOURCES.map(newestSource))) return
  console.log('bench:bff: building the BFF (tsc -p packages/bff/tsconfig.json)')
  const build = spawnSync('npx', ['tsc', '-p', 'packages/bff/tsconfig.json'], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
}

/** The monotonic clock in µs: the clock of a V8 CPU profile on the same machine. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n)

interface Login {
  readonly timings: Readonly<Record<string, number>>
  /** When its POST was sent, µs on the profile's clock. */
  readonly sent: number
  /** When the sign-in after it began (or the runs ended): nothing else reached the BFF between. */
  readonly next: number
}

/** `runs` sign-ins of alice straight to the BFF at `bff`, one after the other. */
async function signIns(bff: string, runs: number): Promise<Login[]> {
  const logins: Login[] = []
  let previous: { timings: Record<string, number>; sent: number } | undefined
  for (let i = 0; i < runs; i += 1) {
    const began = nowUs()
    if (previous !== undefined) logins.push({ ...previous, next: began })
    const browser = new AppBrowser({ url: bff })
    const start = await reachCallback(browser, alice)
    const sent = nowUs()
    const answer = await browser.post('/api/sso/login', loginBody(start, alice.email))
    await answer.arrayBuffer()
    if (answer.status !== 200) throw new Error(`bench:bff: sso/login answered ${answer.status}`)
    previous = { timings: parseServerTiming(answer.headers.get('server-timing')), sent }
  }
  if (previous !== undefined) logins.push({ ...previous, next: nowUs() })
  return logins
}

function printColumns(lines: readonly (readonly string[])[]): void {
  const widths = (lines[0] ?? []).map((_, i) => Math.max(...lines.map((l) => l[i]?.length ?? 0)))
  for (const line of lines) {
    const cells = line.map((text, i) =>
      i === 0 ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0),
    )
    console.log(`  ${cells.join('   ')}`.trimEnd())
  }
}

function printTimings(logins: readonly Login[]): void {
  const of = (values: readonly (number | undefined)[]) =>
    cell(summarize(values.filter((value) => value !== undefined)), 2)
  printColumns([
    ['', 'median (min–max)'],
    ...PHASES.map((name) => [name, of(logins.map((login) => login.timings[name]))]),
    ["total − indee (the BFF's own)", of(logins.map((login) => bffShareOf(login.timings)))],
  ])
}

function printProfile(byArea: WindowedProfile, byFunction: WindowedProfile, runs: number): void {
  const busy = byArea.sampledMs - byArea.idleMs
  const percent = (ms: number) => `${((100 * ms) / busy).toFixed(1)} %`
  const rows = (title: string, times: readonly FunctionTime[]) => {
    console.log('')
    printColumns([
      [title, 'ms', 'of busy'],
      ...times.map((row) => [row.name, row.ms.toFixed(1), percent(row.ms)]),
    ])
  }
  console.log(
    `  sampled ${byArea.sampledMs.toFixed(1)} ms: idle ${byArea.idleMs.toFixed(1)} ms, ` +
      `busy ${busy.toFixed(1)} ms (${(busy / runs).toFixed(2)} ms per sign-in)`,
  )
  rows('self time by area', byArea.self)
  rows(`top ${TOP} functions by self time`, byFunction.self.slice(0, TOP))
  rows(
    `top ${TOP} functions of ${BFF_AREA}/ by total time (their callees included)`,
    byFunction.total.filter((row) => row.name.includes(` ${BFF_AREA}/`)).slice(0, TOP),
  )
}

async function main(): Promise<void> {
  buildBffWhenStale()
  mkdirSync(PROFILE_DIR, { recursive: true })
  const profileName = `bff-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`
  const bffOrigin = originOf('bff')
  const env = bffEnvironment()
  // The sign-ins come straight to the BFF, not through the app's origin: its host is served too.
  const appHosts = (env['SSO_BFF_APP_ORIGINS'] ?? '').split(',').map((o) => new URL(o).host)
  const sandbox = spawn('npx', ['tsx', 'sandbox/main.ts', '--mode', 'test', '--no-bff'], {
    stdio: 'ignore',
    detached: true,
  })
  const bff = spawn(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${PROFILE_DIR}`,
      `--cpu-prof-name=${profileName}`,
      `--cpu-prof-interval=${INTERVAL_US}`,
      BFF_MAIN,
    ],
    {
      env: {
        ...env,
        ...process.env,
        SSO_BFF_SERVER_TIMING: 'true',
        SSO_BFF_ALLOWED_HOSTS: [...appHosts, new URL(bffOrigin).host].join(','),
        // Every sign-in counts twice against the per-minute limit (initiate and login).
        SSO_BFF_RATE_LIMIT_PER_MINUTE: String(Math.max(1000, 4 * (RUNS + WARMUPS))),
      },
      // Its log (warnings, and the audit trail's lines, as in production) goes to a file.
      stdio: ['ignore', openSync(LOG_PATH, 'w'), 'inherit'],
    },
  )
  let logins: Login[]
  try {
    await waitForUrl(`${originOf('idp')}/.well-known/openid-configuration`, 30)
    await waitForUrl(`${originOf('indee')}/.well-known/jwks.json`, 30)
    await waitForUrl(`${bffOrigin}/healthz`, 30)
    await signIns(bffOrigin, WARMUPS)
    logins = await signIns(bffOrigin, RUNS)
  } finally {
    // SIGINT: the BFF closes, and V8 writes the profile as the process exits.
    bff.kill('SIGINT')
    await exited(bff)
    if (sandbox.pid !== undefined) process.kill(-sandbox.pid, 'SIGTERM')
  }
  const profilePath = join(PROFILE_DIR, profileName)
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile
  const windows = logins.map((login) => ({ start: login.sent, end: login.next }))
  // Beside the profile: each login's timings and window, to read the profile again later.
  writeFileSync(`${profilePath}.logins.json`, `${JSON.stringify(logins)}\n`)

  console.log(
    `\nPOST /api/sso/login straight to the BFF, Server-Timing in ms (n=${RUNS} after ${WARMUPS} warm-ups, one after the other; the BFF under the profiler)\n`,
  )
  printTimings(logins)
  console.log(
    `\nCPU profile of the BFF: ${profilePath} (a sample every ${INTERVAL_US} µs asked), counted from each login sent until the next sign-in began\n`,
  )
  printProfile(
    timeIn(profile, windows, areaKey(ROOT)),
    timeIn(profile, windows, functionKey(ROOT)),
    RUNS,
  )
}

await main()
