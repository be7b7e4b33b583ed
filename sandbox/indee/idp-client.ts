// The auth backend as a confidential OpenID Connect client of the sandbox IdP: builds the
// authorize URL, exchanges the code (client_secret_basic + PKCE verifier) and verifies the ID
// token with jose. Responses are parsed with zod; failures are split into "the IdP could not be
// reached" and "the IdP or its token said no", which the backend maps to different codes.
import { createHash } from 'node:crypto'
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose'
import { z } from 'zod'
import { outbound, type KeptAliveInit } from '../lib/kept-alive-fetch.ts'

const discoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
})

const tokenResponseSchema = z.object({ id_token: z.string().min(1) })

const idTokenClaimsSchema = z.object({
  sub: z.string().min(1),
  email: z.string().min(1),
  // Read as is: the backend refuses anything but `true` (Access Denied, not a failed exchange).
  email_verified: z.unknown().optional(),
  nonce: z.string().optional(),
})

export type IdTokenClaims = z.infer<typeof idTokenClaimsSchema>

/** The IdP did not answer (network error, timeout, 5xx). */
export class IdpUnreachableError extends Error {
  override readonly name = 'IdpUnreachableError'
}

/** The IdP refused the exchange or its ID token failed a check. */
export class IdpRejectedError extends Error {
  override readonly name = 'IdpRejectedError'
}

export interface AuthorizeParams {
  readonly redirectUri: string
  readonly state: string
  readonly nonce: string
  readonly codeVerifier: string
  readonly loginHint: string
}

export interface IdpClient {
  authorizeUrl(params: AuthorizeParams): Promise<string>
  /** Returns the ID token of a successful code exchange. */
  exchangeCode(code: string, redirectUri: string, codeVerifier: string): Promise<string>
  verifyIdToken(idToken: string, expectedNonce: string): Promise<IdTokenClaims>
}

export interface IdpClientOptions {
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  readonly scope: string
  readonly timeoutMs?: number
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url')
}

export function createIdpClient(options: IdpClientOptions): IdpClient {
  const { issuer, clientId, clientSecret, scope, timeoutMs = 10_000 } = options
  let discovery: Promise<z.infer<typeof discoverySchema>> | undefined
  let jwks: ReturnType<typeof createRemoteJWKSet> | undefined

  async function call(url: string, init: Omit<KeptAliveInit, 'timeoutMs'> = {}): Promise<Response> {
    let response: Response
    try {
      response = await outbound.fetch(url, { ...init, timeoutMs })
    } catch (cause) {
      throw new IdpUnreachableError(`identity provider unreachable at ${url}`, { cause })
    }
    if (response.status >= 500) {
      throw new IdpUnreachableError(`identity provider answered ${response.status} at ${url}`)
    }
    return response
  }

  function metadata() {
    discovery ??= (async () => {
      const response = await call(`${issuer}/.well-known/openid-configuration`)
      const parsed = discoverySchema.safeParse(await response.json().catch(() => undefined))
      if (!response.ok || !parsed.success || parsed.data.issuer !== issuer) {
        throw new IdpUnreachableError('identity provider discovery document is not usable')
      }
      return parsed.data
    })()
    // A failed discovery is retried on the next call rather than cached.
    discovery.catch(() => (discovery = undefined))
    return discovery
  }

  return {
    async authorizeUrl(params) {
      const url = new URL((await metadata()).authorization_endpoint)
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: params.redirectUri,
        scope,
        state: params.state,
        nonce: params.nonce,
        code_challenge: pkceChallenge(params.codeVerifier),
        code_challenge_method: 'S256',
        login_hint: params.loginHint,
      }).toString()
      return url.href
    },

    async exchangeCode(code, redirectUri, codeVerifier) {
      const { token_endpoint: tokenEndpoint } = await metadata()
      // RFC 6749 §2.3.1: client_secret_basic form-encodes id and secret before base64.
      const basic = Buffer.from(
        `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`,
      ).toString('base64')
      const response = await call(tokenEndpoint, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          code_verifier: codeVerifier,
        }).toString(),
      })
      const body: unknown = await response.json().catch(() => undefined)
      const parsed = tokenResponseSchema.safeParse(body)
      if (!response.ok || !parsed.success) {
        const error = z.object({ error: z.string() }).safeParse(body)
        throw new IdpRejectedError(
          `code exchange refused: ${error.success ? error.data.error : `HTTP ${response.status}`}`,
        )
      }
      return parsed.data.id_token
    },

    async verifyIdToken(idToken, expectedNonce) {
      const { jwks_uri: jwksUri } = await metadata()
      jwks ??= createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: timeoutMs })
      let payload: unknown
      try {
        // The IdP (oidc-provider) runs on real time, not the sandbox clock, so its tokens are
        // checked against real time.
        ;({ payload } = await jwtVerify(idToken, jwks, {
          issuer,
          audience: clientId,
          algorithms: ['RS256'],
          requiredClaims: ['exp', 'iat', 'sub'],
        }))
      } catch (cause) {
        if (cause instanceof joseErrors.JWKSTimeout || !(cause instanceof joseErrors.JOSEError)) {
          throw new IdpUnreachableError('identity provider keys could not be fetched', { cause })
        }
        throw new IdpRejectedError(`ID token rejected: ${cause.code}`, { cause })
      }
      const claims = idTokenClaimsSchema.safeParse(payload)
      if (!claims.success) throw new IdpRejectedError('ID token lacks sub or email')
      // OIDC Core §3.1.3.7: the nonce must equal the one sent in the authorization request.
      if (claims.data.nonce !== expectedNonce) throw new IdpRejectedError('ID token nonce mismatch')
      return claims.data
    },
  }
}
