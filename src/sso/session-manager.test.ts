import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { SsoError } from './errors.ts'
import { createSessionManager } from './session-manager.ts'
import { createSessionStore, type Session } from './session-store.ts'
import { deferred, fakeBackend } from './testing/fake-backend.ts'
import { fakeJwt } from './testing/jwt.ts'
import { codeOfRejection } from './testing/sso-failure.ts'
import { throwingStorage } from './testing/throwing-storage.ts'
import { createTransactionStore } from './transaction-store.ts'

const START = 1_700_000_000_000
const MINUTE = 60_000
const LEEWAY = MINUTE

beforeEach(() => {
  vi.useFakeTimers({ now: START })
})
afterEach(() => {
  vi.useRealTimers()
})

/** A session whose token expires `minutes` from now. */
function sessionFor(minutes: number, refreshToken = 'refresh-1'): Session {
  const exp = Math.floor((Date.now() + minutes * MINUTE) / 1000)
  return {
    token: fakeJwt({ email: 'alice@example.com', exp }),
    refreshToken,
    email: 'alice@example.com',
    expiresAt: exp * 1000,
  }
}

function tokenFor(minutes: number): { token: string } {
  return {
    token: fakeJwt({
      email: 'alice@example.com',
      exp: Math.floor((Date.now() + minutes * MINUTE) / 1000),
    }),
  }
}

function setup(storage: Storage = sessionStorage) {
  const backend = fakeBackend()
  const sessions = createSessionStore({ storage })
  const transactions = createTransactionStore({ storage, now: Date.now, ttlMs: 10 * MINUTE })
  const manager = createSessionManager({
    sessions,
    transactions,
    backend,
    now: Date.now,
    leewayMs: LEEWAY,
    retryMs: 15_000,
  })
  return { backend, sessions, transactions, manager }
}

test('refresh keeps the refresh token, stores the new token and its expiry', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(1))
  const fresh = tokenFor(15)
  backend.refresh.mockResolvedValue(fresh)
  const session = await manager.refresh()
  expect(backend.refresh).toHaveBeenCalledExactlyOnceWith('refresh-1')
  expect(session).toEqual({
    token: fresh.token,
    refreshToken: 'refresh-1',
    email: 'alice@example.com',
    expiresAt: START + 15 * MINUTE,
  })
  expect(sessions.current()).toEqual(session)
  expect(createSessionStore({ storage: sessionStorage }).current()).toEqual(session)
})

test('concurrent refreshes share one request', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(1))
  const pending = deferred<{ token: string }>()
  backend.refresh.mockReturnValue(pending.promise)
  const first = manager.refresh()
  const second = manager.refresh()
  expect(second).toBe(first)
  pending.resolve(tokenFor(15))
  await Promise.all([first, second])
  expect(backend.refresh).toHaveBeenCalledTimes(1)
})

test('a later refresh sends a new request', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(1))
  backend.refresh.mockResolvedValue(tokenFor(15))
  await manager.refresh()
  await manager.refresh()
  expect(backend.refresh).toHaveBeenCalledTimes(2)
})

test('refresh without a session is session_expired and sends nothing', async () => {
  const { backend, manager } = setup()
  expect(await codeOfRejection(manager.refresh())).toBe('session_expired')
  expect(backend.refresh).not.toHaveBeenCalled()
})

test('a refused refresh clears the session and records session_expired', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(1))
  backend.refresh.mockRejectedValue(new SsoError('session_expired', 'A2003'))
  const listener = vi.fn()
  manager.subscribe(listener)
  expect(manager.lastSignOutReason).toBeUndefined()
  expect(await codeOfRejection(manager.refresh())).toBe('session_expired')
  expect(sessions.current()).toBeUndefined()
  expect(sessionStorage.getItem('sso-bridge:session')).toBeNull()
  expect(manager.lastSignOutReason).toBe('session_expired')
  expect(listener).toHaveBeenCalled()
})

test('a refresh that fails for another reason keeps the session', async () => {
  const { backend, sessions, manager } = setup()
  const session = sessionFor(1)
  sessions.save(session)
  backend.refresh.mockRejectedValue(new SsoError('backend_unavailable', 'offline'))
  expect(await codeOfRejection(manager.refresh())).toBe('backend_unavailable')
  expect(sessions.current()).toEqual(session)
  expect(manager.lastSignOutReason).toBeUndefined()
})

