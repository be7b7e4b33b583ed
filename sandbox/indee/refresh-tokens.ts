// Refresh tokens of the auth backend. The Indee document calls refresh_token a JWT, so it is
// one: HS256 with a secret made at start that never leaves this module. It is verified only by
// this backend, and its own type, audience and `token_use` keep it from ever passing as a
// session token (RS256, aud "sso-bridge"). Each carries a `jti` kept server side, so logout
// revokes it. They do not rotate: the Indee refresh answer carries only a new `token`.
import { randomBytes, randomUUID } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import { z } from 'zod'

export const REFRESH_TOKEN_AUDIENCE = 'sso-bridge-refresh'
/** RFC 8725 §3.11: explicit typing, so one kind of JWT is never taken for another. */
export const REFRESH_TOKEN_TYPE = 'refresh+jwt'

export interface RefreshOwner {
  readonly sub: string
  readonly email: string
}

const claimsSchema = z.object({
  jti: z.string().min(1),
  sub: z.string().min(1),
  email: z.string().min(1),
  token_use: z.literal('refresh'),
})

export class RefreshTokenStore {
  readonly #now: () => number
  readonly #issuer: string
  readonly #key = new Uint8Array(randomBytes(32))
  /** jti → owner and expiry (ms, sandbox clock) of every live refresh token. */
  readonly #live = new Map<string, RefreshOwner & { readonly expiresAt: number }>()

  constructor(now: () => number, issuer: string) {
    this.#now = now
    this.#issuer = issuer
  }

  async issue(owner: RefreshOwner, ttlSeconds: number): Promise<string> {
    const now = this.#now()
    for (const [jti, record] of this.#live) if (now >= record.expiresAt) this.#live.delete(jti)
    const iat = Math.floor(now / 1000)
    const jti = randomUUID()
    this.#live.set(jti, { ...owner, expiresAt: (iat + ttlSeconds) * 1000 })
    return new SignJWT({ email: owner.email, token_use: 'refresh' })
      .setProtectedHeader({ alg: 'HS256', typ: REFRESH_TOKEN_TYPE })
      .setIssuer(this.#issuer)
      .setAudience(REFRESH_TOKEN_AUDIENCE)
      .setSubject(owner.sub)
      .setJti(jti)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(this.#key)
  }

  /** The owner of a live refresh token; forged, expired, unknown and revoked ones give undefined. */
  async use(token: string): Promise<RefreshOwner | undefined> {
    const claims = await this.#verify(token)
    const record = claims === undefined ? undefined : this.#live.get(claims.jti)
    if (claims === undefined || record === undefined) return undefined
    if (this.#now() >= record.expiresAt) {
      this.#live.delete(claims.jti)
      return undefined
    }
    if (record.sub !== claims.sub) return undefined
    return { sub: record.sub, email: record.email }
  }

  /** Forgets the token's jti; anything that does not verify has nothing to revoke. */
  async revoke(token: string): Promise<void> {
    const claims = await this.#verify(token)
    if (claims !== undefined) this.#live.delete(claims.jti)
  }

  async #verify(token: string): Promise<z.infer<typeof claimsSchema> | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.#key, {
        algorithms: ['HS256'],
        typ: REFRESH_TOKEN_TYPE,
        issuer: this.#issuer,
        audience: REFRESH_TOKEN_AUDIENCE,
        requiredClaims: ['jti', 'sub', 'iat', 'exp'],
        currentDate: new Date(this.#now()),
      })
      const claims = claimsSchema.safeParse(payload)
      return claims.success ? claims.data : undefined
    } catch {
      return undefined
    }
  }
}
