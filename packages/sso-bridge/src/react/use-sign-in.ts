import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { tabEmail } from '../callback/browser.ts'
import { saveCallbackSettings } from '../callback/callback-settings.ts'
import { startSignIn } from '../core/sign-in.ts'
import { safeReturnTo } from '../core/return-to.ts'
import { keepCheckedConfig } from './config-check.ts'
import { useSso } from './sso-context.ts'

export interface SignIn {
  /**
   * Starts a sign-in for `email`; the browser then leaves for the identity provider. One at a time
   * on the page: a call while another sign-in is under way (a double click, a double Enter, a
   * second form) does nothing.
   */
  readonly signIn: (email: string, returnTo?: string) => void
  /** True from the call until the browser has left. */
  readonly pending: boolean
  /** Why the last attempt failed (an SsoError), if it did. */
  readonly error: unknown
  /** Forgets the failure, for a fresh attempt. */
  readonly reset: () => void
}

const SIGN_IN_KEY = ['sso-bridge', 'sign-in'] as const

/**
 * A sign-in is under way on this page: sent and unanswered, or answered and the browser leaving.
 * Read from the mutation cache, which changes at once: the hook's own `isPending` reaches React a
 * task later, after a double click's second click.
 */
function signingIn(client: QueryClient): boolean {
  return client
    .getMutationCache()
    .findAll({ mutationKey: SIGN_IN_KEY })
    .some(({ state }) => state.status === 'pending' || state.status === 'success')
}

/** Forgets the sign-ins of a page the person came back to (back/forward cache): none is under way. */
function forgetSignIns(client: QueryClient): void {
  const cache = client.getMutationCache()
  for (const mutation of cache.findAll({ mutationKey: SIGN_IN_KEY })) cache.remove(mutation)
}

/**
 * Starts sign-ins: the BFF creates state and nonce, the redirect is checked against the configured
 * identity provider, the transaction is stored, and only then does the browser leave. `returnTo` is
 * an app path, checked here (none, another origin or the callback path: home, `paths.home`).
 */
export function useSignIn(): SignIn {
  const { services, paths } = useSso()
  const client = useQueryClient()
  const mutation = useMutation({
    mutationKey: SIGN_IN_KEY,
    mutationFn: ({ email, returnTo }: { email: string; returnTo: string | undefined }) => {
      // Kept for this tab, so a cancel or a failure comes back to the form with it filled in.
      tabEmail.remember(email)
      return startSignIn({
        backend: services.backend,
        store: services.transactions,
        config: services.config,
        now: Date.now,
        email,
        // Without a (safe) return path the sign-in ends at home.
        returnTo: safeReturnTo(returnTo, window.location.origin, paths.callback) ?? paths.home,
      })
    },
    // A sign-in step is never repeated behind the person's back.
    retry: false,
    onSuccess: (redirect) => {
      // The callback page then sends its login request without waiting for the config file.
      saveCallbackSettings(services.config)
      // The callback page shows the home with this page's check of the config, without zod.
      keepCheckedConfig()
      window.location.assign(redirect)
    },
  })
  const { reset } = mutation
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return
      forgetSignIns(client)
      reset()
    }
    window.addEventListener('pageshow', onPageShow)
    return () => {
      window.removeEventListener('pageshow', onPageShow)
    }
  }, [client, reset])
  return {
    signIn: (email, returnTo) => {
      if (signingIn(client)) return
      mutation.mutate({ email, returnTo })
    },
    pending: mutation.isPending || mutation.isSuccess,
    error: mutation.error ?? undefined,
    reset: mutation.reset,
  }
}
