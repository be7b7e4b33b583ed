// The BFF's own answers when it refuses or fails: `{"error": code, "message": text}` with a
// code from the contract's closed set and its status, so the app maps each to its own error view.
// docs/backend-contract.md lists them.
import type { FastifyReply } from 'fastify'
import {
  BFF_ERROR_HEADER,
  BFF_ERROR_STATUS,
  SESSION_STORE_UNAVAILABLE_STATUS,
  type BffErrorBody,
  type BffErrorCode,
} from '../../contract/src/contract.ts'
import { noteCode } from './telemetry/request-notes.ts'

export type { BffErrorCode } from '../../contract/src/contract.ts'

/** The BFF's words for each code, for developers reading an answer (the app has its own). */
export const BFF_ERROR_MESSAGES: Readonly<Record<BffErrorCode, string>> = {
  invalid_request: 'The request is not valid.',
  signed_out: 'Sign-in required.',
  session_expired: 'The session has ended.',
  sign_in_expired: 'The sign-in service no longer knows this sign-in; start a new one.',
  forbidden: 'This request is not allowed from here.',
  sign_in_not_bound: 'This sign-in was not started in this browser.',
  handoff_not_permitted: 'The signed-in person may not use this partner.',
  handoff_account_not_owned: 'The account does not belong to the signed-in person.',
  not_found: 'Not found.',
  payload_too_large: 'The request body is too large.',
  rate_limited: 'Too many sign-in requests; try again in a minute.',
  login_failed: 'The sign-in service refused this sign-in.',
  backend_unavailable: 'The sign-in service is not available.',
  partner_unavailable: 'The partner service is not available.',
  partner_refused: 'The partner service refused the request; its answer is in "vendor".',
  upstream_timeout: 'An upstream service took too long to answer.',
  internal: 'Unexpected error.',
}

export function errorBody(code: BffErrorCode, detail?: string): BffErrorBody {
  return {
    error: code,
    message: BFF_ERROR_MESSAGES[code],
    ...(detail !== undefined && detail !== '' && { detail }),
  }
}

/** The BFF's own session store is down: the contract's one status other than the table's. */
export const SESSION_STORE_UNAVAILABLE = {
  code: 'backend_unavailable',
  status: SESSION_STORE_UNAVAILABLE_STATUS,
} as const

/**
 * Sends the BFF's error `code`, with its status from the table unless `status` is given, and the
 * contract's header that marks the answer as the BFF's own (never a vendor's).
 */
export function sendError(
  reply: FastifyReply,
  code: BffErrorCode,
  detail?: string,
  status: number = BFF_ERROR_STATUS[code],
): FastifyReply {
  noteCode(reply.request, code)
  return reply.code(status).header(BFF_ERROR_HEADER, code).send(errorBody(code, detail))
}

/** A failure thrown inside a route, answered by the error handler as `code`. */
export class BffError extends Error {
  constructor(
    readonly code: BffErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message)
    this.name = 'BffError'
  }
}
