// The React part's services: the whole BFF client over this origin's fetch, and this tab's sign-in
// transactions and sign-out states (sessionStorage). Created once by SsoProvider; views read them
// through its context.
import { createBffClient } from '../core/bff-client.ts'
import type { AuthBackend } from '../core/auth-backend.ts'
import { createSignOutStates, type SignOutStates } from '../core/end-session.ts'
import { safeSessionStorage } from '../core/storage.ts'
import type { RuntimeConfig } from '../partners/runtime-config.ts'
import type { FetchLike } from '../core/http.ts'
import type { TransactionStore } from '../core/transaction-store.ts'
import { browserFetch, browserTransactions } from '../callback/browser.ts'

export interface Services {
  readonly config: RuntimeConfig
  /** The browser's fetch, with app paths made absolute against this origin. */
  readonly fetch: FetchLike
  readonly backend: AuthBackend
  readonly transactions: TransactionStore
  /** This tab's sign-outs in progress at the identity provider (RP-Initiated Logout). */
  readonly signOutStates: SignOutStates
  /**
   * Whether `state` on the sign-in page is one of this tab's sign-outs coming back from the
   * identity provider. Consumes it on the first question and gives the same answer for that
   * state afterwards, so a double render (StrictMode) cannot turn "signed out" into "unknown".
   */
  readonly returnedFromSignOut: (state: string) => boolean
}

/** Throws SsoError('storage_unavailable') when this tab cannot keep sessionStorage. */
export function createServices(config: RuntimeConfig): Services {
  const backend = createBffClient({
    fetch: browserFetch,
    apiBase: config.apiBase,
    timeoutMs: config.requestTimeoutMs,
  })
  const transactions = browserTransactions(config.transactionTtlSeconds)
  const signOutStates = createSignOutStates({
    storage: safeSessionStorage(),
    now: () => Date.now(),
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
  })
  const answers = new Map<string, boolean>()
  const returnedFromSignOut = (state: string) => {
    let answer = answers.get(state)
    if (answer === undefined) {
      answer = signOutStates.consume(state)
      answers.set(state, answer)
    }
    return answer
  }
  return {
    config,
    fetch: browserFetch,
    backend,
    transactions,
    signOutStates,
    returnedFromSignOut,
  }
}
