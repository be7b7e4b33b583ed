// Test fixture standing in for the auth backend's session tokens (common contract: RS256 with a
// kid, aud "sso-bridge", cii_no, permissions): a key pair, a JWKS served on port 0, and a signer
// that can also produce expired, wrongly issued or foreign-key tokens.
import http from 'node:http'
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose'
import { listen, sendJson } from '../../lib/http.ts'
import { findUser } from '../../users.ts'

export const FIXTURE_ISSUER = 'http://127.0.0.1:4025'
const KID = 'sandbox-session-1'

export interface SessionTokenOptions {
  readonly email?: string
  readonly issuer?: string
  readonly audience?: string
  /** Lifetime from now; negative gives a token that has already expired. */
  readonly expiresInSeconds?: number
  /** 'foreign' signs with a key the JWKS does not publish, under the published kid. */
  readonly key?: 'published' | 'foreign'
  readonly permissions?: readonly string[]
  /** Another `cii_no` than the user's, e.g. the document's sample "10001004". */
  readonly ciiNo?: string
}

export interface SessionIssuerFixture {
  readonly jwksUrl: string
  readonly issuer: string
  sign(options?: SessionTokenOptions): Promise<string>
  close(): Promise<void>
}

export async function startSessionIssuer(): Promise<SessionIssuerFixture> {
  const published = await generateKeyPair('RS256', { extractable: true })
  const foreign = await generateKeyPair('RS256')
  const jwk = { ...(await exportJWK(published.publicKey)), kid: KID, alg: 'RS256', use: 'sig' }
  const server = await listen((req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url === '/.well-known/jwks.json') sendJson(res, 200, { keys: [jwk] })
    else sendJson(res, 404, { message: 'not found' })
  }, 0)

  async function sign(options: SessionTokenOptions = {}): Promise<string> {
    const user = findUser(options.email ?? 'alice@example.com')
    if (user === undefined) throw new Error(`no sandbox user ${options.email ?? ''}`)
    const now = Math.floor(Date.now() / 1000)
    const key: CryptoKey = options.key === 'foreign' ? foreign.privateKey : published.privateKey
    return new SignJWT({
      email: user.email,
      cii_no: options.ciiNo ?? user.ciiNo,
      permissions: [...(options.permissions ?? user.permissions)],
    })
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setIssuer(options.issuer ?? FIXTURE_ISSUER)
      .setAudience(options.audience ?? 'sso-bridge')
      .setSubject(user.email)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresInSeconds ?? 900))
      .sign(key)
  }

  return {
    jwksUrl: `${server.url}/.well-known/jwks.json`,
    issuer: FIXTURE_ISSUER,
    sign,
    close: () => server.close(),
  }
}
