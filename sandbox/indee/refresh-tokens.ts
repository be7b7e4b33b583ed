// Refresh tokens of the auth backend: opaque random values stored server side with their
// owner and expiry (sandbox clock). They do not rotate: the Indee refresh answer carries only
// a new `token`, so the same refresh token is used until it expires or the person signs out.
import { randomToken } from './transactions.ts'

export interface RefreshRecord {
  readonly sub: string
  readonly email: string
  readonly expiresAt: number
}

export class RefreshTokenStore {
  readonly #now: () => number
  readonly #records = new Map<string, RefreshRecord>()

  constructor(now: () => number) {
    this.#now = now
  }

  issue(owner: Pick<RefreshRecord, 'sub' | 'email'>, ttlSeconds: number): string {
    const token = randomToken()
    this.#records.set(token, { ...owner, expiresAt: this.#now() + ttlSeconds * 1000 })
    return token
  }

  /** The owner of a live refresh token; unknown, expired and revoked tokens give undefined. */
  use(token: string): RefreshRecord | undefined {
    const record = this.#records.get(token)
    if (record === undefined) return undefined
    if (this.#now() >= record.expiresAt) {
      this.#records.delete(token)
      return undefined
    }
    return record
  }

  revoke(token: string): void {
    this.#records.delete(token)
  }
}
