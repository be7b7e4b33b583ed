// The BFF's error answers (docs/backend-contract.md), read without zod so the login call on the
// callback path can use them: `{"error": code, "message"?, "detail"?}` and what each code means.
import {
  BFF_ERROR_HEADER,
  type BffErrorCode,
  type SessionEndedCode,
} from '../../../contract/src/contract.ts'
import { SsoError, type SsoErrorCode, type SsoErrorOptions } from './errors.ts'
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
  sign_in_expired: 'sign_in_expired',
  forbidden: 'backend_unavailable',
  sign_in_not_bound: 'sign_in_not_bound',
  handoff_not_permitted: 'handoff_not_permitted',
  handoff_account_not_owned: 'handoff_account_not_owned',
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

/**
 * The same, on a partner's hand-off route (docs/backend-contract.md, "Partner routes"): a request
 * the BFF refuses is a link it cannot use, a missing route is a partner it does not serve, and its
 * partner failures name the partner. A `partner_refused` here is one whose vendor answer could
 * not be read.
 */
const HANDOFF_CODES: Readonly<Record<BffErrorCode, SsoErrorCode>> = {
  ...CODES,
  invalid_request: 'invalid_handoff_input',
  payload_too_large: 'invalid_handoff_input',
  not_found: 'handoff_not_configured',
  partner_unavailable: 'handoff_unavailable',
  partner_refused: 'handoff_unavailable',
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

/** The BFF's request id and the time of `response`, for support. */
function referenceOf(response: HttpResponse): SsoErrorOptions {
  return {
    ...(response.requestId !== undefined && { requestId: response.requestId }),
    ...(response.at !== undefined && { at: response.at }),
  }
}

/** Turns a failed answer into a coded error; `where` names the call for developers. */
export function bffFailure(where: string, response: HttpResponse): SsoError {
  const body = readBffError(parseJsonBody(response))
  const message = `${where} answered HTTP ${response.status}`
  const reference = referenceOf(response)
  if (body !== undefined) {
    const detail = vendorDetail(body.detail)
    // A code the contract does not know (a newer BFF): the service is not available.
    const code = isBffErrorCode(body.error) ? CODES[body.error] : 'backend_unavailable'
    return new SsoError(code, `${message} (${body.error})`, {
      ...reference,
      ...(detail !== undefined && { detail }),
    })
  }
  if (response.status === 504 || response.status === 408) {
    return new SsoError('timeout', message, reference)
  }
  if (response.status === 429) return new SsoError('rate_limited', message, reference)
  if (response.status >= 500) return new SsoError('backend_unavailable', message, reference)
  return new SsoError('invalid_response', message, reference)
}

/**
 * The BFF's own error code of a hand-off answer: the {@link BFF_ERROR_HEADER} header, which only
 * the BFF sets (a vendor's answer is relayed without its headers). Undefined for any other answer.
 */
export function ownErrorCode(headers: Pick<Headers, 'get'>): string | undefined {
  const code = headers.get(BFF_ERROR_HEADER)
  return code !== null && ERROR_CODE.test(code) ? code : undefined
}

/**
 * The BFF's own refusal or failure of a hand-off call (`code` from {@link ownErrorCode}), in the
 * app's words: no partner was asked, or the BFF speaks about one. Its `detail`, if any, is the
 * BFF's, never a partner's.
 */
export function bffHandoffFailure(code: string, response: HttpResponse): SsoError {
  const body = readBffError(parseJsonBody(response))
  const detail = vendorDetail(body?.detail)
  return new SsoError(
    isBffErrorCode(code) ? HANDOFF_CODES[code] : 'backend_unavailable',
    `the BFF refused the hand-off: HTTP ${response.status} (${code})`,
    { ...referenceOf(response), ...(detail !== undefined && { detail }) },
  )
}
