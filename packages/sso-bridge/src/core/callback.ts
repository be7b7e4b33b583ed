// The identity provider's redirect back (docs/architecture.md §3 "Callback order"): validate the
// callback (validated-callback.ts), then report a provider error or exchange the code, once.
import type { LoginBackend } from './auth-backend.ts'
import { SsoError } from './errors.ts'
import type { SessionView } from './session.ts'
import type { TransactionStore } from './transaction-store.ts'
import { validateCallback, type IssuerRule } from './validated-callback.ts'
import { withReturnTo } from './with-return-to.ts'

export interface CallbackSuccess {
  /** Where to continue: the same-origin path stored when the sign-in started. */
  readonly returnTo: string
  /** What the BFF says of the new session (it keeps the tokens). */
  readonly session: SessionView
}

export interface CallbackDeps {
  readonly store: TransactionStore
  readonly backend: LoginBackend
  readonly config: { readonly identityProvider: IssuerRule }
}

/**
 * Completes a sign-in from the callback page's original URL (the caller has already removed it from
 * the address bar). Resolves with the new session (the BFF sets its cookie); rejects with SsoError
 * `invalid_callback`, `state_missing`, `state_mismatch`, `state_expired`, `state_used`,
 * `issuer_mismatch`, `sign_in_cancelled` (the provider's `access_denied`) or `provider_error`
 * (detail: the provider's description, as text),
 * `login_failed`, `sign_in_expired`, `sign_in_not_bound`, `rate_limited`, `invalid_response`,
 * `backend_unavailable`,
 * `timeout` or `storage_unavailable`. Failures after the state was found carry the transaction's
 * `returnTo`.
 *
 * The state is consumed on the first call, so call this once per page load (startCallback does):
 * a second call with the same URL is `state_used` and sends nothing. Nothing is awaited before the
 * backend call, so the request has been sent when this returns (the callback entry relies on it).
 */
export async function handleCallback(href: string, deps: CallbackDeps): Promise<CallbackSuccess> {
  const callback = validateCallback(href, deps.store, deps.config.identityProvider)
  try {
    if (callback.kind === 'error') {
      // The backend closes its transaction; whatever it answers, nothing is stored.
      await deps.backend.reportProviderError(callback)
      // RFC 6749 §4.1.2.1: access_denied is the provider's answer when the person cancels there.
      const code = callback.error === 'access_denied' ? 'sign_in_cancelled' : 'provider_error'
      throw new SsoError(code, `identity provider answered "${callback.error}"`, {
        detail: callback.errorDescription === '' ? callback.error : callback.errorDescription,
      })
    }
    const session = await deps.backend.login(callback)
    return { returnTo: callback.returnTo, session }
  } catch (error) {
    throw withReturnTo(error, callback.returnTo)
  }
}
