// The browser's side of the core, shared by the callback entry and the React part: this origin's
// fetch and this tab's sign-in transactions.
import type { FetchLike } from '../core/http.ts'
import { forgetEmail, rememberedEmail, rememberEmail } from '../core/remembered-email.ts'
import { safeSessionStorage } from '../core/storage.ts'
import { createTransactionStore, type TransactionStore } from '../core/transaction-store.ts'

/** `fetch` with app paths made absolute against this origin (the same request under Node). */
export const browserFetch: FetchLike = (input, init) =>
  window.fetch(new URL(input, window.location.origin).href, init)

/**
 * This tab's sign-ins in progress, stale ones purged. Throws SsoError `storage_unavailable` when
 * the tab cannot keep sessionStorage (docs/architecture.md §3 "Transactions": never memory).
 */
export function browserTransactions(ttlSeconds: number): TransactionStore {
  const store = createTransactionStore({
    storage: safeSessionStorage(),
    now: () => Date.now(),
    ttlMs: ttlSeconds * 1000,
  })
  store.purgeStale()
  return store
}

/** This tab's sessionStorage, or undefined when the tab cannot keep any. */
function tabStorage(): Storage | undefined {
  try {
    return safeSessionStorage()
  } catch {
    return undefined
  }
}

/** The email this tab last started a sign-in with (core/remembered-email.ts), in this tab. */
export const tabEmail = {
  remember(email: string): void {
    const storage = tabStorage()
    if (storage !== undefined) rememberEmail(storage, email)
  },
  read(): string | undefined {
    const storage = tabStorage()
    return storage === undefined ? undefined : rememberedEmail(storage)
  },
  forget(): void {
    const storage = tabStorage()
    if (storage !== undefined) forgetEmail(storage)
  },
}
