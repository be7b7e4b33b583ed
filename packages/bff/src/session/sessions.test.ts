import { expect, test, vi } from 'vitest'
import type { VerifiedToken } from '../upstream/session-token.ts'
import { createMemorySessionStore } from './memory-session-store.ts'
import type { SessionStore } from './session-store.ts'
import {
  createSessions,
  REFRESH_BACKOFF_MS,
  REFRESH_LAST_TRY_MS,
  REFRESH_LEEWAY_MS,
  EXPIRED_KEPT_MS,
  TOUCH_EVERY_MS,
  type Resolved,
} from './sessions.ts'
import { gate } from '../testing/gate.ts'

const MINUTE = 60_000
const START = 1_700_000_000_000

/** Tokens here are "token-<n>"; each verifies to a 15-minute token issued at the clock's time. */
function setup(
  options: { idleMs?: number; maxMs?: number; wrap?: (store: SessionStore) => SessionStore } = {},
) {
  let clock = START
  const now = () => clock
  const issued: string[] = []
  const indee = {
    refresh: vi.fn(async (): Promise<string | undefined> => {
      await Promise.resolve()
      const token = `token-${issued.length + 2}`
      issued.push(token)
      return token
    }),
    logout: vi.fn(() => Promise.resolve()),
  }
  const verify = vi.fn((token: string): Promise<VerifiedToken | undefined> =>
    Promise.resolve({
      subject: 'alice-sub',
      email: 'alice@example.com',
      permissions: ['assuresign'],
      ciiNo: '1001234567',
      expiresAt: clock + 15 * MINUTE,
      ...(token === 'foreign' && { subject: 'mallory-sub' }),
    }),
  )
  const memory = createMemorySessionStore({ now, sweepMs: 0 })
  const store = options.wrap?.(memory) ?? memory
  /** Sessions of one BFF instance; every instance shares the store, Indee and the clock. */
  const instance = () =>
    createSessions({
      store,
      indee,
      verify,
      now,
      idleMs: options.idleMs ?? 30 * MINUTE,
      maxMs: options.maxMs ?? 24 * 60 * MINUTE,
    })
  const sessions = instance()
  const signIn = async () => {
    const verified = await verify('token-1')
    return sessions.create(
      { token: 'token-1', refreshToken: 'refresh-1' },
      verified ?? expect.fail(),
    )
  }
  return {
    sessions,
    instance,
    indee,
    verify,
    issued,
    signIn,
    advance: (ms: number) => {
      clock += ms
    },
  }
}

/**
 * Makes every refresh wait until the returned `answer` is opened, then fail (Indee slow, then
 * timing out); `called` opens at the first refresh call.
 */
function slowFailingRefresh(indee: ReturnType<typeof setup>['indee']) {
  const called = gate()
  const answer = gate()
  indee.refresh.mockImplementation(async () => {
    called.open()
    await answer.opened
    throw new Error('indee refresh: timeout')
  })
  return { called: called.opened, answer: answer.open }
}

test('a fresh session is found by its id and by no other', async () => {
  const { sessions, signIn } = setup()
  const { id } = await signIn()
  expect(await sessions.resolve(id)).toMatchObject({
    ok: true,
    record: { email: 'alice@example.com' },
  })
  expect(await sessions.resolve(`${id}x`)).toEqual({ ok: false, reason: 'session_expired' })
  expect(await sessions.resolve(undefined)).toEqual({ ok: false, reason: 'signed_out' })
})

test('the view carries no token', async () => {
  const { sessions, signIn } = setup()
  const { record } = await signIn()
  expect(JSON.stringify(sessions.viewOf(record))).not.toMatch(/token|refresh/)
})

test('ten requests at once near expiry make one refresh and all use the new token', async () => {
  const { sessions, indee, signIn, advance } = setup()
  const { id } = await signIn()
  advance(15 * MINUTE - REFRESH_LEEWAY_MS + 1)
  const results = await Promise.all(Array.from({ length: 10 }, () => sessions.resolve(id)))
  expect(indee.refresh).toHaveBeenCalledTimes(1)
  expect(results.map((r) => (r.ok ? r.record.token : r.reason))).toEqual(
    Array.from({ length: 10 }, () => 'token-2'),
  )
})

