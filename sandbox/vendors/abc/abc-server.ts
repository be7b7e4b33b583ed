// ABC GenerateSSOToken emulator (docs/emulators.md): issues the single-use TokenNo /
// TokenRefNo pair for a signed-in customer, and validates it for the line-of-business portal.
import { randomBytes } from 'node:crypto'
import type http from 'node:http'
import { z } from 'zod'
import type { SandboxControl } from '../../control/control.ts'
import { listen, mediaTypeOf, readJson, sendJson, type RunningServer } from '../../lib/http.ts'
import { sameSecret } from '../shared/same-secret.ts'
import { ABC_API_VERSION, ABC_SANDBOX_CREDENTIALS, type AbcCredentials } from './credentials.ts'
import { ABC_LINES_OF_BUSINESS, type AbcLineOfBusiness } from './lines-of-business.ts'
import { createSessionVerifier, type SessionClaims } from './session-token.ts'
import { signSsoToken, verifySsoToken } from './sso-token.ts'

export const ABC_GENERATE_PATH = '/cmnsrv/user/generate-sso-token'
export const ABC_VALIDATE_PATH = '/cmnsrv/auth/user/validate-sso-token'

/** TokenNo lifetime: the GenerateSSOToken sample's TokenNo has exp - iat = 3600 s. */
export const ABC_DEFAULT_TOKEN_TTL_SECONDS = 60 * 60
/**
 * A CII number as the document's sample writes it ("10001004"): a string of digits. Digits
 * only and the 20-digit bound are assumptions (the document gives no format beyond the sample).
 */
const CII_NUMBER = /^[0-9]{1,20}$/
/** Client addresses ABC lets through (x-forwarded-for); anything else is a 406. */
export const ABC_DEFAULT_ALLOWED_CLIENT_IPS: readonly string[] = [
  '127.0.0.1',
  '::1',
  '::ffff:127.0.0.1',
]
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])
/** How long a spent or expired TokenRefNo is still recognised. */
const FORGET_AFTER_MS = 10 * 60_000

export interface AbcOptions {
  readonly control: SandboxControl
  readonly port: number
  /** JWKS of the session token's issuer, e.g. http://127.0.0.1:4025/.well-known/jwks.json. */
  readonly sessionJwksUrl: string
  /** Expected `iss` of the session token, e.g. http://127.0.0.1:4025. */
  readonly sessionIssuer: string
  /** Expected `aud` of the session token; default "sso-bridge". */
  readonly sessionAudience?: string
  /** Accepted client id and TokenNo secret; default ABC_SANDBOX_CREDENTIALS. */
  readonly credentials?: AbcCredentials
  /** Known lines of business; default ABC_LINES_OF_BUSINESS. */
  readonly lines?: readonly AbcLineOfBusiness[]
  /** Default ABC_DEFAULT_ALLOWED_CLIENT_IPS. */
  readonly allowedClientIps?: readonly string[]
  /** Default ABC_DEFAULT_TOKEN_TTL_SECONDS. */
  readonly tokenTtlSeconds?: number
  /** How long to wait for the JWKS before answering 504; default 5000. */
  readonly jwksTimeoutMs?: number
}

interface IssuedToken {
  readonly tokenNo: string
  readonly expiresAt: number
  used: boolean
}

const validateSchema = z.object({
  ValidateTokenRequest: z.object({ TokenRefNo: z.string().min(1), TokenNo: z.string().min(1) }),
})

function fail(res: http.ServerResponse, status: number, message: string): void {
  sendJson(res, status, { message })
}

function business(res: http.ServerResponse, code: string, message: string): void {
  sendJson(res, 200, { ReturnCode: code, ReturnMessage: message })
}

function invalidToken(res: http.ServerResponse, message: string): void {
  sendJson(res, 200, { ReturnCode: '0', ReturnMessage: message, IsValidToken: false })
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  const text = Array.isArray(value) ? value[0] : value
  return text === undefined || text.trim() === '' ? undefined : text.trim()
}

/** The session JWT: `Authorization: <jwt>` as ABC documents, or `Authorization: Bearer <jwt>`. */
function sessionTokenOf(req: http.IncomingMessage): string | undefined {
  const value = header(req, 'authorization')
  if (value === undefined) return undefined
  const bearer = /^bearer(?:[ \t]+(\S*))?$/i.exec(value)
  const token = bearer === null ? value : bearer[1]
  return token === undefined || token === '' ? undefined : token
}

