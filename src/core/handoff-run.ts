// Runs one partner hand-off: validated input in, one BFF call (through the partner's adapter and
// the token-age guard), then the page leaves at once. No React here; the page (location, history,
// document) is passed in.
import { sessionEndedReason } from './bff-client.ts'
import { SsoError } from './errors.ts'
import type { FetchLike } from './http.ts'
import { fetchFreshTarget, safeWindowFor } from './handoff-guard.ts'
import type { HandoffTarget, PartnerAdapter } from './handoff.ts'

export interface HandoffRunDeps {
  readonly fetch: FetchLike
  /** Backend prefix without a trailing slash. */
  readonly apiBase: string
  readonly timeoutMs: number
  readonly now: () => number
  /** Resolves when the page can navigate (a visible tab); see {@link whenVisible}. */
  readonly waitUntilNavigable: () => Promise<void>
}

/** Resolves once `document` is visible: a hidden tab may sit on a token until it is stale. */
export function whenVisible(document: Document): () => Promise<void> {
  return () => {
    if (document.visibilityState === 'visible') return Promise.resolve()
    return new Promise((resolve) => {
      const onChange = () => {
        if (document.visibilityState !== 'visible') return
        document.removeEventListener('visibilitychange', onChange)
        resolve()
      }
      document.addEventListener('visibilitychange', onChange)
    })
  }
}

/**
 * `fetch` that turns the BFF's "no live session" 401 into SsoError `session_expired`, so every
 * partner adapter reads only its vendor's answers.
 */
export function sessionAwareFetch(fetch: FetchLike): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init)
    if (response.status !== 401) return response
    const text = await response.clone().text()
    const reason = sessionEndedReason({ status: 401, contentType: '', text })
    if (reason === undefined) return response
    throw new SsoError('session_expired', `the BFF answered 401 ${reason}`)
  }
}

// One run per key (a history entry and attempt): StrictMode's second effect joins the first
// request. Entries go as soon as they settle, so no hand-off token outlives its run.
const runs = new Map<string, Promise<HandoffTarget>>()

/**
 * Gets a fresh hand-off target from `adapter` (the guard fetches once more when the first came too
 * late to use). The BFF renews the session itself; a session that is over rejects with
 * `session_expired`.
 */
export function runHandoff<Config, Input>(
  key: string,
  adapter: PartnerAdapter<Config, Input>,
  input: Input,
  config: Config,
  deps: HandoffRunDeps,
): Promise<HandoffTarget> {
  const existing = runs.get(key)
  if (existing !== undefined) return existing
  const request = {
    fetch: sessionAwareFetch(deps.fetch),
    apiBase: deps.apiBase,
    timeoutMs: deps.timeoutMs,
    config,
  }
  const run = fetchFreshTarget(() => adapter.request(input, request), {
    now: deps.now,
    safeWindowMs: safeWindowFor(adapter),
    waitUntilNavigable: deps.waitUntilNavigable,
  }).finally(() => runs.delete(key))
  runs.set(key, run)
  return run
}

/** The parts of the page that leaving touches. */
export interface LeavingPage {
  readonly location: Pick<Location, 'replace'>
  readonly history: Pick<History, 'replaceState'>
  readonly document: Document
}

/**
 * Leaves for the partner (docs/architecture.md §3 "Hand-offs"): location.replace, so Back never
 * returns to the hand-off; or an auto-submitted POST form, so the token stays out of URLs, history
 * and Referer. `homePath` replaces the hand-off entry before a form leaves.
 */
export function leaveFor(target: HandoffTarget, page: LeavingPage, homePath = '/'): void {
  if (target.kind === 'redirect') {
    page.location.replace(target.url)
    return
  }
  const form = page.document.createElement('form')
  form.method = 'POST'
  form.action = target.action
  form.hidden = true
  for (const [name, value] of Object.entries(target.fields)) {
    const field = page.document.createElement('input')
    field.type = 'hidden'
    field.name = name
    field.value = value
    form.append(field)
  }
  page.document.body.append(form)
  // A form submission adds a history entry; the hand-off entry becomes home so Back does not re-run
  // it.
  page.history.replaceState(null, '', homePath)
  form.submit()
}