test('a token far from expiry is not refreshed', async () => {
  const { sessions, indee, signIn, advance } = setup()
  const { id } = await signIn()
  advance(10 * MINUTE)
  expect(await sessions.resolve(id)).toMatchObject({ ok: true, record: { token: 'token-1' } })
  expect(indee.refresh).not.toHaveBeenCalled()
})

test('a refused refresh ends the session', async () => {
  const { sessions, indee, signIn, advance } = setup()
  const { id } = await signIn()
  indee.refresh.mockResolvedValueOnce(undefined)
  advance(15 * MINUTE)
  expect(await sessions.resolve(id)).toEqual({ ok: false, reason: 'session_expired' })
  expect(indee.refresh).toHaveBeenCalledTimes(1)
  expect(await sessions.resolve(id)).toEqual({ ok: false, reason: 'session_expired' })
  expect(indee.refresh).toHaveBeenCalledTimes(1)
})

test('a refreshed token of another person ends the session', async () => {
  const { sessions, indee, signIn, advance } = setup()
  const { id } = await signIn()
  indee.refresh.mockResolvedValueOnce('foreign')
  advance(15 * MINUTE)
  expect(await sessions.resolve(id)).toEqual({ ok: false, reason: 'session_expired' })
})

test('Indee down during a refresh keeps a token that is still valid', async () => {
  const { sessions, indee, signIn, advance } = setup()
  const { id } = await signIn()
  indee.refresh.mockRejectedValueOnce(new Error('unreachable'))
  advance(15 * MINUTE - 10_000)
  expect(await sessions.resolve(id)).toMatchObject({ ok: true, record: { token: 'token-1' } })
  // The next try comes after the back-off (here 5 s before the token expires, the last try).
  advance(REFRESH_LAST_TRY_MS - 1)
  expect(await sessions.resolve(id)).toMatchObject({ ok: true, record: { token: 'token-1' } })
  expect(indee.refresh).toHaveBeenCalledTimes(1)
  advance(1)
  expect(await sessions.resolve(id)).toMatchObject({ ok: true, record: { token: 'token-2' } })
  expect(indee.refresh).toHaveBeenCalledTimes(2)
})

test('while refreshes fail, a session tries every 10 s, last 5 s before its token expires, then once it has expired', async () => {
  const { sessions, indee, signIn, advance } = setup()
  const { id } = await signIn()
  indee.refresh.mockRejectedValue(new Error('indee refresh: unreachable'))
  const token = async () => {
    const result = await sessions.resolve(id)
    return result.ok ? result.record.token : result.reason
  }
  // Due 60 s before the 15-minute token expires; tries at -60, -50, …, -20 s.
  advance(15 * MINUTE - REFRESH_LEEWAY_MS)
  for (let tries = 1; tries <= 5; tries += 1) {
    expect(await token()).toBe('token-1')
    expect(indee.refresh).toHaveBeenCalledTimes(tries)
    advance(REFRESH_BACKOFF_MS - 1)
    expect(await token()).toBe('token-1')
    expect(indee.refresh).toHaveBeenCalledTimes(tries)
    advance(1)
  }
  // At -10 s a 10 s back-off would reach the expiry: the last try comes at -5 s instead.
  expect(await token()).toBe('token-1')
  expect(indee.refresh).toHaveBeenCalledTimes(6)
  advance(REFRESH_LAST_TRY_MS - 1)
  expect(await token()).toBe('token-1')
  expect(indee.refresh).toHaveBeenCalledTimes(6)
  advance(1)
  expect(await token()).toBe('token-1')
  expect(indee.refresh).toHaveBeenCalledTimes(7)
  // No more tries while the token is valid; once it has expired a failed refresh fails.
  advance(REFRESH_LAST_TRY_MS - 1)
  expect(await token()).toBe('token-1')
  expect(indee.refresh).toHaveBeenCalledTimes(7)
  advance(1)
  await expect(sessions.resolve(id)).rejects.toThrow('unreachable')
  expect(indee.refresh).toHaveBeenCalledTimes(8)
})

test('the idle timeout ends a session nobody used, and every use starts it again', async () => {
  const { sessions, signIn, advance } = setup({ idleMs: 30 * MINUTE })
  const { id } = await signIn()
  advance(29 * MINUTE)
  expect((await sessions.resolve(id)).ok).toBe(true)
  advance(29 * MINUTE)
  expect((await sessions.resolve(id)).ok).toBe(true)
  advance(30 * MINUTE)
  expect(await sessions.resolve(id)).toEqual({ ok: false, reason: 'session_expired' })
})

