// `npm run bench`: sso-bridge side by side with react-oidc-context (bench/peers/), measured with
// one in-page probe in the same run, plus the BFF's side of the exchange and the hand-offs
// against their floors, under each network profile, and the first contentful paint of the
// sign-in page. Prints numbers and writes bench-results/bench.json; asserts nothing.
//   BENCH_NETWORK (default loopback,rtt40) the network profiles, one after the other;
//   per profile: BENCH_BLOCKS (default 5) alternating blocks of BENCH_RUNS_PER_BLOCK (4) runs per
//   app, after BENCH_WARMUPS (2) discarded runs per app; then BENCH_TRACE_RUNS (5; 0 for none)
//   traced runs per app; BENCH_HANDOFF_RUNS (10) runs per partner. Once: BENCH_ALONE_RUNS (10)
//   sign-ins over HTTP with no browser; BENCH_FCP_RUNS (10) page loads, with no emulation.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { chromium, type Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../sandbox/playwright/chromium.ts'
import { HOME_LINKS } from '../e2e/pages/partner-page.ts'
import { bffEnvironment } from '../sandbox/bff-env.ts'
import { originOf } from '../sandbox/ports.ts'
import { USERS } from '../sandbox/users.ts'
import { FIRST_PAINT_BUDGET_MS, measureFirstPaint } from './first-paint.ts'
import { measureHandoffs, type HandoffResult } from './handoff-runs.ts'
import { parseNetworkProfiles, type NetworkProfile } from './network.ts'
import { signInsAlone, type AloneRun } from './server-alone.ts'
import { preparePeer, startPeer, PEER_ACCOUNT } from './peers/react-oidc-context/serve.mjs'
import { SIGNED_IN_TEXT } from './probe.ts'
import {
  ROWS,
  runBlocks,
  TRACE_ROWS,
  traceRuns,
  type SignInRun,
  type Subject,
  type TracedRun,
} from './sign-in-runs.ts'
import { waitForUrl } from './wait-for-url.ts'
import { cell, count, ratio, summarize } from './stats.ts'

const plan = {
  warmUps: count('BENCH_WARMUPS', 2),
  blocks: count('BENCH_BLOCKS', 5),
  runsPerBlock: count('BENCH_RUNS_PER_BLOCK', 4),
}
const HANDOFF_RUNS = count('BENCH_HANDOFF_RUNS', 10)
const ALONE_RUNS = count('BENCH_ALONE_RUNS', 10)
const FCP_RUNS = count('BENCH_FCP_RUNS', 10)
const TRACE_RUNS = count('BENCH_TRACE_RUNS', 5, 0)
const NETWORK = parseNetworkProfiles(process.env.BENCH_NETWORK)
const app = originOf('appPreview')
const alice = (() => {
  const user = USERS.find((u) => u.email === 'alice@example.com')
  if (user === undefined) throw new Error('no sandbox user alice')
  return user
})()

