// Network profiles for the benchmark's browser. A profile shapes only the browser's own
// requests, through Chromium's network emulation on each page; the servers keep talking to each
// other over loopback. BENCH_NETWORK picks the profiles, in the order they run.
import type { BrowserContext, Page } from '@playwright/test'

/** What Chromium's `Network.emulateNetworkConditions` is given. */
export interface NetworkConditions {
  /** Chromium treats it as a minimum from request sent to response headers, not an addition. */
  readonly latency: number
  /** Bytes per second. */
  readonly downloadThroughput: number
  /** Bytes per second. */
  readonly uploadThroughput: number
}

export interface NetworkProfile {
  readonly name: string
  /** Undefined: no emulation at all. */
  readonly conditions: NetworkConditions | undefined
}

/** 10 Mbit/s in bytes per second. */
const TEN_MBIT = 1_250_000

export const NETWORK_PROFILES: readonly NetworkProfile[] = [
  { name: 'loopback', conditions: undefined },
  {
    name: 'rtt40',
    conditions: { latency: 40, downloadThroughput: TEN_MBIT, uploadThroughput: TEN_MBIT },
  },
]

export const DEFAULT_NETWORK = 'loopback,rtt40'

/**
 * The profiles a BENCH_NETWORK value names (a comma list; blank means the default), in its
 * order. Throws on an unknown or repeated name.
 */
export function parseNetworkProfiles(value: string | undefined): NetworkProfile[] {
  const text = value === undefined || value.trim() === '' ? DEFAULT_NETWORK : value
  const names = text.split(',').map((name) => name.trim())
  const known = NETWORK_PROFILES.map((profile) => profile.name).join(', ')
  return names.map((name, i) => {
    const profile = NETWORK_PROFILES.find((p) => p.name === name)
    if (profile === undefined) {
      throw new Error(`BENCH_NETWORK: unknown profile "${name}" (known: ${known})`)
    }
    if (names.indexOf(name) !== i) throw new Error(`BENCH_NETWORK: "${name}" is named twice`)
    return profile
  })
}

/**
 * Applies `profile` to `page`, which must not have navigated yet. Chromium keeps the conditions
 * on the page's target, so they hold for every document the page navigates to, cross-site too.
 */
export async function emulateNetwork(
  context: BrowserContext,
  page: Page,
  profile: NetworkProfile,
): Promise<void> {
  if (profile.conditions === undefined) return
  const session = await context.newCDPSession(page)
  await session.send('Network.emulateNetworkConditions', { offline: false, ...profile.conditions })
}
