// Who a verified ID token signs in, or nobody: the last checks of sso/login, after the code
// exchange and the ID token's signature, issuer, audience, expiry and nonce.
import { findUser, type SandboxUser } from '../users.ts'
import type { IdTokenClaims } from './idp-client.ts'
import type { IdentityLinks } from './identities.ts'

export interface SignInFacts {
  readonly claims: IdTokenClaims
  /** Issuer the ID token was verified against. */
  readonly issuer: string
  /** The username that started the transaction (sso/initiate). */
  readonly username: string
  /** The `email` field of the sso/login request. */
  readonly email: string
}

/** The sandbox user, or undefined (the backend answers A2002 Access Denied). */
export function signedInUser(
  facts: SignInFacts,
  identities: IdentityLinks,
): SandboxUser | undefined {
  const { claims } = facts
  const signedIn = claims.email.toLowerCase()
  const user = findUser(signedIn)
  if (user === undefined) return undefined
  // OIDC Core §5.1: an email names the person only when verified; absent or "true" is not.
  if (claims.email_verified !== true) return undefined
  if (signedIn !== facts.username.trim().toLowerCase()) return undefined
  if (signedIn !== facts.email.trim().toLowerCase()) return undefined
  // Linked last, so a refused sign-in never links an identity.
  if (identities.link(facts.issuer, claims.sub, signedIn) !== 'ok') return undefined
  return user
}
