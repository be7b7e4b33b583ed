import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, expect, test, vi } from 'vitest'
import type { SessionState } from '../core/auth-backend.ts'
import type { CallbackSuccess } from '../core/callback.ts'
import { ALICE_SESSION, deferred, fakeBackend, type FakeBackend } from '../test/fake-backend.ts'
import {
  SESSION_QUERY_KEY,
  followSessionChanges,
  markSignedOut,
  primeSignedIn,
  sessionQuery,
} from './session-query.ts'

const stops: (() => void)[] = []
afterEach(() => {
  for (const stop of stops.splice(0)) stop()
})

/** A tab: its own QueryClient watching the session, as the app's views do. */
async function tab(state: SessionState) {
  const backend = fakeBackend()
  backend.session.mockResolvedValue(state)
  const client = new QueryClient()
  const observer = new QueryObserver(client, sessionQuery(client, { backend, callback: undefined }))
  stops.push(observer.subscribe(() => undefined))
  stops.push(followSessionChanges(client))
  await vi.waitFor(() => {
    expect(observer.getCurrentResult().data).toEqual(state)
  })
  return { backend, client, observer }
}

test('signing in in one tab makes every other tab ask the BFF again', async () => {
  const other = await tab({ signedIn: false, reason: 'signed_out' })
  const here = new QueryClient()
  other.backend.session.mockResolvedValue({ signedIn: true, session: ALICE_SESSION })
  primeSignedIn(here, ALICE_SESSION)
  expect(here.getQueryData(SESSION_QUERY_KEY)).toEqual({ signedIn: true, session: ALICE_SESSION })
  await vi.waitFor(() => {
    expect(other.observer.getCurrentResult().data).toEqual({
      signedIn: true,
      session: ALICE_SESSION,
    })
  })
  expect(other.backend.session).toHaveBeenCalledTimes(2)
})

test('signing out in one tab signs the other tabs out', async () => {
  const other = await tab({ signedIn: true, session: ALICE_SESSION })
  other.backend.session.mockResolvedValue({ signedIn: false, reason: 'signed_out' })
  markSignedOut(new QueryClient(), 'signed_out')
  await vi.waitFor(() => {
    expect(other.observer.getCurrentResult().data).toEqual({
      signedIn: false,
      reason: 'signed_out',
    })
  })
})

test('a page restored from the back/forward cache forgets the session until the BFF answers', async () => {
  const restored = await tab({ signedIn: true, session: ALICE_SESSION })
  let release: (state: SessionState) => void = () => undefined
  restored.backend.session.mockReturnValue(new Promise((resolve) => (release = resolve)))
  window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }))
  await vi.waitFor(() => {
    expect(restored.observer.getCurrentResult().isPending).toBe(true)
  })
  expect(restored.observer.getCurrentResult().data).toBeUndefined()
  release({ signedIn: false, reason: 'session_expired' })
  await vi.waitFor(() => {
    expect(restored.observer.getCurrentResult().data).toEqual({
      signedIn: false,
      reason: 'session_expired',
    })
  })
})

test('an ordinary page show does not ask again', async () => {
  const shown = await tab({ signedIn: true, session: ALICE_SESSION })
  window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }))
  expect(shown.observer.getCurrentResult().data).toEqual({ signedIn: true, session: ALICE_SESSION })
  expect(shown.backend.session).toHaveBeenCalledTimes(1)
})

const SIGNED_OUT: SessionState = { signedIn: false, reason: 'signed_out' }
const SIGNED_IN: SessionState = { signedIn: true, session: ALICE_SESSION }

/** A view watching the session of `client`, on a page whose exchange is `callback` (if any). */
function watch(client: QueryClient, backend: FakeBackend, callback?: Promise<CallbackSuccess>) {
  const observer = new QueryObserver(client, sessionQuery(client, { backend, callback }))
  stops.push(observer.subscribe(() => undefined))
  return observer
}

