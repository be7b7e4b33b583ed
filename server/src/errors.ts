// The BFF's own answers when it refuses or fails: `{"error": code, "message": text}` with a
// code from one closed set, so the app maps each to its own error view. docs/backend-contract.md
// lists them.
import type { FastifyReply } from 'fastify'

export const BFF_ERRORS = {
  invalid_request: { status: 400, message: 'The request is not valid.' },
  signed_out: { status: 401, message: 'Sign-in required.' },
  session_expired: { status: 401, message: 'The session has ended.' },
  forbidden: { status: 403, message: 'This request is not allowed from here.' },
  sign_in_not_bound: {
    status: 403,
    message: 'This sign-in was not started in this browser.',
  },
  not_found: { status: 404, message: 'Not found.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  rate_limited: { status: 429, message: 'Too many sign-in requests; try again in a minute.' },
  login_failed: { status: 401, message: 'The sign-in service refused this sign-in.' },
  backend_unavailable: { status: 502, message: 'The sign-in service is not available.' },
  partner_unavailable: { status: 502, message: 'The partner service is not available.' },
  upstream_timeout: { status: 504, message: 'An upstream service took too long to answer.' },
  internal: { status: 500, message: 'Unexpected error.' },
} as const satisfies Record<string, { readonly status: number; readonly message: string }>

export type BffErrorCode = keyof typeof BFF_ERRORS

export interface BffErrorBody {
  readonly error: BffErrorCode
  readonly message: string
  /** Text from the sign-in service, for the person to read (never a vendor credential problem). */
  readonly detail?: string
}

export function errorBody(code: BffErrorCode, detail?: string): BffErrorBody {
  return {
    error: code,
    message: BFF_ERRORS[code].message,
    ...(detail !== undefined && detail !== '' && { detail }),
  }
}

/**
 * The one case where a code answers another status than the table's: the BFF's own session
 * store is down. The app reads the code (`backend_unavailable`, "try again"); the 503 tells a
 * load balancer and the logs that it is this instance's dependency, not Indee (502).
 */
export const SESSION_STORE_UNAVAILABLE = { code: 'backend_unavailable', status: 503 } as const

/** Sends the BFF's error `code`, with its status from the table unless `status` is given. */
export function sendError(
  reply: FastifyReply,
  code: BffErrorCode,
  detail?: string,
  status: number = BFF_ERRORS[code].status,
): FastifyReply {
  return reply.code(status).send(errorBody(code, detail))
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
