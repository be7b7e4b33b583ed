// docs/architecture.md §3 "Hand-offs": a hand-off token older than its safe window when the page
// can finally navigate (hidden tab, throttled timers) is discarded and fetched once more, never
// reused.
import { SsoError } from './errors.ts'
import type { AnyPartnerAdapter, HandoffTarget } from './handoff.ts'

/**
 * Share of a partner's token lifetime the token may age before we navigate: half leaves the other
 * half for the navigation itself, the vendor's clock skew and the time the token spent on the
 * wire before the answer arrived (AssureSign 15 s, Aimbase 7.5 s, ABC 7.5 min).
 */
export const SAFE_WINDOW_FRACTION = 0.5

/** The default safe window of a partner: {@link SAFE_WINDOW_FRACTION} of its token lifetime. */
export function safeWindowFor(adapter: Pick<AnyPartnerAdapter, 'tokenLifetimeMs'>): number {
  return adapter.tokenLifetimeMs * SAFE_WINDOW_FRACTION
}

export interface FreshTargetOptions {
  /** Clock in milliseconds (Date.now in the app, an injected clock in tests). */
  readonly now: () => number
  /** Longest a token may wait between its answer and navigation; see {@link safeWindowFor}. */
  readonly safeWindowMs: number
  /** Resolves when the page can navigate (the React layer waits for a visible tab). */
  readonly waitUntilNavigable: () => Promise<void>
}

/** How many times a target is fetched before giving up: the first one plus one fresh retry. */
const MAX_FETCHES = 2

/**
 * Fetches a hand-off target and returns it only if it is still young when the page can navigate.
 * A stale target is dropped and fetched once more; if that one is stale too, throws SsoError
 * `handoff_expired`. Errors of `fetchTarget` are passed through untouched (no retry on failure).
 */
export async function fetchFreshTarget(
  fetchTarget: () => Promise<HandoffTarget>,
  options: FreshTargetOptions,
): Promise<HandoffTarget> {
  let ageMs = 0
  for (let attempt = 1; attempt <= MAX_FETCHES; attempt += 1) {
    const target = await fetchTarget()
    const issuedAt = options.now()
    await options.waitUntilNavigable()
    ageMs = options.now() - issuedAt
    if (ageMs <= options.safeWindowMs) return target
  }
  throw new SsoError(
    'handoff_expired',
    `hand-off token was ${ageMs} ms old when the page could navigate (safe window ${options.safeWindowMs} ms), twice`,
  )
}