/** sso-bridge: the sign-in form, then the sandbox identity provider's page. */
async function signInSsoBridge(page: Page): Promise<void> {
  await page.goto(`${app}/`)
  await page.getByLabel('Work email').fill(alice.email)
  await page.getByRole('button', { name: 'Sign in with SSO' }).click()
  await page.getByLabel('Password').fill(alice.password)
  await page.getByLabel('Email').fill(alice.email)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

const PARTNERS = [
  { name: 'AssureSign', link: HOME_LINKS.assuresign, landingOrigin: originOf('assuresign') },
  { name: 'Aimbase (JSON)', link: HOME_LINKS.aimbaseJson, landingOrigin: originOf('aimbase') },
  { name: 'Aimbase (XML)', link: HOME_LINKS.aimbaseXml, landingOrigin: originOf('aimbase') },
  { name: 'ABC line of business', link: HOME_LINKS.lifeInsurance, landingOrigin: originOf('lob') },
] as const

function rowValues(runs: readonly SignInRun[], key: (typeof ROWS)[number][0]): number[] {
  return runs.map((run) => (key === 'jsGzipBytesBeforeExchange' ? run[key] / 1024 : run[key]))
}

/** What one network profile gave. */
interface ProfileResult {
  readonly network: NetworkProfile
  readonly runs: Map<string, SignInRun[]>
  readonly traced: Map<string, TracedRun[]>
  readonly handoffs: HandoffResult[]
}

/** The timed rows, then (when there were traced runs) the rows of the traced runs. */
function printTable(result: ProfileResult): void {
  const ours = result.runs.get('sso-bridge') ?? []
  const theirs = result.runs.get('react-oidc-context') ?? []
  const line = (label: string, a: readonly number[], b: readonly number[], digits: number) => {
    const x = summarize(a)
    const y = summarize(b)
    return [label, cell(x, digits), cell(y, digits), ratio(x, y)]
  }
  const tracedOurs = result.traced.get('sso-bridge') ?? []
  const tracedTheirs = result.traced.get('react-oidc-context') ?? []
  printColumns([
    ['', 'sso-bridge', 'react-oidc-context', 'ratio'],
    ...ROWS.map(([key, label]) =>
      line(
        label,
        rowValues(ours, key),
        rowValues(theirs, key),
        key === 'jsGzipBytesBeforeExchange' ? 1 : 0,
      ),
    ),
    ...(TRACE_RUNS === 0
      ? []
      : TRACE_ROWS.map(([key, label]) =>
          line(
            label,
            tracedOurs.map((run) => run[key]),
            tracedTheirs.map((run) => run[key]),
            0,
          ),
        )),
  ])
}

/** How a profile shapes the browser's requests, in a few words. */
function describe(network: NetworkProfile): string {
  const c = network.conditions
  if (c === undefined) return 'no emulation'
  const mbit = (bytes: number) => (bytes * 8) / 1e6
  return `each browser request lasts ≥ ${c.latency} ms, ${mbit(c.downloadThroughput)} Mbit/s down, ${mbit(c.uploadThroughput)} Mbit/s up; servers on loopback`
}

/** The BFF's Server-Timing entries, in the browser runs and in the sign-ins alone, side by side. */
function printServerTiming(
  ours: readonly { readonly serverTiming: Readonly<Record<string, number>> }[],
  alone: readonly AloneRun[],
): void {
  const names = [...new Set(ours.flatMap((run) => Object.keys(run.serverTiming)))]
  if (names.length === 0) {
    console.log('  (no Server-Timing on POST /api/sso/login)')
    return
  }
  const of = (runs: typeof ours, name: string) =>
    cell(summarize(runs.flatMap((run) => run.serverTiming[name] ?? [])), 1)
  const lines = [
    ['', 'beside the browser', 'alone'],
    ...names.map((name) => [name, of(ours, name), of(alone, name)]),
    ['(client: login sent → answer)', '', cell(summarize(alone.map((run) => run.client)), 1)],
  ]
  printColumns(lines)
}

function printColumns(lines: readonly (readonly string[])[]): void {
  const widths = (lines[0] ?? []).map((_, i) => Math.max(...lines.map((l) => l[i]?.length ?? 0)))
  for (const line of lines) {
    console.log(
      `  ${line.map((text, i) => (i === 0 ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0))).join('   ')}`,
    )
  }
}

function printHandoffs(results: readonly HandoffResult[]): void {
  printColumns([
    ['', 'click → landing', 'call alone', 'navigation', 'floor', 'over floor'],
    ...results.map((r) => [
      r.name,
      cell(r.clickToLanding),
      cell(r.call),
      cell(r.navigation),
      cell(r.floor),
      cell(r.overFloor),
    ]),
  ])
}

async function main(): Promise<void> {
  await preparePeer({ log: (line: string) => console.log(`bench: ${line}`) })
  if (!existsSync('dist/index.html') || !existsSync('packages/bff/dist/bff/src/main.js')) {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
  // Every server in a process of its own, as npm start runs them: none shares an event loop
  // with this script's Playwright client (the peer's identity provider neither).
  // The sandbox without a BFF of its own: the bench starts the built one, with Server-Timing.
  const sandbox = spawn('npx', ['tsx', 'sandbox/main.ts', '--mode', 'test', '--no-bff'], {
    stdio: 'ignore',
    detached: true,
  })
  const bff = spawn(process.execPath, ['packages/bff/dist/bff/src/main.js'], {
    env: { ...bffEnvironment(), ...process.env, SSO_BFF_SERVER_TIMING: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const preview = spawn('npx', ['vite', 'preview'], { stdio: 'ignore', detached: true })
  const peer = await startPeer({})
  try {
    await waitForUrl(`${originOf('idp')}/.well-known/openid-configuration`)
    await waitForUrl(`${originOf('bff')}/healthz`)
    await waitForUrl(app)
    const subjects: Subject[] = [
      { name: 'sso-bridge', signIn: signInSsoBridge, exchange: /\/api\/sso\/login$/ },
      {
        name: 'react-oidc-context',
        signIn: async (page) => {
          await page.goto(`${peer.appOrigin}/`)
          await page.getByRole('button', { name: 'Sign in' }).click()
          await page.getByLabel('Email').fill(PEER_ACCOUNT.email)
          await page.getByLabel('Password').fill(PEER_ACCOUNT.password)
          await page.getByRole('button', { name: 'Continue' }).click()
        },
        exchange: new RegExp(`^${peer.issuer}/token$`),
      },
    ]
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
    try {
      const results: ProfileResult[] = []
      for (const network of NETWORK) {
        console.log(`bench: network ${network.name} (${describe(network)})`)
        const runs = await runBlocks(browser, subjects, plan, network)
        const traced = await traceRuns(browser, subjects, TRACE_RUNS, network)
        const handoffs = await measureHandoffs(
          browser,
          `${app}/`,
          async (page) => {
            await signInSsoBridge(page)
            await page.getByText(`${SIGNED_IN_TEXT} ${alice.email}`).waitFor()
          },
          PARTNERS,
          HANDOFF_RUNS,
          network,
        )
        results.push({ network, runs, traced, handoffs })
      }
      const alone = await signInsAlone(app, alice, ALONE_RUNS, 1000)
      const firstPaint = await measureFirstPaint(browser, `${app}/`, FCP_RUNS)
      const n = plan.blocks * plan.runsPerBlock
      for (const result of results) {
        const { network } = result
        console.log(
          `\nSign-in, network ${network.name} (${describe(network)}), from the callback document's fetchStart (n=${n} per app, ${plan.blocks} alternating blocks of ${plan.runsPerBlock}, ${plan.warmUps} warm-ups each discarded; traced rows: n=${TRACE_RUNS} per app, separate traced runs); median (min–max)\n`,
        )
        printTable(result)
        console.log(
          `\nBFF side of the exchange (Server-Timing of POST /api/sso/login), network ${network.name}, ms: in the browser runs, and in ${ALONE_RUNS} sign-ins over HTTP with no browser, 1 s apart; median (min–max)\n`,
        )
        printServerTiming(result.runs.get('sso-bridge') ?? [], alone)
        console.log(
          `\nHand-offs, network ${network.name}, ms (n=${HANDOFF_RUNS}); floor = the partner call alone through the BFF + the navigation to the landing\n`,
        )
        printHandoffs(result.handoffs)
      }
      console.log(
        `\nFirst contentful paint of the sign-in page, production build, no network emulation, ms (n=${FCP_RUNS}, a fresh context each); median (min–max)\n`,
      )
      printColumns([
        ['', 'sso-bridge', 'budget (unloaded machine)'],
        ['first contentful paint', cell(firstPaint.summary), `${FIRST_PAINT_BUDGET_MS}`],
      ])
      mkdirSync('bench-results', { recursive: true })
      const profiles = Object.fromEntries(
        results.map((r) => [
          r.network.name,
          {
            conditions: r.network.conditions ?? null,
            runs: Object.fromEntries(r.runs),
            traced: Object.fromEntries(r.traced),
            handoffs: r.handoffs,
          },
        ]),
      )
      writeFileSync(
        'bench-results/bench.json',
        `${JSON.stringify({ plan: { ...plan, traceRuns: TRACE_RUNS }, profiles, alone, firstPaint }, null, 2)}\n`,
      )
    } finally {
      await browser.close()
    }
  } finally {
    await peer.close()
    if (preview.pid !== undefined) process.kill(-preview.pid, 'SIGTERM')
    bff.kill('SIGTERM')
    if (sandbox.pid !== undefined) process.kill(-sandbox.pid, 'SIGTERM')
  }
}

await main()
