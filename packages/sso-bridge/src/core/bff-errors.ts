// The BFF's error answers (docs/backend-contract.md), read without zod so the login call on the
// callback path can use them: `{"error": code, "message"?, "detail"?}` and what each code means.
import type { BffErrorCode, SessionEndedCode } from '../../../contract/src/contract.ts'
import { SsoError, type SsoErrorCode } from './errors.ts'
import { parseJsonBody, type HttpResponse } from './http.ts'
import { isObject } from './plain-checks.ts'
import { vendorDetail } from './vendor-detail.ts'

export interface BffError {
  readonly error: string
  readonly message?: string
  readonly detail?: string
}

const ERROR_CODE = /^[a-z_]{1,40}$/

/** The BFF's own error body, else undefined (a proxy's HTML page, an empty body). */
export function readBffError(value: unknown): BffError | undefined {
  if (!isObject(value)) return undefined
  const { error, message, detail } = value
  if (typeof error !== 'string' || !ERROR_CODE.test(error)) return undefined
  if (message !== undefined && typeof message !== 'string') return undefined
  if (detail !== undefined && typeof detail !== 'string') return undefined
  return {
    error,
    ...(message !== undefined && { message }),
    ...(detail !== undefined && { detail }),
  }
}

/**
 * What each of the contract's BFF error codes means to the person: every code, so a code added or
 * renamed there does not compile here until it is mapped. The BFF's own refusals of a request the
 * app made wrong, and its outages, read as "the service is not available".
 */
const CODES: Readonly<Record<BffErrorCode, SsoErrorCode>> = {
  invalid_request: 'backend_unavailable',
  signed_out: 'session_expired',
  session_expired: 'session_expired',
  forbidden: 'backend_unavailable',
  sign_in_not_bound: 'sign_in_not_bound',
  not_found: 'backend_unavailable',
  payload_too_large: 'backend_unavailable',
  rate_limited: 'rate_limited',
  login_failed: 'login_failed',
  backend_unavailable: 'backend_unavailable',
  partner_unavailable: 'backend_unavailable',
  partner_refused: 'backend_unavailable',
  upstream_timeout: 'timeout',
  internal: 'backend_unavailable',
}

/** Whether `error` is one of the contract's codes (an own property: "constructor" is not). */
export function isBffErrorCode(error: string): error is BffErrorCode {
  return Object.hasOwn(CODES, error)
}

/** The reason in a BFF 401 that says the session is over, else undefined. */
export function sessionEndedReason(response: HttpResponse): SessionEndedCode | undefined {
  if (response.status !== 401) return undefined
  const error = readBffError(parseJsonBody(response))?.error
  return error === 'signed_out' || error === 'session_expired' ? error : undefined
}

/** Turns a failed answer into a coded error; `where` names the call for developers. */
export function bffFailure(where: string, response: HttpResponse): SsoError {
  const body = readBffError(parseJsonBody(response))
  const message = `${where} answered HTTP ${response.status}`
  if (body !== undefined) {
    const detail = vendorDetail(body.detail)
    // A code the contract does not know (a newer BFF): the service is not available.
    const code = isBffErrorCode(body.error) ? CODES[body.error] : 'backend_unavailable'
    return new SsoError(code, `${message} (${body.error})`, detail === undefined ? {} : { detail })
  }
  if (response.status === 504 || response.status === 408) return new SsoError('timeout', message)
  if (response.status === 429) return new SsoError('rate_limited', message)
  if (response.status >= 500) return new SsoError('backend_unavailable', message)
  return new SsoError('invalid_response', message)
}
