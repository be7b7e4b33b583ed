// The session store through Redis Sentinel, against Debian's redis-server and redis-sentinel:
// failovers by a crash (SIGKILL) and by the Sentinels' own command, a replica that lags, and
// what the store says meanwhile.
import { Redis } from 'ioredis'
import { afterEach, beforeEach, expect, test } from 'vitest'
import {
  caughtUp,
  roleOf,
  startSentinelGroup,
  type SentinelGroup,
} from '../testing/redis-sentinel.ts'
import { connected, SEALED } from '../testing/session-records.ts'
import { createRedisSessionStore, type RedisSessionStoreOptions } from './redis-session-store.ts'
import { SessionStoreUnavailable, type SessionStore } from './session-store.ts'

let group: SentinelGroup
const stores: SessionStore[] = []
const clients: Redis[] = []

beforeEach(async () => {
  group = await startSentinelGroup()
})
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()))
  for (const client of clients.splice(0)) client.disconnect()
  await group.close()
})

async function storeOf(options: Partial<RedisSessionStoreOptions> = {}): Promise<SessionStore> {
  const store = createRedisSessionStore({ target: group.target, replicas: 1, ...options })
  stores.push(store)
  await connected(store)
  return store
}

/** A plain client on the Redis at `port` (what that server holds). */
async function rawOn(port: number): Promise<Redis> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true })
  clients.push(client)
  await client.connect()
  return client
}

/** Tries `write` until it succeeds; every failure on the way must be SessionStoreUnavailable. */
async function untilWritten(write: () => Promise<unknown>, timeoutMs = 20_000) {
  const failures: unknown[] = []
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      await write()
      return failures
    } catch (error) {
      failures.push(error)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  throw new Error(`no write succeeded in ${timeoutMs} ms; last: ${String(failures.at(-1))}`)
}

test('through the Sentinels the store writes to the primary, and the replica has each write once it resolves', async () => {
  const unreplicated: string[] = []
  const store = await storeOf({ onUnreplicatedWrite: () => unreplicated.push('write') })
  const [primary, replica] = group.servers
  const onPrimary = await rawOn(primary.port)
  const onReplica = await rawOn(replica.port)
  for (let i = 0; i < 20; i += 1) {
    await store.set(`k${i}`, `${SEALED}${i}`, 60_000)
    expect(unreplicated, `write ${i}`).toEqual([])
    expect(await onReplica.get(`sso-bridge:session:k${i}`)).toBe(`${SEALED}${i}`)
  }
  expect(await onPrimary.dbsize()).toBe(20)
  expect(unreplicated).toEqual([])
})

test('a write the replica does not acknowledge in time stands on the primary and is reported, never passed as safe', async () => {
  const unreplicated: string[] = []
  const logs: string[] = []
  const store = await storeOf({
    replicaTimeoutMs: 150,
    onUnreplicatedWrite: () => unreplicated.push('write'),
    onLog: (level, message) => logs.push(`${level} ${message}`),
  })
  const [primary, replica] = group.servers
  replica.freeze()
  try {
    const started = performance.now()
    await store.set('k', SEALED, 60_000)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    expect(await store.replace('k', `${SEALED}2`, 60_000)).toBe(true)
  } finally {
    replica.thaw()
  }
  expect(unreplicated).toEqual(['write', 'write'])
  // One warning for both (at most one every 5 s).
  expect(logs).toEqual([
    'warn session store set: 0 of 1 replicas acknowledged the write within 150 ms; it is on the primary only until they catch up',
  ])
  expect(await (await rawOn(primary.port)).get('sso-bridge:session:k')).toBe(`${SEALED}2`)
  // Once the replica has caught up, writes are safe again and nothing more is reported.
  await caughtUp(primary.port)
  await store.set('k2', SEALED, 60_000)
  expect(unreplicated).toHaveLength(2)
})

test('with no replica asked for, a write does not wait for one', async () => {
  const unreplicated: string[] = []
  const store = await storeOf({ replicas: 0, onUnreplicatedWrite: () => unreplicated.push('w') })
  group.servers[1].freeze()
  try {
    const started = performance.now()
    await store.set('k', SEALED, 60_000)
    expect(performance.now() - started).toBeLessThan(100)
  } finally {
    group.servers[1].thaw()
  }
  expect(unreplicated).toEqual([])
})

test('the primary killed: writes fail as unavailable until the replica is promoted, then go there, and nothing written before is lost (the journeys see the old primary come back as a replica)', async () => {
  const store = await storeOf()
  for (let i = 0; i < 50; i += 1) await store.set(`k${i}`, `${SEALED}${i}`, 60_000)
  const old = await group.primary()
  await old.kill()

  await expect(store.ping()).rejects.toBeInstanceOf(SessionStoreUnavailable)
  const failures = await untilWritten(() => store.set('after', SEALED, 60_000))
  expect(failures.length).toBeGreaterThan(0)
  for (const failure of failures) expect(failure).toBeInstanceOf(SessionStoreUnavailable)
  const promoted = await group.promotedAfter(old)
  expect(promoted).toBe(group.servers[1])
  await store.ping()
  for (let i = 0; i < 50; i += 1) expect(await store.get(`k${i}`)).toBe(`${SEALED}${i}`)

  // The old primary, back, is made a replica of the new one and gets every session.
})

test('a primary turned replica under the store (a failover the Sentinels ran) leads it to the new primary, not to a READONLY loop', async () => {
  const unreplicated: string[] = []
  const store = await storeOf({ onUnreplicatedWrite: () => unreplicated.push('write') })
  await store.set('before', SEALED, 60_000)
  expect(unreplicated).toEqual([])
  const old = await group.primary()
  const sentinel = await rawOn(group.sentinelPorts[0] ?? 0)
  await sentinel.call('SENTINEL', 'FAILOVER', 'sessions')
  const promoted = await group.promotedAfter(old)

  // Until the old primary is made a replica, the store may still write there (reported as not
  // on a replica: the next test's subject); then it must end up on the new primary.
  await expect.poll(() => roleOf(old.port), { timeout: 20_000 }).toBe('slave')
  const onNew = await rawOn(promoted.port)
  let tries = 0
  const failures = await untilWritten(async () => {
    tries += 1
    await store.set('after', `${SEALED}${tries}`, 60_000)
    if ((await onNew.get('sso-bridge:session:after')) !== `${SEALED}${tries}`) {
      throw new SessionStoreUnavailable('not on the new primary yet')
    }
  })
  for (const failure of failures) expect(failure).toBeInstanceOf(SessionStoreUnavailable)
  // A handful of tries at most while the client moves over: no 500, no endless refusals.
  expect(failures.length).toBeLessThan(50)
  expect(await store.get('before')).toBe(SEALED)
  await store.ping()
})

test('a primary that freezes (connection open, no answer): the store gives up on it and writes to the promoted replica', async () => {
  const store = await storeOf({ commandTimeoutMs: 300 })
  await store.set('before', SEALED, 60_000)
  const old = await group.primary()
  old.freeze()
  try {
    const failures = await untilWritten(() => store.set('after', SEALED, 60_000))
    for (const failure of failures) expect(failure).toBeInstanceOf(SessionStoreUnavailable)
    expect(await group.promotedAfter(old)).toBe(group.servers[1])
    expect(await (await rawOn(group.servers[1].port)).get('sso-bridge:session:after')).toBe(SEALED)
    expect(await store.get('before')).toBe(SEALED)
  } finally {
    old.thaw()
  }
})
