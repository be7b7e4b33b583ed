// The session as one TanStack Query query on GET /api/session: every view reads it, the callback
// primes it with the login answer, and every tab of this browser hears of a sign-in or sign-out
// at once (BroadcastChannel) and checks again. A page restored from the back/forward cache
// checks again before it shows anything signed in.
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import type { AuthBackend, SessionState, SignedOutReason } from '../core/auth-backend.ts'
import type { SessionView } from '../core/session.ts'

export const SESSION_QUERY_KEY = ['sso-bridge', 'session'] as const

const CHANNEL = 'sso-bridge:session'

/**
 * Each query client's own name on the channel: a BroadcastChannel also delivers to the other
 * channel objects of the same page, and the client that announced a change already knows it
 * (refetching would replace "you signed out" with a plain "signed out").
 */
const names = new WeakMap<QueryClient, string>()
function nameOf(client: QueryClient): string {
  let name = names.get(client)
  if (name === undefined) {
    name = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
    names.set(client, name)
  }
  return name
}

export function sessionQuery(backend: AuthBackend) {
  return queryOptions({
    queryKey: SESSION_QUERY_KEY,
    queryFn: () => backend.session(),
    // Looked at again when the tab comes back into focus (TanStack's default) once 30 s old. No
    // polling: a tab left open is not a person using the session, so the idle timeout can end it.
    staleTime: 30_000,
    retry: false,
  })
}

/** Tells the other tabs the session changed; they fetch it again. */
function announce(client: QueryClient): void {
  if (typeof BroadcastChannel === 'undefined') return
  const channel = new BroadcastChannel(CHANNEL)
  channel.postMessage({ changed: true, from: nameOf(client) })
  channel.close()
}

/** The login answer becomes the session every view sees, here and in the other tabs. */
export function primeSignedIn(client: QueryClient, session: SessionView): void {
  const state: SessionState = { signedIn: true, session }
  client.setQueryData(SESSION_QUERY_KEY, state)
  announce(client)
}

/** This tab is signed out (`reason` says why); the other tabs check again. */
export function markSignedOut(client: QueryClient, reason: SignedOutReason): void {
  const state: SessionState = { signedIn: false, reason }
  client.setQueryData(SESSION_QUERY_KEY, state)
  announce(client)
}

/**
 * Keeps this tab's session query in step: another tab's announcement refetches it, a page
 * restored from the back/forward cache forgets it until the BFF answers again. Returns the
 * function that stops listening.
 */
export function followSessionChanges(client: QueryClient): () => void {
  const channel =
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL)
  const onMessage = (event: MessageEvent<unknown>) => {
    const from = (event.data as { from?: unknown } | null)?.from
    if (from !== nameOf(client)) void client.invalidateQueries({ queryKey: SESSION_QUERY_KEY })
  }
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) void client.resetQueries({ queryKey: SESSION_QUERY_KEY })
  }
  channel?.addEventListener('message', onMessage)
  window.addEventListener('pageshow', onPageShow)
  return () => {
    channel?.close()
    window.removeEventListener('pageshow', onPageShow)
  }
}
