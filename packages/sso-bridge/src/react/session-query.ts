// The session as one TanStack Query query on GET /api/session: every view, guard and loader reads
// it, the callback primes it with the login answer, and every tab of this browser hears of a
// sign-in or sign-out at once (BroadcastChannel) and checks again. A page restored from the
// back/forward cache checks again before it shows anything signed in.
//
// An answer is only as new as its request. A check sent before a sign-in (or sign-out) finished
// must not undo it when it lands after: the BFF answered for a browser without the new cookie.
// So each query client counts the changes it knows of, and an answer whose request predates the
// latest change gives way to that change (or is asked again when another tab made it).
import { queryOptions, type QueryClient } from '@tanstack/react-query'
import type { AuthBackend, SessionState, SignedOutReason } from '../core/auth-backend.ts'
import type { CallbackSuccess } from '../core/callback.ts'
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

/** The latest sign-in or sign-out a query client knows of. */
interface Change {
  readonly count: number
  /** What this tab made the session; undefined when another tab made the change. */
  readonly state: SessionState | undefined
}

const changes = new WeakMap<QueryClient, Change>()

function latestChange(client: QueryClient): Change {
  return changes.get(client) ?? { count: 0, state: undefined }
}

function recordChange(client: QueryClient, state: SessionState | undefined): void {
  changes.set(client, { count: latestChange(client).count + 1, state })
}

export interface SessionSource {
  readonly backend: AuthBackend
  /** The login exchange of this page load, when it is the callback. */
  readonly callback: Promise<CallbackSuccess> | undefined
}

/**
 * The session as of now. On the callback page nothing is asked before the exchange settles: until
 * then the BFF has no cookie to answer by. An answer overtaken by a sign-in or sign-out gives way
 * to it.
 */
async function readSession(client: QueryClient, source: SessionSource): Promise<SessionState> {
  let asked = latestChange(client).count
  if (source.callback !== undefined) await source.callback.catch(() => undefined)
  for (;;) {
    const latest = latestChange(client)
    if (latest.count !== asked) {
      if (latest.state !== undefined) return latest.state
      asked = latest.count
    }
    const answer = await source.backend.session()
    if (latestChange(client).count === asked) return answer
  }
}

export function sessionQuery(client: QueryClient, source: SessionSource) {
  return queryOptions({
    queryKey: SESSION_QUERY_KEY,
    queryFn: () => readSession(client, source),
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
  recordChange(client, state)
  client.setQueryData(SESSION_QUERY_KEY, state)
  announce(client)
}

/** This tab is signed out (`reason` says why); the other tabs check again. */
export function markSignedOut(client: QueryClient, reason: SignedOutReason): void {
  const state: SessionState = { signedIn: false, reason }
  recordChange(client, state)
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
    if (from === nameOf(client)) return
    // A check this tab has in flight was asked before the other tab's change: it is asked again.
    recordChange(client, undefined)
    void client.invalidateQueries({ queryKey: SESSION_QUERY_KEY })
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
