// The session token the auth backend issues (common contract: RS256 JWT with kid, iss = the
// backend's origin, aud "sso-bridge", sub, email, cii_no, permissions, aimbase_accounts, iat,
// exp) and the JWKS that verifies it. The signing key is generated at start and never leaves this module.
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose'
import type { SandboxUser } from '../users.ts'

export const SESSION_TOKEN_AUDIENCE = 'sso-bridge'

export interface SessionTokenIssuer {
  /** Signs a token for the user, valid `ttlSeconds` from `nowMs` (sandbox clock). */
  issue(user: SandboxUser, sub: string, nowMs: number, ttlSeconds: number): Promise<string>
  readonly jwks: { readonly keys: readonly JWK[] }
}

export async function createSessionTokenIssuer(issuer: string): Promise<SessionTokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256')
  const publicJwk = await exportJWK(publicKey)
  const kid = await calculateJwkThumbprint(publicJwk)
  return {
    jwks: { keys: [{ ...publicJwk, kid, alg: 'RS256', use: 'sig' }] },
    issue: (user, sub, nowMs, ttlSeconds) => {
      const iat = Math.floor(nowMs / 1000)
      return new SignJWT({
        email: user.email,
        cii_no: user.ciiNo,
        permissions: [...user.permissions],
        // The backend-for-frontend checks Aimbase account ownership against this list.
        aimbase_accounts: user.aimbaseAccounts.map((uid) => uid.toLowerCase()),
      })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(SESSION_TOKEN_AUDIENCE)
        .setSubject(sub)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(privateKey)
    },
  }
}
