// The BFF's own logins at vendors (AssureSign apiUserAuthentication per person, Aimbase
// Security/Login for its API user), kept until shortly before they expire. One login at a time
// per key; a login that hangs is dropped at the upstream timeout, so it holds up only the
// hand-offs that need that very login.
import { jsonOf, watchedCall, type UpstreamWatcher } from './upstream-call.ts'

/** A login is not used in its last 30 s, so it cannot expire between the check and the call. */
export const LOGIN_RENEWAL_MARGIN_MS = 30_000

export type LoginOutcome =
  | { readonly kind: 'token'; readonly token: string; readonly expiresAt: number }
  /** The vendor refused the BFF's credentials, or could not be used: the browser gets a 502. */
  | { readonly kind: 'failed'; readonly reason: 'refused' | 'unreachable' | 'malformed' }
  | { readonly kind: 'timeout' }

export class VendorLogins {
  readonly #now: () => number
  readonly #tokens = new Map<string, { readonly token: string; readonly expiresAt: number }>()
  readonly #pending = new Map<string, Promise<LoginOutcome>>()

  constructor(now: () => number) {
    this.#now = now
  }

  /** The cached token under `key`, else the outcome of `login` (shared by concurrent callers). */
  async get(key: string, login: () => Promise<LoginOutcome>): Promise<LoginOutcome> {
    const cached = this.#tokens.get(key)
    if (cached !== undefined && this.#now() < cached.expiresAt - LOGIN_RENEWAL_MARGIN_MS) {
      return { kind: 'token', ...cached }
    }
    this.#tokens.delete(key)
    const running = this.#pending.get(key)
    if (running !== undefined) return running
    const started = login().finally(() => this.#pending.delete(key))
    this.#pending.set(key, started)
    const outcome = await started
    if (outcome.kind === 'token') {
      this.#tokens.set(key, { token: outcome.token, expiresAt: outcome.expiresAt })
    }
    return outcome
  }

  /** Drops `token` under `key` (the vendor no longer accepts it); a newer token stays. */
  forget(key: string, token: string): void {
    if (this.#tokens.get(key)?.token === token) this.#tokens.delete(key)
  }
}

export interface JsonLogin {
  readonly url: string
  readonly body: unknown
  /** The token of a 200 answer's JSON body; undefined when the shape is not the vendor's. */
  readonly tokenOf: (body: unknown) => string | undefined
  readonly lifetimeMs: number
  readonly timeoutMs: number
  readonly now: () => number
  /** The vendor's partner name, and the watcher of its calls (metrics, traces). */
  readonly upstream: string
  readonly watcher: UpstreamWatcher
}

/** POSTs a JSON login and reads the token out of a 200 answer. */
export async function loginWithJson(login: JsonLogin): Promise<LoginOutcome> {
  // Taken before the call: the vendor's clock starts later, so ours never outlives its.
  const startedAt = login.now()
  const result = await watchedCall(
    login.watcher,
    { upstream: login.upstream, operation: 'login' },
    {
      url: login.url,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(login.body),
    },
    login.timeoutMs,
  )
  if (!result.ok) {
    return result.reason === 'timeout'
      ? { kind: 'timeout' }
      : { kind: 'failed', reason: 'unreachable' }
  }
  if (result.answer.status !== 200) return { kind: 'failed', reason: 'refused' }
  const token = login.tokenOf(jsonOf(result.answer))
  if (token === undefined) return { kind: 'failed', reason: 'malformed' }
  return { kind: 'token', token, expiresAt: startedAt + login.lifetimeMs }
}
