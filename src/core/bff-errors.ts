// The BFF's error answers (docs/backend-contract.md), read without zod so the login call on the
// callback path can use them: `{"error": code, "message"?, "detail"?}` and what each code means.
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

/** What each BFF error code means to the person. */
const CODES: Readonly<Record<string, SsoErrorCode>> = {
  login_failed: 'login_failed',
  sign_in_not_bound: 'sign_in_not_bound',
  rate_limited: 'rate_limited',
  upstream_timeout: 'timeout',
  signed_out: 'session_expired',
  session_expired: 'session_expired',
}

/** The reason in a BFF 401 that says the session is over, else undefined. */
export function sessionEndedReason(
  response: HttpResponse,
): 'signed_out' | 'session_expired' | undefined {
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
    // An own-property lookup: a code like "constructor" is not in the table.
    const code = Object.hasOwn(CODES, body.error) ? CODES[body.error] : undefined
    return new SsoError(
      code ?? 'backend_unavailable',
      `${message} (${body.error})`,
      detail === undefined ? {} : { detail },
    )
  }
  if (response.status === 504 || response.status === 408) return new SsoError('timeout', message)
  if (response.status === 429) return new SsoError('rate_limited', message)
  if (response.status >= 500) return new SsoError('backend_unavailable', message)
  return new SsoError('invalid_response', message)
}
