// Signing out at the identity provider too (OpenID Connect RP-Initiated Logout 1.0): once the BFF
// has ended the session, the tab goes to the provider's end-session endpoint with our client id,
// the sign-in page as `post_logout_redirect_uri` and a random `state`. The state is kept in this
// tab's sessionStorage for a short while; the sign-in page consumes it when the provider sends the
// browser back, and only then says the person is signed out at the provider as well.
import { allowRedirect, type AllowedRedirect } from './allowed-redirect.ts'
import type { EndSessionConfig, IdentityProviderConfig } from './config.ts'
import { parseJsonText } from './json.ts'
import { hasOnlyKeys, isObject, isWholeNumber } from './plain-checks.ts'
import { guardStorage, storageKeys } from './storage.ts'

const STATE_PREFIX = 'sso-bridge:signout:'

/** How long a sign-out may take at the provider (the person answers its question). */
export const SIGN_OUT_STATE_TTL_MS = 10 * 60_000

// Ours are 43 base64url characters; anything else in a URL is someone else's and matches nothing.
const STATE_FORMAT = /^[A-Za-z0-9_-]{43}$/

/** A fresh state: 32 random bytes, base64url (RP-Initiated Logout 1.0 §2 "state"). */
export function newSignOutState(randomBytes: (length: number) => Uint8Array): string {
  const bytes = randomBytes(32)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

/**
 * The end-session URL: `endpoint` with `client_id`, `post_logout_redirect_uri` and `state`
 * (RP-Initiated Logout 1.0 §2), allowed only on the issuer's origin, the one origin sign-in
 * already goes to. Any query the endpoint carries is kept; ours replace parameters of the same
 * name. Throws SsoError `untrusted_redirect` for an endpoint elsewhere.
 */
export function endSessionUrl(options: {
  readonly endSession: EndSessionConfig
  readonly issuer: string
  readonly postLogoutRedirectUri: string
  readonly state: string | undefined
}): AllowedRedirect {
  const { endSession, issuer, postLogoutRedirectUri, state } = options
  const url = new URL(endSession.endpoint)
  url.searchParams.set('client_id', endSession.clientId)
  url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri)
  if (state !== undefined) url.searchParams.set('state', state)
  else url.searchParams.delete('state')
  return allowRedirect(url.href, [new URL(issuer).origin])
}

export interface SignOutStates {
  /** Stores a new state and returns it; throws SsoError `storage_unavailable` if it cannot. */
  create(): string
  /**
   * True once for a state this tab created less than the TTL ago; false for anything else
   * (unknown, reused, expired, malformed, storage refusing). The record is removed either way.
   */
  consume(state: string | null | undefined): boolean
}

export interface SignOutStatesOptions {
  readonly storage: Storage
  readonly now: () => number
  /** `length` random bytes from a cryptographic source. */
  readonly randomBytes: (length: number) => Uint8Array
  readonly ttlMs?: number
}

function readCreatedAt(value: unknown): number | undefined {
  if (!isObject(value) || !hasOnlyKeys(value, ['createdAt'])) return undefined
  return isWholeNumber(value.createdAt, 0) ? value.createdAt : undefined
}

/**
 * This tab's sign-out states over `storage`, under a prefixed key per state (looked up with
 * `getItem`, so `__proto__` matches nothing). Creating one removes stale and malformed ones.
 */
export function createSignOutStates(options: SignOutStatesOptions): SignOutStates {
  const { storage, now, randomBytes, ttlMs = SIGN_OUT_STATE_TTL_MS } = options
  const createdAt = (key: string) =>
    readCreatedAt(parseJsonText(guardStorage(() => storage.getItem(key))))
  const isFresh = (at: number) => now() - at <= ttlMs
  const remove = (key: string) => {
    guardStorage(() => {
      storage.removeItem(key)
    })
  }

  return {
    create() {
      for (const key of storageKeys(storage)) {
        if (!key.startsWith(STATE_PREFIX)) continue
        const at = createdAt(key)
        if (at === undefined || !isFresh(at)) remove(key)
      }
      const state = newSignOutState(randomBytes)
      guardStorage(() => {
        storage.setItem(STATE_PREFIX + state, JSON.stringify({ createdAt: now() }))
      })
      return state
    },

    consume(state) {
      if (typeof state !== 'string' || !STATE_FORMAT.test(state)) return false
      const key = STATE_PREFIX + state
      try {
        const at = createdAt(key)
        // Single use, like the sign-in's state (RFC 9700 §4.2.4): gone before it is believed.
        remove(key)
        return at !== undefined && isFresh(at)
      } catch {
        return false
      }
    },
  }
}

/**
 * Where the tab goes once the BFF has ended the session: the provider's end-session URL with a new
 * state, or undefined when the config has no `endSession` (the sign-out ends here). Storage that
 * refuses the state does not keep the person at the provider: they go without one, and coming back
 * shows the plain sign-in form.
 */
export function signOutRedirect(deps: {
  readonly identityProvider: IdentityProviderConfig
  readonly states: SignOutStates
  /** The absolute URL of the app's sign-in page, registered at the provider. */
  readonly signInUrl: string
}): AllowedRedirect | undefined {
  const { endSession, issuer } = deps.identityProvider
  if (endSession === undefined) return undefined
  let state: string | undefined
  try {
    state = deps.states.create()
  } catch {
    state = undefined
  }
  return endSessionUrl({ endSession, issuer, postLogoutRedirectUri: deps.signInUrl, state })
}
