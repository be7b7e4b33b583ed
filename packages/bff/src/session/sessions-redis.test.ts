// Sessions on a real Redis: what a dump of it holds, what a change made in it does, and one
// refresh in flight per session across two instances that share it.
import { single } from '../testing/redis-server.ts'
import { createHash } from 'node:crypto'
import { expect, test, vi } from 'vitest'
import type { VerifiedToken } from '../upstream/session-token.ts'
import { redisForThisFile } from '../testing/redis-fixture.ts'
import { connected, START } from '../testing/session-records.ts'
import { createRedisSessionStore } from './redis-session-store.ts'
import { createSessions, REFRESH_LEEWAY_MS, type Resolved } from './sessions.ts'
import { gate } from '../testing/gate.ts'

const MINUTE = 60_000
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.the-session-token-of-alice.c2lnbmF0dXJl'
const REFRESH_TOKEN = 'the-refresh-token-of-alice-0123456789'
const EMAIL = 'alice@example.com'
const MALLORY_TOKEN = 'the-session-token-of-mallory'

const db = redisForThisFile()
let namespaces = 0

/**
 * Two BFF instances (each its own Redis client) sharing one namespace of the test's Redis, one
 * clock and one fake Indee.
 */
async function setup() {
  namespaces += 1
  const namespace = `sessions-${namespaces}`
  let clock = START
  const now = () => clock
  const indee = {
    refresh: vi.fn((): Promise<string | undefined> => Promise.resolve('token-2')),
    logout: vi.fn(() => Promise.resolve()),
  }
  const verify = (token: string): Promise<VerifiedToken | undefined> =>
    Promise.resolve({
      ...(token === MALLORY_TOKEN
        ? { subject: 'mallory-sub', email: 'mallory@example.com' }
        : { subject: 'alice-sub', email: EMAIL }),
      permissions: ['assuresign'],
      ciiNo: undefined,
      expiresAt: clock + 15 * MINUTE,
    })
  const instance = async () => {
    const store = createRedisSessionStore({ target: single(db.redis.url), namespace })
    db.stores.push(store)
    await connected(store)
    return createSessions({
      store,
      indee,
      verify,
      now,
      idleMs: 30 * MINUTE,
      maxMs: 24 * 60 * MINUTE,
    })
  }
  const [a, b] = [await instance(), await instance()]
  const signIn = async (token = TOKEN) => {
    const verified = (await verify(token)) ?? expect.fail('no claims')
    return a.create({ token, refreshToken: REFRESH_TOKEN }, verified)
  }
  /** The Redis key of session `id`. */
  const keyOf = (id: string) =>
    `${namespace}:session:${createHash('sha256').update(id).digest('base64url')}`
  return {
    a,
    b,
    indee,
    signIn,
    keyOf,
    advance: (ms: number) => {
      clock += ms
    },
  }
}

const tokensOf = (results: readonly Resolved[]) =>
  results.map((result) => (result.ok ? result.record.token : result.reason))

test('what Redis holds of a session has neither its tokens nor the email in it', async () => {
  const { a, signIn, keyOf } = await setup()
  const { id } = await signIn()
  // Written again when used: still nothing readable.
  expect((await a.resolve(id)).ok).toBe(true)
  const stored = (await db.raw.get(keyOf(id))) ?? expect.fail('no session in Redis')
  for (const secret of [TOKEN, REFRESH_TOKEN, EMAIL, 'the-session-token', 'alice', id]) {
    expect(stored).not.toContain(secret)
  }
})

test("a session's value moved under another session's key opens nothing there, and goes", async () => {
  const { a, signIn, keyOf } = await setup()
  const alice = await signIn()
  const mallory = await signIn(MALLORY_TOKEN)
  // Someone who can write to Redis puts alice's session under their own cookie's key.
  await db.raw.set(keyOf(mallory.id), (await db.raw.get(keyOf(alice.id))) ?? '', 'PX', 60_000)
  expect(await a.resolve(mallory.id)).toEqual({ ok: false, reason: 'session_expired' })
  expect(await db.raw.exists(keyOf(mallory.id))).toBe(0)
  expect(await a.resolve(alice.id)).toMatchObject({ ok: true, record: { email: EMAIL } })
})

test('a session changed in Redis is refused and removed', async () => {
  const { a, signIn, keyOf } = await setup()
  const { id } = await signIn()
  const stored = (await db.raw.get(keyOf(id))) ?? expect.fail('no session in Redis')
  const [version, body] = stored.split('.')
  const bytes = Buffer.from(body ?? '', 'base64url')
  bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 1
  await db.raw.set(keyOf(id), `${version}.${bytes.toString('base64url')}`, 'PX', 60_000)
  expect(await a.resolve(id)).toEqual({ ok: false, reason: 'session_expired' })
  expect(await db.raw.exists(keyOf(id))).toBe(0)
})

test('four requests on two instances waiting on a slow refresh that fails make one Indee call', async () => {
  const { a, b, indee, signIn, advance } = await setup()
  const { id } = await signIn()
  const called = gate()
  const answer = gate()
  indee.refresh.mockImplementation(async () => {
    called.open()
    await answer.opened
    throw new Error('indee refresh: timeout')
  })
  advance(15 * MINUTE - REFRESH_LEEWAY_MS + 1)
  const results = Promise.all([a.resolve(id), b.resolve(id), a.resolve(id), b.resolve(id)])
  await called.opened
  answer.open()
  expect(tokensOf(await results)).toEqual([TOKEN, TOKEN, TOKEN, TOKEN])
  expect(indee.refresh).toHaveBeenCalledTimes(1)
})
