// Wires the core to the browser: real fetch, this tab's sessionStorage (sign-in transactions
// only), the wall clock. Created once at start; React reads it through a context, the callback
// entry uses it before React loads.
import { createBffClient } from '../core/bff-client.ts'
import type { AuthBackend } from '../core/auth-backend.ts'
import type { RuntimeConfig } from '../partners/runtime-config.ts'
import type { FetchLike } from '../core/http.ts'
import { safeSessionStorage } from '../core/storage.ts'
import { createTransactionStore, type TransactionStore } from '../core/transaction-store.ts'

export interface Services {
  readonly config: RuntimeConfig
  /** The browser's fetch, with app paths made absolute against this origin. */
  readonly fetch: FetchLike
  readonly backend: AuthBackend
  readonly transactions: TransactionStore
}

const now = () => Date.now()

/** Throws SsoError('storage_unavailable') when this tab cannot keep sessionStorage. */
export function createServices(config: RuntimeConfig): Services {
  const storage = safeSessionStorage()
  // Absolute against this origin: the same request in the browser, and usable under Node's fetch.
  const fetch: FetchLike = (input, init) =>
    window.fetch(new URL(input, window.location.origin).href, init)
  const backend = createBffClient({
    fetch,
    apiBase: config.apiBase,
    timeoutMs: config.requestTimeoutMs,
  })
  const transactions = createTransactionStore({
    storage,
    now,
    ttlMs: config.transactionTtlSeconds * 1000,
  })
  transactions.purgeStale()
  return { config, fetch, backend, transactions }
}
