import { useMutation, useQueryClient } from '@tanstack/react-query'
import { markSignedOut } from './session-query.ts'
import { useAppContext } from './app-context.ts'

/**
 * Signs out at the BFF (which ends the session at once and tells Indee), then forgets this
 * tab's half-finished sign-ins and tells every tab. A BFF that cannot be reached leaves the
 * person signed in, with the error to retry, rather than pretending.
 */
export function useSignOut() {
  const { services } = useAppContext()
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => services.backend.signOut(),
    onSuccess: () => {
      try {
        services.transactions.clear()
      } catch {
        // Storage refusing must not keep anyone signed in; records left behind expire.
      }
      markSignedOut(client, 'signed_out')
    },
  })
}
