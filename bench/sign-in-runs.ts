// Sign-in runs for the side-by-side table: every run in a fresh browser context with the probe,
// under one network profile, the two apps in alternating blocks, warm-up runs discarded. Each run
// gives the five rows of the table, read from the callback document's own clock, and
// (sso-bridge) the BFF's Server-Timing. Traced runs, apart from the timed ones, add the callback
// document's main thread between the exchange's end and "signed in".
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from '@playwright/test'
import { emulateNetwork, type NetworkProfile } from './network.ts'
import { installProbe, PROBE_MARKERS, readProbe, type ProbeReading } from './probe.ts'
import { mainThreadLoad, signInWindow, TRACE_CATEGORIES, traceEvents } from './trace.ts'

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

/** A traced run: the callback document's main thread between the exchange's end and the probe. */
export interface TracedRun {
  /** The probe's "exchange end → signed in" in this run, from the page's clock. */
  readonly exchangeEndToSignedIn: number
  /** The same interval as the trace has it (ResourceFinish to the probe's mark). */
  readonly tracedInterval: number
  readonly longestTask: number
  readonly busy: number
}

export const TRACE_ROWS = [
  ['exchangeEndToSignedIn', 'exchange end → signed in, traced runs (ms)'],
  ['longestTask', 'longest main-thread task, exchange end → signed in (ms)'],
  ['busy', 'main-thread busy, exchange end → signed in (ms)'],
] as const satisfies readonly (readonly [keyof TracedRun, string])[]

/** One sign-in in a fresh context under `network`; the probe's reading, and the trace if asked. */
async function signInPage(
  browser: Browser,
  subject: Subject,
  network: NetworkProfile,
  trace: boolean,
): Promise<{ reading: ProbeReading; trace: Buffer | undefined }> {
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
    let recorded: Buffer | undefined
    if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES })
    try {
      await subject.signIn(page)
      await withTimeout(
        signedIn,
        30_000,
        `${subject.name}: never signed in ("${PROBE_MARKERS.signedIn}" and a working "${PROBE_MARKERS.signOut}")`,
      )
    } finally {
      // Stopped on failure too: the browser records one trace at a time.
      if (trace) recorded = await browser.stopTracing()
    }
    const reading = await page.evaluate(readProbe, { source: subject.exchange.source })
    if (typeof reading === 'string') throw new Error(`${subject.name}: ${reading}`)
    return { reading, trace: recorded }
  } finally {
    await context.close()
  }
}

/** One sign-in in a fresh context under `network`; its rows. */
export async function signInOnce(
  browser: Browser,
  subject: Subject,
  network: NetworkProfile,
): Promise<SignInRun> {
  const { reading } = await signInPage(browser, subject, network, false)
  return toRun(reading)
}

/** One traced sign-in under `network`: the main thread of the callback document. */
export async function tracedSignIn(
  browser: Browser,
  subject: Subject,
  network: NetworkProfile,
): Promise<TracedRun> {
  const { reading, trace } = await signInPage(browser, subject, network, true)
  if (trace === undefined) throw new Error(`${subject.name}: no trace`)
  const events = traceEvents(JSON.parse(trace.toString('utf8')))
  const span = signInWindow(events, PROBE_MARKERS.mark, subject.exchange)
  if (typeof span === 'string') throw new Error(`${subject.name}: ${span}`)
  return {
    exchangeEndToSignedIn: reading.signedInAt - reading.exchangeEnd,
    tracedInterval: (span.to - span.from) / 1000,
    ...mainThreadLoad(events, span, span.from, span.to),
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

/**
 * `runs` traced sign-ins per subject under `network`, the subjects taking turns and the order
 * flipping every round. Kept apart from the timed blocks: tracing costs the browser time.
 */
export async function traceRuns(
  browser: Browser,
  subjects: readonly Subject[],
  runs: number,
  network: NetworkProfile,
): Promise<Map<string, TracedRun[]>> {
  const traced = new Map<string, TracedRun[]>(subjects.map((s) => [s.name, []]))
  for (let round = 0; round < runs; round += 1) {
    const order = round % 2 === 0 ? subjects : [...subjects].reverse()
    for (const subject of order) {
      traced.get(subject.name)?.push(await tracedSignIn(browser, subject, network))
    }
  }
  return traced
}