test('a refresh answer that is not a JWT is invalid_response and keeps the session', async () => {
  const { backend, sessions, manager } = setup()
  const session = sessionFor(1)
  sessions.save(session)
  backend.refresh.mockResolvedValue({ token: 'opaque' })
  expect(await codeOfRejection(manager.refresh())).toBe('invalid_response')
  expect(sessions.current()).toEqual(session)
})

test('scheduleRefresh refreshes leewayMs before expiry, not earlier', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(15))
  backend.refresh.mockResolvedValue(tokenFor(30))
  manager.scheduleRefresh()
  await vi.advanceTimersByTimeAsync(14 * MINUTE - 1)
  expect(backend.refresh).not.toHaveBeenCalled()
  await vi.advanceTimersByTimeAsync(1)
  expect(backend.refresh).toHaveBeenCalledTimes(1)
})

test('a session shorter than the leeway is refreshed at half its remaining life', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(0.5))
  backend.refresh.mockImplementation(() => Promise.resolve(tokenFor(15)))
  manager.scheduleRefresh()
  await vi.advanceTimersByTimeAsync(15_000 - 1)
  expect(backend.refresh).not.toHaveBeenCalled()
  await vi.advanceTimersByTimeAsync(1)
  expect(backend.refresh).toHaveBeenCalledTimes(1)
  await vi.advanceTimersByTimeAsync(14 * MINUTE)
  expect(backend.refresh).toHaveBeenCalledTimes(2)
  manager.stop()
})

test('tokens shorter-lived than the leeway are renewed on a rhythm, not in a loop', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(4 / 60))
  backend.refresh.mockImplementation(() => Promise.resolve(tokenFor(4 / 60)))
  manager.scheduleRefresh()
  await vi.advanceTimersByTimeAsync(10_000)
  // every 2 s: half of each 4-second token's life
  expect(backend.refresh).toHaveBeenCalledTimes(5)
  manager.stop()
})

test('scheduleRefresh without a session does nothing', async () => {
  const { backend, manager } = setup()
  manager.scheduleRefresh()
  await vi.advanceTimersByTimeAsync(60 * MINUTE)
  expect(backend.refresh).not.toHaveBeenCalled()
})

test('scheduling twice keeps a single timer', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(2))
  backend.refresh.mockResolvedValue(tokenFor(120))
  manager.scheduleRefresh()
  manager.scheduleRefresh()
  await vi.advanceTimersByTimeAsync(MINUTE)
  expect(backend.refresh).toHaveBeenCalledTimes(1)
  manager.stop()
})

test('stop cancels the scheduled refresh', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(2))
  manager.scheduleRefresh()
  manager.stop()
  await vi.advanceTimersByTimeAsync(10 * MINUTE)
  expect(backend.refresh).not.toHaveBeenCalled()
})

test('a scheduled refresh that fails for a transient reason is retried later', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(1))
  backend.refresh
    .mockRejectedValueOnce(new SsoError('timeout', 'slow'))
    .mockImplementation(() => Promise.resolve(tokenFor(15)))
  manager.scheduleRefresh()
  await vi.advanceTimersByTimeAsync(30_000)
  expect(backend.refresh).toHaveBeenCalledTimes(1)
  await vi.advanceTimersByTimeAsync(15_000)
  expect(backend.refresh).toHaveBeenCalledTimes(2)
  expect(sessions.current()?.expiresAt).toBe(START + 45_000 + 15 * MINUTE)
  manager.stop()
})

test('a scheduled refresh that is refused signs out and stops', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(1))
  backend.refresh.mockRejectedValue(new SsoError('session_expired', 'A2003'))
  manager.scheduleRefresh()
  await vi.advanceTimersByTimeAsync(60 * MINUTE)
  expect(backend.refresh).toHaveBeenCalledTimes(1)
  expect(sessions.current()).toBeUndefined()
  expect(manager.lastSignOutReason).toBe('session_expired')
})

test('ensureFresh returns the session outside the leeway window without a request', async () => {
  const { backend, sessions, manager } = setup()
  const session = sessionFor(10)
  sessions.save(session)
  await expect(manager.ensureFresh()).resolves.toBe(sessions.current())
  expect(backend.refresh).not.toHaveBeenCalled()
})

test('ensureFresh refreshes inside the leeway window', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(0.5))
  const fresh = tokenFor(15)
  backend.refresh.mockResolvedValue(fresh)
  expect((await manager.ensureFresh()).token).toBe(fresh.token)
})

