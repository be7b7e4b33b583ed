// docs/architecture.md §2 "History": the callback page cleans its URL before any await, so `code`
// and `state` never stay in the address bar or history, and a reload cannot re-run the exchange.
export const CALLBACK_PATH = '/sso/callback'

/** When on the callback page, returns its original URL and replaces it with the bare path. */
export function takeCallbackUrl(): string | undefined {
  if (window.location.pathname !== CALLBACK_PATH) return undefined
  const href = window.location.href
  window.history.replaceState(null, '', CALLBACK_PATH)
  return href
}
