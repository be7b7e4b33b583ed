// Starting a sign-in (docs/architecture.md §3 "Transactions"): the backend creates state and nonce,
// the redirect is checked against the configured identity provider, and only then is the
// transaction stored and the redirect handed back for navigation.
import { allowRedirect, type AllowedRedirect } from './allowed-redirect.ts'
import type { AuthBackend } from './auth-backend.ts'
import type { CoreConfig } from './config.ts'
import { workEmail } from './email-address.ts'
import { SsoError } from './errors.ts'
import { isReturnPath } from './return-to.ts'
import type { TransactionStore } from './transaction-store.ts'
import { withReturnTo } from './with-return-to.ts'

export interface StartSignInDeps {
  readonly backend: AuthBackend
  readonly store: TransactionStore
  readonly config: Pick<CoreConfig, 'identityProvider'>
  readonly now: () => number
  readonly email: string
  /** A path from safeReturnTo; anything else continues to "/". */
  readonly returnTo: string | undefined
}

/**
 * Asks the backend to start a sign-in for `email`, checks its redirect, stores the transaction
 * and returns the redirect to navigate to. Throws SsoError: `login_failed` (invalid email or
 * refused), `untrusted_redirect`, `invalid_response`, `storage_unavailable`, or the backend's
 * transport codes; every failure carries `returnTo`.
 */
export async function startSignIn(deps: StartSignInDeps): Promise<AllowedRedirect> {
  const returnTo = deps.returnTo !== undefined && isReturnPath(deps.returnTo) ? deps.returnTo : '/'
  try {
    return await start(deps, returnTo)
  } catch (error) {
    throw withReturnTo(error, returnTo)
  }
}

async function start(deps: StartSignInDeps, returnTo: string): Promise<AllowedRedirect> {
  const email = workEmail(deps.email)
  if (email === undefined) throw new SsoError('login_failed', 'invalid "email"')
  const { issuer } = deps.config.identityProvider
  // docs/architecture.md §3 "Transactions": without sessionStorage the sign-in is refused before
  // anything is sent.
  deps.store.probe()
  const { state, nonce, redirect } = await deps.backend.initiate(email)
  // Checked before anything is stored: only the configured provider's origin may be visited.
  const allowed = allowRedirect(redirect, [new URL(issuer).origin])
  const carried = new URL(allowed).searchParams.getAll('state')
  if (carried.length > 1 || (carried.length === 1 && carried[0] !== state)) {
    throw new SsoError(
      'invalid_response',
      'sign-in "redirect" carries another "state" than the backend returned',
    )
  }
  deps.store.save({
    flow: 'signin',
    provider: deps.backend.provider,
    state,
    nonce,
    email,
    returnTo,
    issuer,
    createdAt: deps.now(),
  })
  return allowed
}
