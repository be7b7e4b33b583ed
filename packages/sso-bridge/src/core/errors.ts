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
  'invalid_callback',
  // sign-in: backend exchange and session
  'login_failed',
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
}

/** The one error type of sso-bridge: a code from the closed set, plus optional vendor text. */
export class SsoError extends Error {
  override readonly name = 'SsoError'
  readonly code: SsoErrorCode
  readonly detail: string | undefined
  readonly returnTo: string | undefined

  constructor(code: SsoErrorCode, message: string, options: SsoErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.detail = options.detail
    this.returnTo = options.returnTo
  }
}

export function isSsoError(value: unknown): value is SsoError {
  return value instanceof SsoError
}