test('ensureFresh while signed out is session_expired', async () => {
  const { manager } = setup()
  expect(await codeOfRejection(manager.ensureFresh())).toBe('session_expired')
})

test('signOut calls logout, clears the session and transactions, and records signed_out', async () => {
  const { backend, sessions, transactions, manager } = setup()
  sessions.save(sessionFor(10))
  transactions.save({
    flow: 'signin',
    provider: 'indee',
    state: 's1',
    nonce: 'n1',
    email: 'alice@example.com',
    returnTo: '/',
    issuer: 'http://127.0.0.1:4010',
    createdAt: Date.now(),
  })
  await manager.signOut()
  expect(backend.logout).toHaveBeenCalledExactlyOnceWith('refresh-1')
  expect(sessions.current()).toBeUndefined()
  expect(sessionStorage.getItem('sso-bridge:session')).toBeNull()
  expect(sessionStorage.getItem('sso-bridge:txn:s1')).toBeNull()
  expect(manager.lastSignOutReason).toBe('signed_out')
})

test('signOut still clears everything when logout fails', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(10))
  backend.logout.mockRejectedValue(new SsoError('backend_unavailable', 'offline'))
  await expect(manager.signOut()).resolves.toBeUndefined()
  expect(sessions.current()).toBeUndefined()
  expect(manager.lastSignOutReason).toBe('signed_out')
})

test('signOut clears the session before waiting for the backend', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(10))
  const pending = deferred<undefined>()
  backend.logout.mockReturnValue(pending.promise)
  const signingOut = manager.signOut()
  expect(sessions.current()).toBeUndefined()
  pending.resolve(undefined)
  await signingOut
})

test('signOut still clears the session when storage refuses', async () => {
  const failing = { operations: new Set<'removeItem' | 'key'>() }
  const { sessions, manager } = setup(throwingStorage(sessionStorage, failing))
  sessions.save(sessionFor(10))
  failing.operations.add('removeItem').add('key')
  await manager.signOut()
  expect(sessions.current()).toBeUndefined()
})

test('signOut while signed out sends nothing', async () => {
  const { backend, manager } = setup()
  await manager.signOut()
  expect(backend.logout).not.toHaveBeenCalled()
  expect(manager.lastSignOutReason).toBe('signed_out')
})

test('signOut cancels the scheduled refresh', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(2))
  manager.scheduleRefresh()
  await manager.signOut()
  await vi.advanceTimersByTimeAsync(10 * MINUTE)
  expect(backend.refresh).not.toHaveBeenCalled()
})

test('a refresh answered after sign-out does not bring the session back', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(1))
  const pending = deferred<{ token: string }>()
  backend.refresh.mockReturnValue(pending.promise)
  const refreshing = manager.refresh()
  await manager.signOut()
  pending.resolve(tokenFor(15))
  expect(await codeOfRejection(refreshing)).toBe('session_expired')
  expect(sessions.current()).toBeUndefined()
  expect(manager.lastSignOutReason).toBe('signed_out')
})

test('a refusal answered after a new sign-in does not sign the new session out', async () => {
  const { backend, sessions, manager } = setup()
  sessions.save(sessionFor(1))
  const pending = deferred<{ token: string }>()
  backend.refresh.mockReturnValue(pending.promise)
  const refreshing = manager.refresh()
  const newer = sessionFor(15, 'refresh-2')
  sessions.save(newer)
  pending.reject(new SsoError('session_expired', 'A2003'))
  expect(await codeOfRejection(refreshing)).toBe('session_expired')
  expect(sessions.current()).toEqual(newer)
  expect(manager.lastSignOutReason).toBeUndefined()
})

test('the sign-out reason is hidden again once signed in', async () => {
  const { sessions, manager } = setup()
  sessions.save(sessionFor(10))
  await manager.signOut()
  expect(manager.lastSignOutReason).toBe('signed_out')
  sessions.save(sessionFor(10))
  expect(manager.lastSignOutReason).toBeUndefined()
})

test('subscribers hear session changes and can unsubscribe', () => {
  const { sessions, manager } = setup()
  const listener = vi.fn()
  const unsubscribe = manager.subscribe(listener)
  sessions.save(sessionFor(10))
  expect(listener).toHaveBeenCalledTimes(1)
  unsubscribe()
  sessions.clear()
  expect(listener).toHaveBeenCalledTimes(1)
})
