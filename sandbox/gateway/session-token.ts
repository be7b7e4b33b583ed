// Verifies the session token the auth backend issues (common contract): `Bearer <jwt>`, RS256,
// signed by a key of the backend's JWKS, iss = the backend's origin, aud "sso-bridge", not
// expired on the sandbox clock. Gateway routes use it to decide who may act as whom.
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { z } from 'zod'
import type { SandboxControl } from '../control/control.ts'
import { INDEE_JWKS_PATH } from '../indee/indee.ts'
import { SESSION_TOKEN_AUDIENCE } from '../indee/session-tokens.ts'

const claimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().min(1),
  cii_no: z.string().min(1),
  permissions: z.array(z.enum(['assuresign', 'aimbase', 'abc'])),
  iat: z.number(),
  exp: z.number(),
})

export type SessionClaims = z.infer<typeof claimsSchema>

/**
 * How the browser presents the session token: `Authorization: Bearer <jwt>`, or, for ABC whose
 * GenerateSSOToken documents the bare token, `Authorization: <jwt>` as well.
 */
export type SessionTokenScheme = 'bearer' | 'bearer-or-raw'

/** Resolves to the token's claims, or undefined when the header does not carry a valid one. */
export type SessionTokenVerifier = (
  authorizationHeader: string | undefined,
  scheme?: SessionTokenScheme,
) => Promise<SessionClaims | undefined>

const BEARER_JWT = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/i
const RAW_JWT = /^([\w-]+\.[\w-]+\.[\w-]+)$/

/** The compact JWT an Authorization header carries in `scheme`; undefined when it has none. */
export function sessionJwtOf(
  authorizationHeader: string | undefined,
  scheme: SessionTokenScheme = 'bearer',
): string | undefined {
  const value = authorizationHeader?.trim() ?? ''
  return (
    BEARER_JWT.exec(value)?.[1] ??
    (scheme === 'bearer-or-raw' ? RAW_JWT.exec(value)?.[1] : undefined)
  )
}

export interface SessionTokenVerifierOptions {
  readonly control: SandboxControl
  /** Origin of the auth backend: the expected `iss`, and where its JWKS is published. */
  readonly indeeOrigin: string
}

export function createSessionTokenVerifier(
  options: SessionTokenVerifierOptions,
): SessionTokenVerifier {
  const { control, indeeOrigin } = options
  const jwks = createRemoteJWKSet(new URL(INDEE_JWKS_PATH, indeeOrigin))
  return async (authorizationHeader, scheme = 'bearer') => {
    const token = sessionJwtOf(authorizationHeader, scheme)
    if (token === undefined) return undefined
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: indeeOrigin,
        audience: SESSION_TOKEN_AUDIENCE,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'iat', 'exp'],
        currentDate: new Date(control.now()),
      })
      const claims = claimsSchema.safeParse(payload)
      return claims.success ? claims.data : undefined
    } catch {
      return undefined
    }
  }
}
