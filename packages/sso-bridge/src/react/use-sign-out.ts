import { useMutation, useQueryClient } from '@tanstack/react-query'
import { signOutRedirect } from '../core/end-session.ts'
import { tabEmail } from '../callback/browser.ts'
import { markSignedOut } from './session-query.ts'
import { useSso } from './sso-context.ts'

export interface SignOut {
  /** Settles (never rejects) once the BFF has answered; a failure is in `error`. */
  readonly signOut: () => Promise<void>
  readonly pending: boolean
  /** Why signing out failed (the person is still signed in), if it did. */
  readonly error: unknown
}

/**
 * Signs out at the BFF (which ends the session at once and tells Indee), then forgets this
 * tab's half-finished sign-ins and the email it kept, and tells every tab. With
 * `identityProvider.endSession` in the config the tab then goes to the identity provider's
 * end-session endpoint, which sends it back to the sign-in page (OpenID Connect RP-Initiated
 * Logout 1.0). A BFF that cannot be reached leaves the person signed in, with the error to retry,
 * rather than pretending; the identity provider is then never asked.
 */
export function useSignOut(): SignOut {
  const { services, paths } = useSso()
  const client = useQueryClient()
  const mutation = useMutation({
    mutationFn: () => services.backend.signOut(),
    retry: false,
    onSuccess: () => {
      try {
        services.transactions.clear()
      } catch {
        // Storage refusing must not keep anyone signed in; records left behind expire.
      }
      tabEmail.forget()
      markSignedOut(client, 'user_signed_out')
      const destination = signOutRedirect({
        identityProvider: services.config.identityProvider,
        states: services.signOutStates,
        signInUrl: new URL(paths.signIn, window.location.origin).href,
      })
      if (destination !== undefined) window.location.assign(destination)
    },
  })
  return {
    signOut: () => mutation.mutateAsync().catch(() => undefined),
    pending: mutation.isPending,
    error: mutation.error ?? undefined,
  }
}
