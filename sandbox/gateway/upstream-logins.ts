// The gateway's own logins at vendors (AssureSign apiUserAuthentication per person, Aimbase
// Security/Login for its API user), kept until shortly before they expire on the sandbox clock.
// One login at a time per key: concurrent hand-offs wait for the same login.
import { callUpstream, type UpstreamAnswer } from './forward.ts'

/** A login is not used in its last 30 s, so it cannot expire between the check and the call. */
export const LOGIN_RENEWAL_MARGIN_MS = 30_000

export type LoginOutcome =
  | { readonly kind: 'token'; readonly token: string; readonly expiresAt: number }
  /** The vendor refused the login; its answer goes back to the browser unchanged. */
  | { readonly kind: 'refused'; readonly answer: UpstreamAnswer }
  /** The vendor could not be reached, or answered success in a shape the gateway cannot use. */
  | { readonly kind: 'failed'; readonly message: string }

export class UpstreamLogins {
  readonly #now: () => number
  readonly #tokens = new Map<string, { readonly token: string; readonly expiresAt: number }>()
  readonly #pending = new Map<string, Promise<LoginOutcome>>()

  constructor(now: () => number) {
    this.#now = now
  }

  /**
   * The cached token under `key` while it has more than LOGIN_RENEWAL_MARGIN_MS left, else the
   * outcome of `login` (shared with any call already logging in under `key`). Only tokens are
   * kept; a refusal or failure is tried again on the next call.
   */
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
  /** Vendor name for messages, e.g. "AssureSign". */
  readonly vendor: string
  readonly url: string
  readonly body: unknown
  /** The token of a 200 answer's JSON body; undefined when the shape is not the vendor's. */
  readonly tokenOf: (body: unknown) => string | undefined
  readonly lifetimeMs: number
  /** The sandbox clock. */
  readonly now: () => number
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown
  } catch {
    return undefined
  }
}

/** POSTs a JSON login and reads the token out of a 200 answer; any other status is a refusal. */
export async function loginWithJson(login: JsonLogin): Promise<LoginOutcome> {
  // Taken before the call: the vendor's own clock starts later, so ours never outlives its.
  const startedAt = login.now()
  const answer = await callUpstream({
    url: login.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(login.body),
  })
  if (answer === undefined) return { kind: 'failed', message: `${login.vendor} is unreachable` }
  if (answer.status !== 200) return { kind: 'refused', answer }
  const token = login.tokenOf(parseJson(answer.body))
  if (token === undefined) {
    return { kind: 'failed', message: `${login.vendor} answered the login without a token` }
  }
  return { kind: 'token', token, expiresAt: startedAt + login.lifetimeMs }
}
