import { useMutation, useQueryClient } from '@tanstack/react-query'
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
 * tab's half-finished sign-ins and the email it kept, and tells every tab. A BFF that cannot be reached leaves the
 * person signed in, with the error to retry, rather than pretending.
 */
export function useSignOut(): SignOut {
  const { services } = useSso()
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
    },
  })
  return {
    signOut: () => mutation.mutateAsync().catch(() => undefined),
    pending: mutation.isPending,
    error: mutation.error ?? undefined,
  }
}
