// AssureSign DocumentNOW v3.3 emulator (docs/emulators.md): API-user
// authentication, the SSO token, and the Simple Setup landing page that redeems it.
import { randomBytes } from 'node:crypto'
import type http from 'node:http'
import { z } from 'zod'
import type { SandboxControl } from '../../control/control.ts'
import { listen, mediaTypeOf, readJson, sendJson, type RunningServer } from '../../lib/http.ts'
import { USERS } from '../../users.ts'
import { LastLanding, type DebugEndpointsOption } from '../shared/last-landing.ts'
import { OneTimeTokens, REDEEM_FAILURE_TEXT } from '../shared/one-time-tokens.ts'
import { sameSecret } from '../shared/same-secret.ts'
import { VendorPages, type AppOriginOption } from '../shared/vendor-pages.ts'
import { readSimpleSetupAddress, redactSimpleSetupPath } from './simple-setup-address.ts'
import { newSsoToken } from './sso-token.ts'
import {
  ASSURESIGN_SANDBOX_CREDENTIALS,
  ASSURESIGN_SANDBOX_ENVELOPES,
  type AssureSignCredentials,
} from './credentials.ts'

const API = '/api/documentnow/v3.3/authentication'
const VENDOR = 'AssureSign'

/**
 * AssureSign documents FORBIDDEN for an invalid or expired token but no status; the code's name
 * says 403 (assumption), used by both apiUserAuthentication and sso.
 */
export const ASSURESIGN_FORBIDDEN_STATUS = 403
/** AssureSign: "The ssoToken expires after 30 seconds". */
export const ASSURESIGN_SSO_TOKEN_TTL_MS = 30_000
/** Session length when the request names none, and the longest one granted (assumptions). */
export const ASSURESIGN_DEFAULT_SESSION_MINUTES = 60
export const ASSURESIGN_MAX_SESSION_MINUTES = 1440

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface AssureSignOptions extends DebugEndpointsOption, AppOriginOption {
  readonly control: SandboxControl
  readonly port: number
  /** Accepted API user; default ASSURESIGN_SANDBOX_CREDENTIALS. */
  readonly credentials?: AssureSignCredentials
  /** Prepared envelope ids Simple Setup knows; default ASSURESIGN_SANDBOX_ENVELOPES. */
  readonly envelopes?: readonly string[]
  /** AssureSign users of the account (contextUsername); default sandbox users with 'assuresign'. */
  readonly accountUsers?: readonly string[]
}

const authenticationSchema = z.object({
  request: z.object({
    apiUsername: z.string().min(1),
    key: z.string().min(1),
    contextUsername: z.string().min(1),
    sessionLengthInMinutes: z.number().int().min(1).optional(),
  }),
})

interface Session {
  readonly contextUsername: string
  readonly expiresAt: number
}

function sendError(res: http.ServerResponse, status: number, errorCode: string, summary: string) {
  sendJson(res, status, { errorCode, summary, details: [] })
}

function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * The session token of an SSO request: `Authorization: bearer <token>` (scheme case-insensitive),
 * the documented legacy `Authorization: X-AS-UserSessionToken <token>`, or an
 * `X-AS-UserSessionToken: <token>` header.
 */
function sessionTokenOf(req: http.IncomingMessage): string | undefined {
  const authorization = req.headers.authorization
  if (authorization !== undefined) {
    return /^(?:bearer|x-as-usersessiontoken)[ \t]+(\S+)[ \t]*$/i.exec(authorization)?.[1]
  }
  const legacy = req.headers['x-as-usersessiontoken']
  const value = typeof legacy === 'string' ? legacy.trim() : ''
  return value === '' ? undefined : value
}

function isJson(req: http.IncomingMessage): boolean {
  return mediaTypeOf(req) === 'application/json'
}

