// TokenNo of GenerateSSOToken: an HS256 JWT {CIINo, LOBId, Functionality, Date, iat, exp} signed
// with ABC's own secret (docs/emulators.md), checked again by validate-sso-token.
import { errors, jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'

export interface SsoTokenClaims {
  readonly CIINo: string
  readonly LOBId: string
  readonly Functionality: string
}

export type SsoTokenCheck =
  | { readonly ok: true; readonly claims: SsoTokenClaims }
  | { readonly ok: false; readonly reason: 'expired' | 'invalid' }

const claimsSchema = z.object({
  CIINo: z.string(),
  LOBId: z.string(),
  Functionality: z.string(),
  Date: z.string(),
})

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret)
}

export async function signSsoToken(
  claims: SsoTokenClaims,
  secret: string,
  nowMs: number,
  ttlSeconds: number,
): Promise<string> {
  const iat = Math.floor(nowMs / 1000)
  return new SignJWT({ ...claims, Date: new Date(nowMs).toISOString() })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(keyOf(secret))
}

export async function verifySsoToken(
  token: string,
  secret: string,
  nowMs: number,
): Promise<SsoTokenCheck> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['iat', 'exp'],
      currentDate: new Date(nowMs),
    })
    const claims = claimsSchema.safeParse(payload)
    if (!claims.success) return { ok: false, reason: 'invalid' }
    const { CIINo, LOBId, Functionality } = claims.data
    return { ok: true, claims: { CIINo, LOBId, Functionality } }
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' }
  }
}
