// Sign-in runs for the side-by-side table: every run in a fresh browser context with the probe,
// under one network profile, the two apps in alternating blocks, warm-up runs discarded. Each run
// gives the five rows of the table, read from the callback document's own clock, and
// (sso-bridge) the BFF's Server-Timing.
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from '@playwright/test'
import { emulateNetwork, type NetworkProfile } from './network.ts'
import { installProbe, PROBE_MARKERS, readProbe, type ProbeReading } from './probe.ts'

/** One app as the benchmark drives it. */
export interface Subject {
  readonly name: string
  /** Opens the app and signs alice in, up to the identity provider sending the browser back. */
  readonly signIn: (page: Page) => Promise<void>
  /** Matches the URL of the exchange request the callback document makes. */
  readonly exchange: RegExp
}

export interface SignInRun {
  readonly callbackToSignedIn: number
  readonly callbackToExchange: number
  readonly exchange: number
  readonly exchangeEndToSignedIn: number
  readonly jsGzipBytesBeforeExchange: number
  readonly serverTiming: Readonly<Record<string, number>>
}

export const ROWS = [
  ['callbackToSignedIn', 'callback → signed in (ms)'],
  ['callbackToExchange', 'callback → exchange request starts (ms)'],
  ['exchange', 'exchange: request start → response end (ms)'],
  ['exchangeEndToSignedIn', 'exchange end → signed in (ms)'],
  ['jsGzipBytesBeforeExchange', 'JS gzip loaded before the exchange (KB)'],
] as const satisfies readonly (readonly [keyof SignInRun, string])[]

const gzipSizes = new Map<string, Promise<number>>()

/** The gzip size of a script as its server sends it (the same for every run: asked once). */
function gzipBytes(url: string): Promise<number> {
  let size = gzipSizes.get(url)
  if (size === undefined) {
    size = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
      return gzipSync(Buffer.from(await response.arrayBuffer())).length
    })
    gzipSizes.set(url, size)
  }
  return size
}

async function toRun(reading: ProbeReading): Promise<SignInRun> {
  const sizes = await Promise.all(reading.scriptsBeforeExchange.map(gzipBytes))
  return {
    callbackToSignedIn: reading.signedInAt - reading.fetchStart,
    callbackToExchange: reading.exchangeStart - reading.fetchStart,
    exchange: reading.exchangeEnd - reading.exchangeStart,
    exchangeEndToSignedIn: reading.signedInAt - reading.exchangeEnd,
    jsGzipBytesBeforeExchange: sizes.reduce((a, b) => a + b, 0),
    serverTiming: Object.fromEntries(reading.serverTiming.map((e) => [e.name, e.duration])),
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(message))
    }, ms)
  })
  return Promise.race([promise, expired]).finally(() => {
    clearTimeout(timer)
  })
}

/** One sign-in in a fresh context under `network`; its rows. */
export async function signInOnce(
  browser: Browser,
  subject: Subject,
  network: NetworkProfile,
): Promise<SignInRun> {
  const context = await browser.newContext()
  try {
    // The probe calls back when it has its time. Waiting with page.waitForFunction instead would
    // put Playwright's polling script into the callback document while it is being measured.
    let signalled: () => void = () => undefined
    const signedIn = new Promise<void>((resolve) => (signalled = resolve))
    await context.exposeBinding('__benchSignedIn', () => {
      signalled()
    })
    await context.addInitScript(installProbe, PROBE_MARKERS)
    const page = await context.newPage()
    await emulateNetwork(context, page, network)
    await subject.signIn(page)
    await withTimeout(
      signedIn,
      30_000,
      `${subject.name}: never signed in ("${PROBE_MARKERS.signedIn}" and a working "${PROBE_MARKERS.signOut}")`,
    )
    const reading = await page.evaluate(readProbe, { source: subject.exchange.source })
    if (typeof reading === 'string') throw new Error(`${subject.name}: ${reading}`)
    return await toRun(reading)
  } finally {
    await context.close()
  }
}

export interface BlockPlan {
  readonly warmUps: number
  readonly blocks: number
  readonly runsPerBlock: number
}

/**
 * Warm-ups for each subject first (discarded), then `blocks` rounds in which every subject runs
 * `runsPerBlock` times in turn; the order of the subjects flips every round.
 */
export async function runBlocks(
  browser: Browser,
  subjects: readonly Subject[],
  plan: BlockPlan,
  network: NetworkProfile,
): Promise<Map<string, SignInRun[]>> {
  const runs = new Map<string, SignInRun[]>(subjects.map((s) => [s.name, []]))
  for (const subject of subjects) {
    for (let i = 0; i < plan.warmUps; i += 1) await signInOnce(browser, subject, network)
  }
  for (let block = 0; block < plan.blocks; block += 1) {
    const order = block % 2 === 0 ? subjects : [...subjects].reverse()
    for (const subject of order) {
      for (let i = 0; i < plan.runsPerBlock; i += 1) {
        runs.get(subject.name)?.push(await signInOnce(browser, subject, network))
      }
    }
  }
  return runs
}
