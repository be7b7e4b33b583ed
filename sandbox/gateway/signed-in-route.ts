// What every partner route shares (DESIGN.md §1): one path, POST only, a valid session token
// before anything reaches the vendor, only harmless browser headers forwarded (never a vendor
// credential), one fixed upstream, and the vendor's answer passed back unchanged.
import type http from 'node:http'
import { sendJson } from '../lib/http.ts'
import { forwardToUpstream, pickHeaders, relayAnswer, type UpstreamRequest } from './forward.ts'
import type { GatewayContext, GatewayRoute } from './route.ts'
import type { SessionClaims, SessionTokenScheme } from './session-token.ts'
import { sessionJwtOf } from './session-token.ts'
import type { LoginOutcome } from './upstream-logins.ts'

/** The answer to a request without a valid session token; it carries no vendor error code. */
export const SIGN_IN_REQUIRED = { message: 'Sign-in required' } as const

/**
 * The only browser headers a partner route may pass on. Credential headers (Authorization,
 * ApiToken, Authenticate, X-AS-UserSessionToken, x-lob-client-id, Cookie) and forwarding
 * headers (X-Forwarded-For, Host) cannot be named, so they never leave the gateway.
 */
export type BrowserHeader = 'accept' | 'content-type' | 'x-api-version'

/** Vendor responses never set cookies on the app's origin. */
const NO_COOKIES = { setCookie: false } as const

export interface SignedInRequest {
  readonly req: http.IncomingMessage
  readonly res: http.ServerResponse
  readonly context: GatewayContext
  /** Claims of the verified session token. */
  readonly claims: SessionClaims
  /** The session token itself, as verified. */
  readonly sessionJwt: string
}

export interface SignedInRouteSpec {
  readonly prefix: `/api/${string}/`
  /** The one path under `prefix` this route serves, e.g. 'authentication/sso'. */
  readonly path: string
  /** Default 'bearer'. */
  readonly sessionScheme?: SessionTokenScheme
  handle(request: SignedInRequest): Promise<void>
}

/** The gateway's own errors on partner routes: `{"message":"…"}`. */
export function sendGatewayError(
  res: http.ServerResponse,
  status: number,
  message: string,
  headers: http.OutgoingHttpHeaders = {},
): void {
  sendJson(res, status, { message }, headers)
}

/** The named browser headers that are present. */
export function browserHeaders(
  req: http.IncomingMessage,
  names: readonly BrowserHeader[],
): Record<string, string> {
  return pickHeaders(req, names)
}

/** A route that answers 404, 405 or 401 itself and hands only signed-in requests to `handle`. */
export function signedInRoute(spec: SignedInRouteSpec): GatewayRoute {
  const scheme = spec.sessionScheme ?? 'bearer'
  return {
    prefix: spec.prefix,
    async handle(req, res, rest, context) {
      if (rest !== spec.path) return sendGatewayError(res, 404, 'Not found')
      if (req.method !== 'POST') {
        return sendGatewayError(res, 405, 'Method not allowed', { allow: 'POST' })
      }
      const authorization = req.headers.authorization
      const claims = await context.verifySessionToken(authorization, scheme)
      const sessionJwt = sessionJwtOf(authorization, scheme)
      if (claims === undefined || sessionJwt === undefined) {
        req.resume()
        return sendJson(res, 401, SIGN_IN_REQUIRED)
      }
      await spec.handle({ req, res, context, claims, sessionJwt })
    },
  }
}

/** Forwards a vendor call and passes its answer back; 502 when the vendor cannot be reached. */
export function forwardToVendor(
  res: http.ServerResponse,
  vendor: string,
  upstream: UpstreamRequest,
) {
  return forwardToUpstream(
    res,
    upstream,
    () => sendGatewayError(res, 502, `${vendor} is unreachable`),
    NO_COOKIES,
  )
}

export interface LoginThenForward {
  readonly vendor: string
  /** Cache key of the login, e.g. 'assuresign alice@example.com'. */
  readonly key: string
  readonly login: () => Promise<LoginOutcome>
  /** The vendor call made with the login's token. */
  readonly request: (token: string) => UpstreamRequest
}

/**
 * Logs in at the vendor (or reuses the cached login), then forwards the call with the token. A
 * refused login goes back to the browser unchanged. When the vendor answers 401 to the call, the
 * token is dropped so the next hand-off logs in again; this one is not retried.
 */
export async function forwardWithLogin(
  res: http.ServerResponse,
  { logins }: GatewayContext,
  call: LoginThenForward,
): Promise<void> {
  const login = await logins.get(call.key, call.login)
  if (login.kind === 'refused') return relayAnswer(res, login.answer, NO_COOKIES)
  if (login.kind === 'failed') return sendGatewayError(res, 502, login.message)
  const answer = await forwardToVendor(res, call.vendor, call.request(login.token))
  if (answer?.status === 401) logins.forget(call.key, login.token)
}