test('the absolute lifetime ends a session however busy it is', async () => {
  const { sessions, signIn, advance } = setup({ idleMs: 30 * MINUTE, maxMs: 60 * MINUTE })
  const { id } = await signIn()
  for (let used = 0; used < 5; used += 1) {
    advance(10 * MINUTE)
    expect((await sessions.resolve(id)).ok).toBe(true)
  }
  advance(10 * MINUTE)
  expect(await sessions.resolve(id)).toEqual({ ok: false, reason: 'session_expired' })
})

test('the session never outlives a JWT refresh token', async () => {
  const { sessions } = setup()
  const payload = Buffer.from(JSON.stringify({ exp: START / 1000 + 3600 })).toString('base64url')
  const refreshToken = `eyJhbGciOiJIUzI1NiJ9.${payload}.c2ln`
  const { record } = await sessions.create(
    { token: 'token-1', refreshToken },
    {
      subject: 's',
      email: 'alice@example.com',
      permissions: [],
      ciiNo: undefined,
      expiresAt: START + 15 * MINUTE,
    },
  )
  expect(record.absoluteExpiresAt).toBe(START + 3600_000)
})

test('ending a session forgets it at once and tells Indee with one retry', async () => {
  const { sessions, indee, signIn } = setup()
  const { id } = await signIn()
  indee.logout.mockRejectedValueOnce(new Error('timeout'))
  const failed = vi.fn()
  await sessions.end(id, failed)
  expect(await sessions.resolve(id)).toEqual({ ok: false, reason: 'session_expired' })
  await vi.waitFor(() => {
    expect(indee.logout).toHaveBeenCalledTimes(2)
  })
  expect(indee.logout).toHaveBeenCalledWith('refresh-1')
  expect(failed).not.toHaveBeenCalled()
})

test('a request in flight when the session is signed out (on any instance) does not bring it back', async () => {
  // The request reads the session, then waits (another instance, a slow network) while sign-out
  // runs to its end; only then does it mark the session as used.
  let holdNextGet: Promise<void> | undefined
  let release: () => void = () => undefined
  const { sessions, signIn, advance } = setup({
    wrap: (store) => ({
      ...store,
      async get(key) {
        const record = await store.get(key)
        const hold = holdNextGet
        holdNextGet = undefined
        if (hold !== undefined) await hold
        return record
      },
    }),
  })
  const { id } = await signIn()
  // Long enough after the last use that this request records its use (a write).
  advance(TOUCH_EVERY_MS)
  holdNextGet = new Promise<void>((resolve) => (release = resolve))
  const inFlight = sessions.resolve(id)
  await sessions.end(id, () => undefined)
  release()
  expect(await inFlight).toEqual({ ok: false, reason: 'session_expired' })
  expect(await sessions.resolve(id)).toEqual({ ok: false, reason: 'session_expired' })
})

/** A store that never expires anything by itself (its clock stands still), so only the lifecycle
 * rules of sessions end a session; it records the TTL of every write and every delete. */
function lenientStore() {
  const ttls: number[] = []
  const deleted: string[] = []
  const inner = createMemorySessionStore({ now: () => START, sweepMs: 0 })
  const store: SessionStore = {
    ...inner,
    set(key, record, ttlMs) {
      ttls.push(ttlMs)
      return inner.set(key, record, ttlMs)
    },
    replace(key, record, ttlMs) {
      ttls.push(ttlMs)
      return inner.replace(key, record, ttlMs)
    },
    delete(key) {
      deleted.push(key)
      return inner.delete(key)
    },
  }
  return { store, ttls, deleted }
}

test('a session idle for exactly the idle timeout ends, even while a store still holds it', async () => {
  const lenient = lenientStore()
  const { sessions, signIn, advance } = setup({ idleMs: 30 * MINUTE, wrap: () => lenient.store })
  const { id } = await signIn()
  advance(30 * MINUTE)
  expect(await sessions.resolve(id)).toEqual({ ok: false, reason: 'session_expired' })
  expect(lenient.deleted).toHaveLength(1)
  expect(await lenient.store.get(lenient.deleted[0] ?? '')).toBeUndefined()
})

