import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { SignedOutReason } from '../core/auth-backend.ts'
import type { SessionView } from '../core/session.ts'
import { sessionQuery } from './session-query.ts'
import { useSso } from './sso-context.ts'

/** The session query itself, for sso-bridge's own views. */
export function useSessionQuery() {
  return useQuery(sessionQuery(useQueryClient(), useSso().session))
}

/** The session as the BFF last said it. */
export type SessionStatus =
  | { readonly status: 'pending' }
  | { readonly status: 'signed-in'; readonly session: SessionView }
  | { readonly status: 'signed-out'; readonly reason: SignedOutReason }
  | { readonly status: 'error'; readonly error: unknown; readonly retry: () => void }

/**
 * Who is signed in: `pending` until the BFF has answered, then signed in (email, permissions,
 * expiry: never a token), signed out (and why), or an error to retry. Every tab of the browser
 * hears of a sign-in or sign-out at once.
 */
export function useSession(): SessionStatus {
  const query = useSessionQuery()
  if (query.isPending) return { status: 'pending' }
  if (query.isError)
    return { status: 'error', error: query.error, retry: () => void query.refetch() }
  return query.data.signedIn
    ? { status: 'signed-in', session: query.data.session }
    : { status: 'signed-out', reason: query.data.reason }
}