export async function startAssureSign(options: AssureSignOptions): Promise<RunningServer> {
  const { control } = options
  const credentials = options.credentials ?? ASSURESIGN_SANDBOX_CREDENTIALS
  const envelopes = new Set(
    (options.envelopes ?? ASSURESIGN_SANDBOX_ENVELOPES).map((id) => id.toLowerCase()),
  )
  const accountUsers = new Set(
    (
      options.accountUsers ??
      USERS.filter((u) => u.permissions.includes('assuresign')).map((u) => u.email)
    ).map((email) => email.toLowerCase()),
  )
  const sessions = new Map<string, Session>()
  const ssoTokens = new OneTimeTokens<{ contextUsername: string }>(
    ASSURESIGN_SSO_TOKEN_TTL_MS,
    newSsoToken,
  )
  const lastLanding = new LastLanding(options.debugEndpoints)
  const pages = new VendorPages(VENDOR, options)

  async function authenticate(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isJson(req)) {
      sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json.')
      return
    }
    const parsed = authenticationSchema.safeParse(await readJson(req))
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') ?? 'request'
      sendError(res, 400, 'BAD_REQUEST', `The field "${field}" is missing or invalid.`)
      return
    }
    const request = parsed.data.request
    const knownUser = sameSecret(request.apiUsername, credentials.apiUsername)
    const rightKey = sameSecret(request.key, credentials.key)
    if (!knownUser || !rightKey) {
      sendError(res, 401, 'UNAUTHORIZED', 'The API username or key is not valid.')
      return
    }
    const contextUsername = request.contextUsername.trim().toLowerCase()
    if (!accountUsers.has(contextUsername)) {
      sendError(
        res,
        ASSURESIGN_FORBIDDEN_STATUS,
        'FORBIDDEN',
        'The context user is not a user of this account.',
      )
      return
    }
    const now = control.now()
    for (const [token, session] of sessions) if (now > session.expiresAt) sessions.delete(token)
    const minutes = Math.min(
      request.sessionLengthInMinutes ?? ASSURESIGN_DEFAULT_SESSION_MINUTES,
      ASSURESIGN_MAX_SESSION_MINUTES,
    )
    const token = newOpaqueToken()
    sessions.set(token, { contextUsername, expiresAt: now + minutes * 60_000 })
    sendJson(res, 200, { result: { token } })
  }

  function issueSsoToken(req: http.IncomingMessage, res: http.ServerResponse): void {
    const token = sessionTokenOf(req)
    const session = token === undefined ? undefined : sessions.get(token)
    const now = control.now()
    // AssureSign: "A FORBIDDEN errorCode will be returned ... invalid or expired token".
    if (session === undefined || now > session.expiresAt) {
      const summary =
        token === undefined
          ? 'A session token is required in the Authorization header.'
          : session === undefined
            ? 'The session token is not valid.'
            : 'The session token has expired.'
      sendError(res, ASSURESIGN_FORBIDDEN_STATUS, 'FORBIDDEN', summary)
      return
    }
    const ssoToken = ssoTokens.issue({ contextUsername: session.contextUsername }, now)
    sendJson(res, 200, { result: { ssoToken } })
  }

  function simpleSetup(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
    const address = readSimpleSetupAddress(url)
    if (address === undefined) return
    const { envelopeId, params } = address
    const recorded = new URL(url)
    recorded.search = params.toString()
    lastLanding.record(req, recorded, redactSimpleSetupPath(url.pathname), control.now())
    // No page below repeats the address: it may carry the token.
    const notFound = (reason: string) =>
      pages.rejection(res, 404, { heading: 'Envelope not found', lines: [reason] })
    if (!GUID.test(envelopeId)) {
      notFound('The address does not name a prepared envelope id (a GUID).')
      return
    }
    const ssoToken = params.get('ssoToken')
    const redeemed =
      ssoToken === null || ssoToken === '' ? undefined : ssoTokens.redeem(ssoToken, control.now())
    if (redeemed === undefined || !redeemed.ok) {
      const reason =
        redeemed === undefined
          ? 'The address carries no ssoToken.'
          : REDEEM_FAILURE_TEXT[redeemed.reason]
      pages.rejection(res, 401, { heading: 'Sign-on rejected', lines: [reason] })
      return
    }
    if (!envelopes.has(envelopeId.toLowerCase())) {
      notFound(`No prepared envelope ${envelopeId}.`)
      return
    }
    pages.landing(res, {
      heading: 'AssureSign Simple Setup',
      lines: [`Signed in as ${redeemed.value.contextUsername}`, `Envelope ${envelopeId}`],
    })
  }

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://assuresign.invalid')
    const method = (req.method ?? 'GET').toUpperCase()
    const route =
      url.pathname === `${API}/apiUserAuthentication`
        ? 'authenticate'
        : url.pathname === `${API}/sso`
          ? 'sso'
          : lastLanding.isRequestFor(url.pathname)
            ? 'last-landing'
            : readSimpleSetupAddress(url) !== undefined
              ? 'landing'
              : undefined
    const wanted = route === 'authenticate' || route === 'sso' ? 'POST' : 'GET'
    if (route === undefined) {
      sendError(res, 404, 'NOT_FOUND', 'No such resource.')
    } else if (method !== wanted) {
      res.setHeader('allow', wanted)
      sendError(res, 405, 'METHOD_NOT_ALLOWED', `Use ${wanted}.`)
    } else if (route === 'authenticate') {
      await authenticate(req, res)
    } else if (route === 'sso') {
      issueSsoToken(req, res)
    } else if (route === 'last-landing') {
      lastLanding.respond(res)
    } else {
      simpleSetup(req, res, url)
    }
  }

  return listen(
    control.wrap('assuresign', handler, { redactPath: redactSimpleSetupPath }),
    options.port,
  )
}
