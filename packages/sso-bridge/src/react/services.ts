// The React part's services: the whole BFF client over this origin's fetch, and this tab's sign-in
// transactions (sessionStorage). Created once by SsoProvider; views read them through its context.
import { createBffClient } from '../core/bff-client.ts'
import type { AuthBackend } from '../core/auth-backend.ts'
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
}

/** Throws SsoError('storage_unavailable') when this tab cannot keep sessionStorage. */
export function createServices(config: RuntimeConfig): Services {
  const backend = createBffClient({
    fetch: browserFetch,
    apiBase: config.apiBase,
    timeoutMs: config.requestTimeoutMs,
  })
  const transactions = browserTransactions(config.transactionTtlSeconds)
  return { config, fetch: browserFetch, backend, transactions }
}
