// Short-lived, single-use hand-off tokens (AssureSign ssoToken, Aimbase session token). A used
// token is kept as a tombstone for a while, so a replay is told "already used", not "unknown".

export type RedeemFailure = 'unknown' | 'expired' | 'used'

export type Redeemed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: RedeemFailure }

interface Entry<T> {
  readonly value: T
  readonly expiresAt: number
  used: boolean
}

/** How long an expired or used token is still recognised before it is forgotten. */
const TOMBSTONE_MS = 10 * 60 * 1000

export class OneTimeTokens<T> {
  readonly #entries = new Map<string, Entry<T>>()
  readonly #ttlMs: number
  readonly #newToken: (expiresAt: number) => string

  /** `newToken` gets the expiry (ms, sandbox clock), for tokens that carry it. */
  constructor(ttlMs: number, newToken: (expiresAt: number) => string) {
    this.#ttlMs = ttlMs
    this.#newToken = newToken
  }

  /** Issues a token valid for the configured lifetime from `now` (the sandbox clock). */
  issue(value: T, now: number): string {
    this.#forgetOld(now)
    const expiresAt = now + this.#ttlMs
    const token = this.#newToken(expiresAt)
    this.#entries.set(token, { value, expiresAt, used: false })
    return token
  }

  /** Consumes the token: succeeds once, within its lifetime (the last millisecond included). */
  redeem(token: string, now: number): Redeemed<T> {
    const entry = this.#entries.get(token)
    if (entry === undefined) return { ok: false, reason: 'unknown' }
    if (entry.used) return { ok: false, reason: 'used' }
    if (now > entry.expiresAt) return { ok: false, reason: 'expired' }
    entry.used = true
    return { ok: true, value: entry.value }
  }

  #forgetOld(now: number): void {
    for (const [token, entry] of this.#entries) {
      if (now > entry.expiresAt + TOMBSTONE_MS) this.#entries.delete(token)
    }
  }
}

/** Words for a failed redemption, shown on the landing pages. */
export const REDEEM_FAILURE_TEXT: Readonly<Record<RedeemFailure, string>> = {
  unknown: 'The sign-on token is unknown.',
  expired: 'The sign-on token has expired.',
  used: 'The sign-on token was already used.',
}