test('a busy session ends at exactly its absolute lifetime, even while a store still holds it', async () => {
  const lenient = lenientStore()
  const { sessions, signIn, advance } = setup({
    idleMs: 30 * MINUTE,
    maxMs: 40 * MINUTE,
    wrap: () => lenient.store,
  })
  const { id } = await signIn()
  advance(20 * MINUTE)
  expect((await sessions.resolve(id)).ok).toBe(true)
  advance(20 * MINUTE)
  expect(await sessions.resolve(id)).toEqual({ ok: false, reason: 'session_expired' })
})

test('the store is told to keep a session for the idle timeout, capped by its absolute lifetime, and a while after', async () => {
  const lenient = lenientStore()
  const { sessions, signIn, advance } = setup({
    idleMs: 30 * MINUTE,
    maxMs: 40 * MINUTE,
    wrap: () => lenient.store,
  })
  const { id } = await signIn()
  expect(lenient.ttls).toEqual([30 * MINUTE + EXPIRED_KEPT_MS])
  advance(20 * MINUTE)
  await sessions.resolve(id)
  // Used at 20 min: 30 more idle minutes would pass the 40-minute lifetime.
  expect(lenient.ttls.at(-1)).toBe(20 * MINUTE + EXPIRED_KEPT_MS)
})

test('a short-lived token is renewed at half its life, not a full leeway before it expires', async () => {
  const { sessions, indee, advance } = setup()
  const { id, record } = await sessions.create(
    { token: 'token-1', refreshToken: 'refresh-1' },
    {
      subject: 'alice-sub',
      email: 'alice@example.com',
      permissions: [],
      ciiNo: undefined,
      expiresAt: START + REFRESH_LEEWAY_MS,
    },
  )
  expect(record.refreshAt).toBe(START + REFRESH_LEEWAY_MS / 2)
  advance(REFRESH_LEEWAY_MS / 2 - 1)
  expect(await sessions.resolve(id)).toMatchObject({ ok: true, record: { token: 'token-1' } })
  expect(indee.refresh).not.toHaveBeenCalled()
  advance(1)
  expect(await sessions.resolve(id)).toMatchObject({ ok: true, record: { token: 'token-2' } })
})

test('a refresh token that is a JWT without exp leaves the session its configured lifetime', async () => {
  const { sessions } = setup({ maxMs: 60 * MINUTE })
  const payload = Buffer.from(JSON.stringify({ sub: 'alice-sub' })).toString('base64url')
  const { record } = await sessions.create(
    { token: 'token-1', refreshToken: `eyJhbGciOiJIUzI1NiJ9.${payload}.c2ln` },
    {
      subject: 'alice-sub',
      email: 'alice@example.com',
      permissions: [],
      ciiNo: undefined,
      expiresAt: START + 15 * MINUTE,
    },
  )
  expect(record.absoluteExpiresAt).toBe(START + 60 * MINUTE)
})

test('Indee down once the token has expired fails the request instead of using the expired token', async () => {
  const { sessions, indee, signIn, advance } = setup()
  const { id } = await signIn()
  indee.refresh.mockRejectedValueOnce(new Error('unreachable'))
  advance(15 * MINUTE)
  await expect(sessions.resolve(id)).rejects.toThrow('unreachable')
  indee.refresh.mockRejectedValueOnce(new Error('unreachable'))
  advance(1)
  await expect(sessions.resolve(id)).rejects.toThrow('unreachable')
})

test('requests waiting on a refresh that Indee refused find the session ended', async () => {
  const { sessions, indee, signIn, advance } = setup()
  const { id } = await signIn()
  indee.refresh.mockResolvedValueOnce(undefined)
  advance(15 * MINUTE - REFRESH_LEEWAY_MS + 1)
  const results = await Promise.all([sessions.resolve(id), sessions.resolve(id)])
  expect(results).toEqual([
    { ok: false, reason: 'session_expired' },
    { ok: false, reason: 'session_expired' },
  ])
  expect(indee.refresh).toHaveBeenCalledTimes(1)
})