test('a session check sent before a sign-in finished does not sign the person out after it', async () => {
  const client = new QueryClient()
  const backend = fakeBackend()
  const early = deferred<SessionState>()
  backend.session.mockReturnValueOnce(early.promise)
  const observer = watch(client, backend)
  await vi.waitFor(() => {
    expect(backend.session).toHaveBeenCalledTimes(1)
  })
  primeSignedIn(client, ALICE_SESSION)
  early.resolve(SIGNED_OUT)
  await vi.waitFor(() => {
    expect(observer.getCurrentResult().fetchStatus).toBe('idle')
  })
  expect(observer.getCurrentResult().data).toEqual(SIGNED_IN)
  expect(backend.session).toHaveBeenCalledTimes(1)
})

test('a session check sent before this tab signed out does not sign the person back in', async () => {
  const client = new QueryClient()
  const backend = fakeBackend()
  backend.session.mockResolvedValueOnce(SIGNED_IN)
  const observer = watch(client, backend)
  await vi.waitFor(() => {
    expect(observer.getCurrentResult().data).toEqual(SIGNED_IN)
  })
  const late = deferred<SessionState>()
  backend.session.mockReturnValueOnce(late.promise)
  void observer.refetch()
  markSignedOut(client, 'user_signed_out')
  late.resolve(SIGNED_IN)
  await vi.waitFor(() => {
    expect(observer.getCurrentResult().fetchStatus).toBe('idle')
  })
  expect(observer.getCurrentResult().data).toEqual({ signedIn: false, reason: 'user_signed_out' })
})

test('on the callback page the session is not asked before the exchange settles, and its answer is the session', async () => {
  const client = new QueryClient()
  const backend = fakeBackend()
  const exchange = deferred<CallbackSuccess>()
  // As createSso() does: the exchange primes the session before anything waiting on it resumes.
  exchange.promise.then(
    ({ session }) => {
      primeSignedIn(client, session)
    },
    () => undefined,
  )
  const observer = watch(client, backend, exchange.promise)
  await Promise.resolve()
  expect(observer.getCurrentResult().status).toBe('pending')
  expect(backend.session).not.toHaveBeenCalled()
  exchange.resolve({ returnTo: '/', session: ALICE_SESSION })
  await vi.waitFor(() => {
    expect(observer.getCurrentResult().fetchStatus).toBe('idle')
  })
  expect(observer.getCurrentResult().data).toEqual(SIGNED_IN)
  expect(backend.session).not.toHaveBeenCalled()
})

test('after a failed exchange the session is asked of the BFF', async () => {
  const client = new QueryClient()
  const backend = fakeBackend()
  const exchange = deferred<CallbackSuccess>()
  const observer = watch(client, backend, exchange.promise)
  exchange.reject(new Error('state_mismatch'))
  await vi.waitFor(() => {
    expect(observer.getCurrentResult().data).toEqual(SIGNED_OUT)
  })
  expect(backend.session).toHaveBeenCalledTimes(1)
})

test('a check in flight when another tab signs in is asked again, not trusted', async () => {
  const client = new QueryClient()
  stops.push(followSessionChanges(client))
  const backend = fakeBackend()
  const early = deferred<SessionState>()
  backend.session.mockReturnValueOnce(early.promise).mockResolvedValueOnce(SIGNED_IN)
  const observer = watch(client, backend)
  await vi.waitFor(() => {
    expect(backend.session).toHaveBeenCalledTimes(1)
  })
  // Another tab (its own client) completes a sign-in and tells this one.
  primeSignedIn(new QueryClient(), ALICE_SESSION)
  await vi.waitFor(() => {
    expect(client.getQueryState(SESSION_QUERY_KEY)?.isInvalidated).toBe(true)
  })
  early.resolve(SIGNED_OUT)
  await vi.waitFor(() => {
    expect(observer.getCurrentResult().data).toEqual(SIGNED_IN)
  })
  expect(backend.session).toHaveBeenCalledTimes(2)
})
