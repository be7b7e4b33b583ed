// docs/architecture.md §2 "History": the callback page cleans its URL before any await, so `code`
// and `state` never stay in the address bar or history, and a reload cannot re-run the exchange.
import { DEFAULT_CALLBACK_PATH } from '../core/return-to.ts'

/**
 * True when this page load is the callback (so an entry script can hold React back until the login
 * request is out).
 */
export function isCallbackPage(callbackPath: string = DEFAULT_CALLBACK_PATH): boolean {
  return window.location.pathname === callbackPath
}

/** On the callback page, returns its original URL and replaces it with the bare path. */
export function takeCallbackUrl(callbackPath: string): string | undefined {
  if (!isCallbackPage(callbackPath)) return undefined
  const href = window.location.href
  // Stryker disable next-line StringLiteral: the title argument of replaceState is unused by browsers (HTML spec)
  window.history.replaceState(null, '', callbackPath)
  return href
}
