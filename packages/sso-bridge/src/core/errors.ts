/**
 * The closed set of failures sso-bridge shows a person. Every code has a message in
 * error-messages.ts (a Record over this union, so a code without words does not compile) and is
 * shown as text on the error view, where QA and support can read it.
 */
export const SSO_ERROR_CODES = [
  // sign-in: callback validation (docs/architecture.md §3 "Callback order", in the order they are
  // checked)
  'state_missing',
  'state_mismatch',
  'state_expired',
  'state_used',
  'issuer_mismatch',
  'provider_error',
  'sign_in_cancelled',
  'invalid_callback',
  // sign-in: backend exchange and session
  'login_failed',
  'sign_in_expired',
  'sign_in_not_bound',
  'rate_limited',
  'session_expired',
  'backend_unavailable',
  'invalid_response',
  'timeout',
  // environment and configuration
  'storage_unavailable',
  'config_invalid',
  'untrusted_redirect',
  // partner hand-offs
  'invalid_handoff_input',
  // the BFF's own refusals of a hand-off (no partner was asked)
  'handoff_not_permitted',
  'handoff_account_not_owned',
  'handoff_not_configured',
  // a partner's answers
  'handoff_unauthorized',
  'handoff_forbidden',
  'handoff_bad_request',
  'handoff_not_acceptable',
  'handoff_rejected',
  'handoff_unavailable',
  'handoff_expired',
  'handoff_blocked',
] as const

export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number]

export interface SsoErrorOptions {
  /** Text from the provider or a vendor, shown to the person as text (never as HTML). */
  readonly detail?: string
  readonly cause?: unknown
  /** The app path the failed flow was heading to, so "Try again" can keep it. */
  readonly returnTo?: string
  /** The BFF's id of the request that failed (its `X-Request-Id`), for support. */
  readonly requestId?: string
  /** When the failed answer came (or the call gave up), in ms since the epoch, for support. */
  readonly at?: number
}

/** The one error type of sso-bridge: a code from the closed set, plus optional vendor text. */
export class SsoError extends Error {
  override readonly name = 'SsoError'
  readonly code: SsoErrorCode
  readonly detail: string | undefined
  readonly returnTo: string | undefined
  readonly requestId: string | undefined
  readonly at: number | undefined

  constructor(code: SsoErrorCode, message: string, options: SsoErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.detail = options.detail
    this.returnTo = options.returnTo
    this.requestId = options.requestId
    this.at = options.at
  }
}

/** The options `error` was made with, to make the same failure again with one more of them. */
export function optionsOf(error: SsoError): SsoErrorOptions {
  return {
    ...(error.detail !== undefined && { detail: error.detail }),
    ...(error.cause !== undefined && { cause: error.cause }),
    ...(error.returnTo !== undefined && { returnTo: error.returnTo }),
    ...(error.requestId !== undefined && { requestId: error.requestId }),
    ...(error.at !== undefined && { at: error.at }),
  }
}

/** Where a failed call ended, for support: the BFF's request id (when it answered) and the time. */
export interface CallReference {
  readonly requestId?: string | undefined
  readonly at: number
}

/**
 * The same failure, now carrying `reference` (the call it came from). Anything that is not an
 * SsoError, or already carries a time, is returned unchanged.
 */
export function withReference(error: unknown, reference: CallReference): unknown {
  if (!isSsoError(error) || error.at !== undefined) return error
  return new SsoError(error.code, error.message, {
    ...optionsOf(error),
    ...(reference.requestId !== undefined && { requestId: reference.requestId }),
    at: reference.at,
  })
}

export function isSsoError(value: unknown): value is SsoError {
  return value instanceof SsoError
}
