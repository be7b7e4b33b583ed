// Sign-in transactions of the auth backend: state, nonce and PKCE verifier, and the username
// that started them, looked up by state alone, as the Indee document's sso/login request carries
// nothing else. Binding a sign-in to one browser is the caller's job (sso-bridge's
// backend-for-frontend sets its own transaction cookie); PKCE binds the code to this backend.
// Times come from the sandbox clock.
import { randomBytes } from 'node:crypto'

export const TRANSACTION_TTL_MS = 10 * 60 * 1000
/** Pending sign-ins the store holds at most, so initiate calls cannot exhaust its memory. */
export const MAX_PENDING_TRANSACTIONS = 10_000

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
  | { readonly ok: false; readonly reason: 'unknown_state' | 'expired' }

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

export class TransactionStore {
  readonly #now: () => number
  readonly #maxPending: number
  readonly #byState = new Map<string, SignInTransaction>()

  constructor(now: () => number, maxPending = MAX_PENDING_TRANSACTIONS) {
    this.#now = now
    this.#maxPending = maxPending
  }

  /**
   * Starts a transaction with a fresh random state, nonce and verifier. When the store is full
   * it first forgets expired transactions; still full, it refuses (undefined).
   */
  create(
    fields: Pick<SignInTransaction, 'username' | 'redirectUri'>,
  ): SignInTransaction | undefined {
    if (this.#byState.size >= this.#maxPending) this.#purge()
    if (this.#byState.size >= this.#maxPending) return undefined
    const transaction: SignInTransaction = {
      ...fields,
      state: randomToken(),
      nonce: randomToken(),
      codeVerifier: randomToken(),
      createdAt: this.#now(),
    }
    this.#byState.set(transaction.state, transaction)
    return transaction
  }

  /** Looks up and removes the transaction: RFC 9700 §4.7.1, state is single use. */
  take(state: string): TakeResult {
    const transaction = this.#byState.get(state)
    if (transaction === undefined) return { ok: false, reason: 'unknown_state' }
    this.#byState.delete(state)
    if (this.#expired(transaction)) return { ok: false, reason: 'expired' }
    return { ok: true, transaction }
  }

  /** How many transactions are held, expired ones included until the next purge. */
  get size(): number {
    return this.#byState.size
  }

  #expired(transaction: SignInTransaction): boolean {
    return this.#now() - transaction.createdAt >= TRANSACTION_TTL_MS
  }

  #purge(): void {
    for (const [state, transaction] of this.#byState) {
      if (this.#expired(transaction)) this.#byState.delete(state)
    }
  }
}