function stringField(body: object, name: string): string | undefined {
  const value: unknown = Object.hasOwn(body, name)
    ? (body as Record<string, unknown>)[name]
    : undefined
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

export async function startAbc(options: AbcOptions): Promise<RunningServer> {
  const { control } = options
  const credentials = options.credentials ?? ABC_SANDBOX_CREDENTIALS
  const lines = options.lines ?? ABC_LINES_OF_BUSINESS
  const allowedIps = new Set(options.allowedClientIps ?? ABC_DEFAULT_ALLOWED_CLIENT_IPS)
  const ttlSeconds = options.tokenTtlSeconds ?? ABC_DEFAULT_TOKEN_TTL_SECONDS
  const verifySession = createSessionVerifier({
    jwksUrl: options.sessionJwksUrl,
    issuer: options.sessionIssuer,
    audience: options.sessionAudience ?? 'sso-bridge',
    now: () => control.now(),
    ...(options.jwksTimeoutMs !== undefined && { jwksTimeoutMs: options.jwksTimeoutMs }),
  })
  const issued = new Map<string, IssuedToken>()

  /** ABC's 406: the caller is outside the IP allowlist or used another domain. */
  function unreachable(req: http.IncomingMessage): string | undefined {
    const forwarded = header(req, 'x-forwarded-for')
    if (forwarded?.split(',').some((ip) => !allowedIps.has(ip.trim())) === true) {
      return 'Not reachable (IP restriction)'
    }
    const host = header(req, 'host')
    if (host !== undefined) {
      let hostname: string
      try {
        hostname = new URL(`http://${host}`).hostname
      } catch {
        hostname = host
      }
      if (!LOOPBACK_HOSTS.has(hostname)) return 'Not reachable (wrong domain)'
    }
    return undefined
  }

  /** ABC's 400s for missing headers, checked in the documented order. */
  function headerProblem(req: http.IncomingMessage, withClientId: boolean): string | undefined {
    const version = header(req, 'x-api-version')
    if (version === undefined) return 'Missing required header: x-api-version'
    if (version !== ABC_API_VERSION)
      return `Unsupported x-api-version: ${version} (expected ${ABC_API_VERSION})`
    if (withClientId && header(req, 'x-lob-client-id') === undefined) {
      return 'Missing required header: x-lob-client-id'
    }
    const contentType = header(req, 'content-type')
    if (contentType === undefined) return 'Missing required header: Content-Type'
    if (mediaTypeOf(req) !== 'application/json') {
      return 'Content-Type must be application/json'
    }
    return undefined
  }

  async function generate(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const badHeader = headerProblem(req, true)
    if (badHeader !== undefined) return fail(res, 400, badHeader)
    if (!sameSecret(header(req, 'x-lob-client-id') ?? '', credentials.clientId)) {
      return fail(res, 403, 'x-lob-client-id is not registered')
    }
    const jwt = sessionTokenOf(req)
    if (jwt === undefined) return fail(res, 401, 'Authorization token is missing or blank')
    const session = await verifySession(jwt)
    if (!session.ok) return fail(res, session.status, session.message)
    const claims: SessionClaims = session.claims
    if (!claims.permissions.includes('abc'))
      return fail(res, 403, 'User is not permitted to generate an SSO token')
    const body = await readJson(req)
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return fail(res, 400, 'Request body must be a JSON object')
    }
    const ciiNo = stringField(body, 'CIINo')
    const lobId = stringField(body, 'LOBId')
    const functionality = stringField(body, 'Functionality')
    if (ciiNo === undefined || !CII_NUMBER.test(ciiNo))
      return business(res, 'V1', 'Invalid CII number')
    if (ciiNo !== claims.ciiNo) return fail(res, 403, 'CIINo does not belong to the signed-in user')
    if (lobId === undefined) return business(res, 'V3', 'LOB Id is required')
    if (functionality === undefined) return business(res, 'V5', 'Functionality is required')
    if (!lines.some((line) => line.id === lobId))
      return business(res, '0', `Unknown LOB Id ${lobId}`)
    if (functionality.length > 50) return business(res, '0', 'Invalid Functionality')

    const now = control.now()
    for (const [ref, entry] of issued)
      if (now > entry.expiresAt + FORGET_AFTER_MS) issued.delete(ref)
    const tokenNo = await signSsoToken(
      { CIINo: ciiNo, LOBId: lobId, Functionality: functionality },
      credentials.tokenSecret,
      now,
      ttlSeconds,
    )
    const tokenRefNo = randomBytes(10).toString('hex').toUpperCase()
    issued.set(tokenRefNo, { tokenNo, expiresAt: now + ttlSeconds * 1000, used: false })
    sendJson(res, 200, {
      ReturnCode: '1',
      ReturnMessage: 'Token Generated successfully',
      TokenRefNo: tokenRefNo,
      TokenNo: tokenNo,
    })
  }

  async function validate(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const badHeader = headerProblem(req, false)
    if (badHeader !== undefined) return fail(res, 400, badHeader)
    const body = await readJson(req)
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return fail(res, 400, 'Request body must be a JSON object')
    }
    const parsed = validateSchema.safeParse(body)
    if (!parsed.success) return invalidToken(res, 'TokenRefNo and TokenNo are required')
    const { TokenRefNo: tokenRefNo, TokenNo: tokenNo } = parsed.data.ValidateTokenRequest
    const now = control.now()
    const checked = await verifySsoToken(tokenNo, credentials.tokenSecret, now)
    if (!checked.ok)
      return invalidToken(res, checked.reason === 'expired' ? 'Token expired' : 'Invalid token')
    const entry = issued.get(tokenRefNo)
    if (entry === undefined) return invalidToken(res, 'Unknown TokenRefNo')
    if (entry.tokenNo !== tokenNo) return invalidToken(res, 'TokenNo does not match TokenRefNo')
    if (entry.used) return invalidToken(res, 'Token already used')
    entry.used = true
    sendJson(res, 200, {
      ReturnCode: '1',
      ReturnMessage: 'Token Verified successfully',
      ...checked.claims,
      IsValidToken: true,
    })
  }

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://abc.invalid')
    const route =
      url.pathname === ABC_GENERATE_PATH
        ? generate
        : url.pathname === ABC_VALIDATE_PATH
          ? validate
          : undefined
    if (route === undefined) return fail(res, 404, 'Not Found')
    const blocked = unreachable(req)
    if (blocked !== undefined) return fail(res, 406, blocked)
    if ((req.method ?? 'GET').toUpperCase() !== 'POST') {
      res.setHeader('allow', 'POST')
      return fail(res, 405, 'Method Not Allowed')
    }
    await route(req, res)
  }

  return listen(control.wrap('abc', handler), options.port)
}
