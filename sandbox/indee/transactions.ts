// Sign-in transactions of the auth backend: state, nonce and PKCE verifier bound to one browser
// (an opaque id in an HttpOnly cookie) and to the username that started them. A browser may
// hold several (one per tab), looked up by state. Times come from the sandbox clock.
import { randomBytes } from 'node:crypto'

export const TRANSACTION_COOKIE = 'indee_sso_txn'
export const TRANSACTION_TTL_MS = 10 * 60 * 1000

export interface SignInTransaction {
  readonly state: string
  readonly nonce: string
  readonly codeVerifier: string
  readonly username: string
  readonly redirectUri: string
  readonly createdAt: number
}

export type TakeResult =
  | { readonly ok: true; readonly transaction: SignInTransaction }
  | { readonly ok: false; readonly reason: 'no_cookie' | 'unknown_state' | 'expired' }

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

export class TransactionStore {
  readonly #now: () => number
  readonly #byBrowser = new Map<string, Map<string, SignInTransaction>>()

  constructor(now: () => number) {
    this.#now = now
  }

  /**
   * Starts a transaction. An existing binding id is reused only when the store knows it, so a
   * browser cannot choose its own id.
   */
  create(
    bindingId: string | undefined,
    fields: Pick<SignInTransaction, 'username' | 'redirectUri'>,
  ): { readonly bindingId: string; readonly transaction: SignInTransaction } {
    this.#purge()
    const id = bindingId !== undefined && this.#byBrowser.has(bindingId) ? bindingId : randomToken()
    const transaction: SignInTransaction = {
      ...fields,
      state: randomToken(),
      nonce: randomToken(),
      codeVerifier: randomToken(),
      createdAt: this.#now(),
    }
    const pending = this.#byBrowser.get(id) ?? new Map<string, SignInTransaction>()
    pending.set(transaction.state, transaction)
    this.#byBrowser.set(id, pending)
    return { bindingId: id, transaction }
  }

  /** Looks up and removes the transaction: RFC 9700 §4.7.1, state is single use. */
  take(bindingId: string | undefined, state: string): TakeResult {
    if (bindingId === undefined) return { ok: false, reason: 'no_cookie' }
    const pending = this.#byBrowser.get(bindingId)
    const transaction = pending?.get(state)
    if (pending === undefined || transaction === undefined) {
      return { ok: false, reason: 'unknown_state' }
    }
    pending.delete(state)
    if (pending.size === 0) this.#byBrowser.delete(bindingId)
    if (this.#expired(transaction)) return { ok: false, reason: 'expired' }
    return { ok: true, transaction }
  }

  /** Whether the browser still has transactions in flight (else its cookie can go). */
  hasPending(bindingId: string | undefined): boolean {
    return bindingId !== undefined && this.#byBrowser.has(bindingId)
  }

  #expired(transaction: SignInTransaction): boolean {
    return this.#now() - transaction.createdAt >= TRANSACTION_TTL_MS
  }

  #purge(): void {
    for (const [id, pending] of this.#byBrowser) {
      for (const [state, transaction] of pending) {
        if (this.#expired(transaction)) pending.delete(state)
      }
      if (pending.size === 0) this.#byBrowser.delete(id)
    }
  }
}
