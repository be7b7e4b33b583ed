// Verifies the "Cognito JWT" of GenerateSSOToken: in the sandbox, the auth backend's session token
// (common contract: RS256, iss = auth backend origin, aud "sso-bridge", cii_no, permissions),
// against its JWKS, on the sandbox clock. Failures carry the HTTP status ABC answers with.
import { createRemoteJWKSet, errors, jwtVerify } from 'jose'
import { z } from 'zod'

export interface SessionClaims {
  readonly sub: string
  readonly email: string
  readonly ciiNo: string
  readonly permissions: readonly string[]
}

export type SessionCheck =
  | { readonly ok: true; readonly claims: SessionClaims }
  | { readonly ok: false; readonly status: 401 | 502 | 504; readonly message: string }

export interface SessionVerifierOptions {
  readonly jwksUrl: string
  readonly issuer: string
  readonly audience: string
  /** The sandbox clock (control.now). */
  readonly now: () => number
  /** How long to wait for the JWKS; past it ABC answers 504. */
  readonly jwksTimeoutMs?: number
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().min(1),
  cii_no: z.string().min(1),
  permissions: z.array(z.string()),
})

function failure(error: unknown): Extract<SessionCheck, { ok: false }> {
  const unauthorised = (message: string) => ({ ok: false, status: 401, message }) as const
  if (error instanceof errors.JWTExpired) return unauthorised('Token expired')
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return unauthorised('Invalid token issuer')
    if (error.claim === 'aud') return unauthorised('Invalid token audience')
    return unauthorised(`Invalid token claim "${error.claim}"`)
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey
  ) {
    return unauthorised('Invalid token signature')
  }
  if (
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JOSENotSupported ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return unauthorised('Invalid token')
  }
  if (error instanceof errors.JWKSTimeout) return { ok: false, status: 504, message: 'Timed out' }
  // The key set could not be fetched or read: ABC's own failure, not the caller's.
  return { ok: false, status: 502, message: 'Internal server error' }
}

export function createSessionVerifier(
  options: SessionVerifierOptions,
): (token: string) => Promise<SessionCheck> {
  const keys = createRemoteJWKSet(new URL(options.jwksUrl), {
    timeoutDuration: options.jwksTimeoutMs ?? 5_000,
  })
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256'],
        requiredClaims: ['exp'],
        currentDate: new Date(options.now()),
      })
      const claims = claimsSchema.safeParse(payload)
      if (!claims.success) return { ok: false, status: 401, message: 'Invalid token claims' }
      const { sub, email, cii_no: ciiNo, permissions } = claims.data
      return { ok: true, claims: { sub, email, ciiNo, permissions } }
    } catch (error) {
      return failure(error)
    }
  }
}