test('a refused refresh verifies nothing, and a refreshed token that does not verify ends the session', async () => {
  const refused = setup()
  const first = await refused.signIn()
  refused.indee.refresh.mockResolvedValueOnce(undefined)
  refused.advance(15 * MINUTE)
  const verifyCalls = refused.verify.mock.calls.length
  expect(await refused.sessions.resolve(first.id)).toEqual({
    ok: false,
    reason: 'session_expired',
  })
  expect(refused.verify.mock.calls.length).toBe(verifyCalls)

  const unverified = setup()
  const second = await unverified.signIn()
  unverified.verify.mockResolvedValueOnce(undefined)
  unverified.advance(15 * MINUTE)
  expect(await unverified.sessions.resolve(second.id)).toEqual({
    ok: false,
    reason: 'session_expired',
  })
  expect(await unverified.sessions.resolve(second.id)).toEqual({
    ok: false,
    reason: 'session_expired',
  })
})

test('ending a session that is not there (or no cookie) tells Indee nothing', async () => {
  const { sessions, indee } = setup()
  await expect(sessions.end('no-such-session', () => undefined)).resolves.toBeUndefined()
  await expect(sessions.end(undefined, () => undefined)).resolves.toBeUndefined()
  expect(indee.logout).not.toHaveBeenCalled()
})

test('the view names a CII number only when the session has one', async () => {
  const { sessions, signIn } = setup()
  const { record } = await signIn()
  expect(sessions.viewOf(record)).toMatchObject({ ciiNo: '1001234567' })
  const view = sessions.viewOf({ ...record, ciiNo: undefined })
  expect(view).not.toHaveProperty('ciiNo')
  expect(view).toEqual({
    email: 'alice@example.com',
    permissions: ['assuresign'],
    expiresAt: record.absoluteExpiresAt,
    idleTimeoutSeconds: 1800,
  })
})

test('a session whose refresh Indee refused is not written to the store again', async () => {
  const lenient = lenientStore()
  const { sessions, indee, signIn, advance } = setup({ wrap: () => lenient.store })
  const { id } = await signIn()
  indee.refresh.mockResolvedValueOnce(undefined)
  advance(15 * MINUTE)
  const writes = lenient.ttls.length
  expect(await sessions.resolve(id)).toEqual({ ok: false, reason: 'session_expired' })
  expect(lenient.ttls).toHaveLength(writes)
  expect(lenient.deleted).toHaveLength(1)
})

const tokensOf = (results: readonly Resolved[]) =>
  results.map((result) => (result.ok ? result.record.token : result.reason))

test('four requests waiting on a slow refresh that fails make one Indee call and all use the still-valid token', async () => {
  const { sessions, indee, signIn, advance } = setup()
  const { id } = await signIn()
  const refresh = slowFailingRefresh(indee)
  advance(15 * MINUTE - REFRESH_LEEWAY_MS + 1)
  const results = Promise.all(Array.from({ length: 4 }, () => sessions.resolve(id)))
  await refresh.called
  refresh.answer()
  expect(tokensOf(await results)).toEqual(['token-1', 'token-1', 'token-1', 'token-1'])
  expect(indee.refresh).toHaveBeenCalledTimes(1)
})

test('two instances sharing the store make one Indee call for a slow refresh that fails', async () => {
  const { sessions, instance, indee, signIn, advance } = setup()
  const other = instance()
  const { id } = await signIn()
  const refresh = slowFailingRefresh(indee)
  advance(15 * MINUTE - REFRESH_LEEWAY_MS + 1)
  const results = Promise.all([
    sessions.resolve(id),
    other.resolve(id),
    sessions.resolve(id),
    other.resolve(id),
  ])
  await refresh.called
  refresh.answer()
  expect(tokensOf(await results)).toEqual(['token-1', 'token-1', 'token-1', 'token-1'])
  expect(indee.refresh).toHaveBeenCalledTimes(1)
})

test('a session signed out while its refresh failed stays signed out', async () => {
  const { sessions, indee, signIn, advance } = setup()
  const { id } = await signIn()
  const refresh = slowFailingRefresh(indee)
  advance(15 * MINUTE - REFRESH_LEEWAY_MS + 1)
  const inFlight = sessions.resolve(id)
  await refresh.called
  await sessions.end(id, () => undefined)
  refresh.answer()
  expect(await inFlight).toEqual({ ok: false, reason: 'session_expired' })
  expect(await sessions.resolve(id)).toEqual({ ok: false, reason: 'session_expired' })
})

