// The identity provider's redirect back (docs/architecture.md §3 "Callback order"): read the
// parameters, consume the state, check iss, report a provider error, else exchange the code exactly
// once.
import type { LoginBackend } from './auth-backend.ts'
import { callbackStateOf, readCallbackParams } from './callback-params.ts'
import { SsoError } from './errors.ts'
import type { SessionView } from './session.ts'
import type { TransactionStore } from './transaction-store.ts'
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
  readonly config: {
    readonly identityProvider: { readonly issuer: string; readonly requireIssuer: boolean }
  }
}

// One exchange per state for the life of the page: React StrictMode, a double render or a
// double click all get the same promise, so the single-use code is sent once. Never cleared: a
// new page load is a new module.
const flights = new Map<string, Promise<CallbackSuccess>>()

/**
 * Completes a sign-in from the callback page's original URL (the caller has already removed it from
 * the address bar). Resolves with the new session (the BFF sets its cookie); rejects with SsoError
 * `invalid_callback`, `state_missing`, `state_mismatch`, `state_expired`, `state_used`,
 * `issuer_mismatch`, `provider_error` (detail: the provider's description, as text),
 * `login_failed`, `sign_in_not_bound`, `rate_limited`, `invalid_response`, `backend_unavailable`,
 * `timeout` or `storage_unavailable`. Failures after the state was found carry the transaction's
 * `returnTo`. Nothing is awaited before the backend call, so the request has been sent when this
 * returns (the callback entry relies on it).
 */
export function handleCallback(href: string, deps: CallbackDeps): Promise<CallbackSuccess> {
  const state = callbackStateOf(href)
  if (state === undefined) return completeSignIn(href, deps)
  const existing = flights.get(state)
  if (existing !== undefined) return existing
  const flight = completeSignIn(href, deps)
  flights.set(state, flight)
  return flight
}

async function completeSignIn(href: string, deps: CallbackDeps): Promise<CallbackSuccess> {
  const { store, backend, config } = deps
  const params = readCallbackParams(href)
  // RFC 9700 §4.2.4: consumed before the backend call, so the state is single use.
  const tx = store.consume(params.state)
  try {
    // RFC 9207 §2.4: iss must be the expected issuer; required when the provider advertises it.
    if (params.iss === undefined) {
      if (config.identityProvider.requireIssuer) {
        throw new SsoError('issuer_mismatch', 'callback has no "iss" parameter')
      }
    } else if (params.iss !== tx.issuer || params.iss !== config.identityProvider.issuer) {
      throw new SsoError('issuer_mismatch', 'unexpected "iss" value')
    }

    if (params.error !== undefined) {
      // The backend closes its transaction; whatever it answers, nothing is stored.
      await backend.reportProviderError({
        state: tx.state,
        nonce: tx.nonce,
        email: tx.email,
        error: params.error,
        errorDescription: params.errorDescription ?? '',
      })
      throw new SsoError('provider_error', `identity provider answered "${params.error}"`, {
        detail: params.errorDescription ?? params.error,
      })
    }
    if (params.code === undefined) {
      throw new SsoError('invalid_callback', 'callback has no "code" parameter')
    }

    const session = await backend.login({
      state: tx.state,
      nonce: tx.nonce,
      email: tx.email,
      code: params.code,
    })
    return { returnTo: tx.returnTo, session }
  } catch (error) {
    throw withReturnTo(error, tx.returnTo)
  }
}
