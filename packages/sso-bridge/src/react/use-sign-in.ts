import { useMutation } from '@tanstack/react-query'
import { saveCallbackSettings } from '../callback/callback-settings.ts'
import { startSignIn } from '../core/sign-in.ts'
import { safeReturnTo } from '../core/return-to.ts'
import { useSso } from './sso-context.ts'

export interface SignIn {
  /** Starts a sign-in for `email`; the browser then leaves for the identity provider. */
  readonly signIn: (email: string, returnTo?: string) => void
  /** True from the call until the browser has left. */
  readonly pending: boolean
  /** Why the last attempt failed (an SsoError), if it did. */
  readonly error: unknown
  /** Forgets the failure, for a fresh attempt. */
  readonly reset: () => void
}

/**
 * Starts sign-ins: the BFF creates state and nonce, the redirect is checked against the configured
 * identity provider, the transaction is stored, and only then does the browser leave. `returnTo` is
 * an app path, checked here (another origin or the callback path fall back to home).
 */
export function useSignIn(): SignIn {
  const { services, paths } = useSso()
  const mutation = useMutation({
    mutationFn: ({ email, returnTo }: { email: string; returnTo: string | undefined }) =>
      startSignIn({
        backend: services.backend,
        store: services.transactions,
        config: services.config,
        now: Date.now,
        email,
        returnTo: safeReturnTo(returnTo, window.location.origin, paths.callback),
      }),
    // A sign-in step is never repeated behind the person's back.
    retry: false,
    onSuccess: (redirect) => {
      // The callback page then sends its login request without waiting for the config file.
      saveCallbackSettings(services.config)
      window.location.assign(redirect)
    },
  })
  return {
    signIn: (email, returnTo) => {
      mutation.mutate({ email, returnTo })
    },
    pending: mutation.isPending || mutation.isSuccess,
    error: mutation.error ?? undefined,
    reset: mutation.reset,
  }
}
