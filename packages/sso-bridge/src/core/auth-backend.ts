// The one interface sign-in needs from the backend (docs/architecture.md §5: one adapter behind one
// interface). The core depends on this; bff-client.ts implements it over sso-bridge's own
// BFF, which keeps the tokens: the browser only ever sees a SessionView.
import type { InitiateAnswer, SessionView } from '../../../contract/src/contract.ts'
import type { ProviderName } from './transaction-store.ts'
import type { CodeCallback, ErrorCallback } from './validated-callback.ts'

/** What GET /api/session says: signed in, or signed out and why. */
export type SessionState =
  | { readonly signedIn: true; readonly session: SessionView }
  | { readonly signedIn: false; readonly reason: SignedOutReason }

/**
 * `signed_out`: no session; `session_expired`: it ended on its own; `user_signed_out`: the person
 * signed out in this tab just now (the sign-in page confirms it).
 */
export type SignedOutReason = 'signed_out' | 'session_expired' | 'user_signed_out'

/**
 * Every method throws SsoError: `timeout`, `backend_unavailable`, `invalid_response`, and
 * `login_failed` or `sign_in_not_bound` (initiate, login) when the backend refuses.
 */
export interface AuthBackend {
  readonly provider: ProviderName
  /**
   * Starts a sign-in for `email`; the backend creates the state and nonce and answers the
   * identity provider's authorize URL, checked by allowRedirect before anyone goes there.
   */
  initiate(email: string): Promise<InitiateAnswer>
  /**
   * Exchanges the callback's code once (never retried: it is single use); the session is set.
   * Takes only a callback validateCallback checked, so an unchecked one cannot reach the backend.
   */
  login(callback: CodeCallback): Promise<SessionView>
  /** Tells the backend the provider answered with an error; never throws, never retried. */
  reportProviderError(callback: ErrorCallback): Promise<void>
  /** The session this browser has, if any. */
  session(): Promise<SessionState>
  /** Ends the session at the backend. */
  signOut(): Promise<void>
}

/** What the callback page needs of the backend: the code exchange and the error report. */
export type LoginBackend = Pick<AuthBackend, 'login' | 'reportProviderError'>
