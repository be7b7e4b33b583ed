// The one interface sign-in needs from an auth backend (STYLE.md: one adapter per vendor behind
// one interface). The core depends on this; src/providers/<vendor>.ts implements it.

/** Auth backends sso-bridge has an adapter for; a Record over this catches a missing adapter. */
export type ProviderName = 'indee'

export interface InitiateResult {
  readonly state: string
  readonly nonce: string
  /** The identity provider's authorize URL; checked by allowRedirect before anyone goes there. */
  readonly redirect: string
}

export interface LoginParams {
  readonly state: string
  readonly nonce: string
  readonly email: string
  readonly code: string
}

export interface ProviderErrorReport {
  readonly state: string
  readonly nonce: string
  readonly email: string
  readonly error: string
  readonly errorDescription: string
}

export interface SessionTokens {
  readonly token: string
  readonly refreshToken: string
}

/**
 * Every method throws SsoError: `timeout`, `backend_unavailable`, `invalid_response`, and
 * `login_failed` (initiate, login) or `session_expired` (refresh) when the backend refuses.
 */
export interface AuthBackend {
  readonly provider: ProviderName
  /** Starts a sign-in for `email`; the backend creates the state and nonce. */
  initiate(email: string): Promise<InitiateResult>
  /** Exchanges the callback's code once; never retried (the code is single use). */
  login(params: LoginParams): Promise<SessionTokens>
  /** Tells the backend the provider answered with an error; never throws, never retried. */
  reportProviderError(report: ProviderErrorReport): Promise<void>
  /** A new access token for the refresh token; `session_expired` when it is refused. */
  refresh(refreshToken: string): Promise<{ readonly token: string }>
  /** Ends the backend session of the refresh token. */
  logout(refreshToken: string): Promise<void>
}
