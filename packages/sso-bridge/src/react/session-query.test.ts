import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, expect, test, vi } from 'vitest'
import type { SessionState } from '../core/auth-backend.ts'
import { ALICE_SESSION, fakeBackend } from '../test/fake-backend.ts'
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
  const observer = new QueryObserver(client, sessionQuery(backend))
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