/** An observer that lists what it is told, as `expired:<reason>` and `refreshed:<outcome>`. */
function listening() {
  const heard: string[] = []
  return {
    heard,
    observer: {
      expired: (reason: string) => heard.push(`expired:${reason}`),
      refreshed: (outcome: string) => heard.push(`refreshed:${outcome}`),
    },
  }
}

test('the observer hears each expiry with its reason', async () => {
  const { sessions, signIn, advance } = setup({ idleMs: 30 * MINUTE, maxMs: 45 * MINUTE })
  const idle = listening()
  const { id: idleId } = await signIn()
  advance(30 * MINUTE)
  expect((await sessions.resolve(idleId, idle.observer)).ok).toBe(false)
  expect(idle.heard).toEqual(['expired:idle'])

  const absolute = listening()
  const { id } = await signIn()
  for (let used = 0; used < 4; used += 1) {
    advance(10 * MINUTE)
    await sessions.resolve(id)
  }
  advance(10 * MINUTE)
  expect((await sessions.resolve(id, absolute.observer)).ok).toBe(false)
  expect(absolute.heard).toEqual(['expired:absolute'])
})

test('ten requests sharing a refresh make one refresh event, and a refused one ends the session', async () => {
  const { sessions, indee, signIn, advance } = setup()
  const { id } = await signIn()
  advance(15 * MINUTE - REFRESH_LEEWAY_MS + 1)
  const many = listening()
  await Promise.all(Array.from({ length: 10 }, () => sessions.resolve(id, many.observer)))
  expect(many.heard).toEqual(['refreshed:ok'])

  advance(15 * MINUTE - REFRESH_LEEWAY_MS + 1)
  indee.refresh.mockResolvedValueOnce(undefined)
  const refused = listening()
  expect((await sessions.resolve(id, refused.observer)).ok).toBe(false)
  expect(refused.heard).toEqual(['refreshed:refused', 'expired:refresh_refused'])
})

test('a failed refresh is heard once, whatever the number of requests waiting for it', async () => {
  const { sessions, indee, signIn, advance } = setup()
  const { id } = await signIn()
  advance(15 * MINUTE - REFRESH_LEEWAY_MS + 1)
  const slow = slowFailingRefresh(indee)
  const failing = listening()
  const waiting = Array.from({ length: 4 }, () => sessions.resolve(id, failing.observer))
  await slow.called
  slow.answer()
  expect((await Promise.all(waiting)).map((r) => r.ok)).toEqual([true, true, true, true])
  expect(failing.heard).toEqual(['refreshed:failed'])
})

test('a use recorded less than 15 s ago is not written again; the next one after that is', async () => {
  const writes: number[] = []
  const { sessions, signIn, advance } = setup({
    wrap: (store) => ({
      ...store,
      async replace(key, value, ttlMs) {
        writes.push(ttlMs)
        return store.replace(key, value, ttlMs)
      },
    }),
  })
  const { id } = await signIn()
  for (let second = 0; second < 14; second += 1) {
    advance(1_000)
    expect((await sessions.resolve(id)).ok).toBe(true)
  }
  expect(writes).toEqual([])
  advance(1_000)
  const touched = await sessions.resolve(id)
  expect(writes).toHaveLength(1)
  expect(touched.ok && touched.record.lastSeenAt).toBe(START + TOUCH_EVERY_MS)
  // The idle timeout counts from the use recorded: 30 minutes after it, the session has ended.
  advance(30 * MINUTE)
  expect((await sessions.resolve(id)).ok).toBe(false)
})

test('an instance that opened a session reads the one another instance renewed, not its own copy', async () => {
  const { instance, signIn, advance } = setup()
  const { id } = await signIn()
  const a = instance()
  const b = instance()
  const before = await a.resolve(id)
  expect(before.ok && before.record.token).toBe('token-1')
  advance(15 * MINUTE - REFRESH_LEEWAY_MS + 1)
  const renewed = await b.resolve(id)
  expect(renewed.ok && renewed.record.token).toBe('token-2')
  const after = await a.resolve(id)
  expect(after.ok && after.record.token).toBe('token-2')
  await b.end(id, () => undefined)
  expect(await a.resolve(id)).toEqual({ ok: false, reason: 'session_expired' })
})
