// Every status the Indee-style auth backend answers with, in one table (Indee document: A0xxx
// success, A20xx authentication, A4xxx validation, A5xxx server). docs/emulators.md lists the same
// table; keep them in step.
import type http from 'node:http'
import { sendJson } from '../lib/http.ts'

interface IndeeStatus {
  readonly code: `A${number}`
  readonly http: number
  readonly message: string
}

export const INDEE_STATUS = {
  success: { code: 'A0000', http: 200, message: 'success' },
  badApiKey: { code: 'A2001', http: 401, message: 'Invalid or missing API key' },
  accessDenied: { code: 'A2002', http: 401, message: 'Access Denied' },
  refreshFailed: { code: 'A2003', http: 401, message: 'Refresh failed' },
  transactionNotFound: {
    code: 'A2004',
    http: 401,
    message: 'Sign-in transaction not found, expired or already used',
  },
  exchangeFailed: {
    code: 'A2005',
    http: 401,
    message: 'The sign-in could not be verified with the identity provider',
  },
  malformedBody: { code: 'A4001', http: 400, message: 'Malformed request body' },
  invalidUsername: { code: 'A4002', http: 400, message: 'username must be an email address' },
  originNotAllowed: {
    code: 'A4003',
    http: 400,
    message: 'The request Origin is not a registered application origin',
  },
  notFound: { code: 'A4004', http: 404, message: 'Not found' },
  methodNotAllowed: { code: 'A4005', http: 405, message: 'Method not allowed' },
  unexpected: { code: 'A5001', http: 500, message: 'Unexpected server error' },
  upstreamUnreachable: { code: 'A5002', http: 502, message: 'The auth backend is unreachable' },
  idpUnreachable: { code: 'A5003', http: 502, message: 'The identity provider is unreachable' },
  tooManySignIns: {
    code: 'A5004',
    http: 503,
    message: 'Too many sign-ins in progress; try again later',
  },
} as const satisfies Record<string, IndeeStatus>

export type IndeeStatusName = keyof typeof INDEE_STATUS

/** Answers `{status_code, status_message}` (plus `extra` fields) with the table's HTTP status. */
export function sendIndee(
  res: http.ServerResponse,
  name: IndeeStatusName,
  options: {
    readonly message?: string
    readonly extra?: Readonly<Record<string, unknown>>
    readonly headers?: http.OutgoingHttpHeaders
  } = {},
): void {
  const status = INDEE_STATUS[name]
  sendJson(
    res,
    status.http,
    {
      ...options.extra,
      status_code: status.code,
      status_message: options.message ?? status.message,
    },
    options.headers,
  )
}
