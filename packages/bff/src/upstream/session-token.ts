// Verifies the Indee session token before the BFF believes anything it says: RS256, a key of
// the backend's JWKS, the configured issuer and audience, not expired. The claims decide who
// the person is and which partners they may use.
import { createRemoteJWKSet, customFetch, jwtVerify, type JWTVerifyGetKey } from 'jose'
import { z } from 'zod'
import { LIMITS } from '../../../contract/src/contract.ts'
import { UNWATCHED, watchedCall, type UpstreamWatcher } from './upstream-call.ts'

const claimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().min(1).max(LIMITS.email),
  // What the session view carries must fit the contract's bounds, or the app would refuse it.
  permissions: z
    .array(z.string().min(1).max(LIMITS.permission))
    .max(LIMITS.permissions)
    .default([]),
  cii_no: z.string().min(1).max(LIMITS.ciiNo).optional(),
  exp: z.number(),
})

export interface VerifiedToken {
  readonly subject: string
  readonly email: string
  readonly permissions: readonly string[]
  readonly ciiNo: string | undefined
  /** ms since the epoch. */
  readonly expiresAt: number
}

export interface SessionTokenOptions {
  readonly issuer: string
  readonly audience: string
  readonly jwksUrl: string
  readonly now: () => number
  /** Tests pass a local key set; the service fetches the JWKS. */
  readonly keys?: JWTVerifyGetKey
  /** The JWKS fetch's timeout (default 5000 ms, jose's own). */
  readonly timeoutMs?: number
  /** Metrics and traces of the JWKS fetch (default: none). */
  readonly watcher?: UpstreamWatcher
}

/**
 * The JWKS fetch as one more upstream call of Indee's (operation `jwks`): same connection pool,
 * no redirect followed, latency measured and the trace context sent, like every other call.
 */
function jwksFetch(watcher: UpstreamWatcher, timeoutMs: number) {
  return async (
    url: string,
    init: { readonly headers: Headers; readonly signal: AbortSignal },
  ): Promise<Response> => {
    const result = await watchedCall(
      watcher,
      { upstream: 'indee', operation: 'jwks' },
      { url, method: 'GET', headers: Object.fromEntries(init.headers) },
      timeoutMs,
      init.signal,
    )
    if (!result.ok) throw new Error(`JWKS ${result.reason}`)
    const { answer } = result
    return new Response(
      answer.status === 204 || answer.status === 304 ? null : answer.body.toString('utf8'),
      {
        status: answer.status,
        headers: answer.contentType === undefined ? {} : { 'content-type': answer.contentType },
      },
    )
  }
}

export type SessionTokenVerifier = (token: string) => Promise<VerifiedToken | undefined>

export function createSessionTokenVerifier(options: SessionTokenOptions): SessionTokenVerifier {
  const timeoutMs = options.timeoutMs ?? 5_000
  const keys =
    options.keys ??
    createRemoteJWKSet(new URL(options.jwksUrl), {
      timeoutDuration: timeoutMs,
      [customFetch]: jwksFetch(options.watcher ?? UNWATCHED, timeoutMs),
    })
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp'],
        currentDate: new Date(options.now()),
      })
      const claims = claimsSchema.safeParse(payload)
      if (!claims.success) return undefined
      const c = claims.data
      return {
        subject: c.sub,
        email: c.email,
        permissions: c.permissions,
        ciiNo: c.cii_no,
        expiresAt: c.exp * 1000,
      }
    } catch {
      return undefined
    }
  }
}
