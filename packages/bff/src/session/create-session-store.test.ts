import { Redis } from 'ioredis'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { freePort } from '../testing/free-port.ts'
import type { SessionStoreConfig } from '../config.ts'
import { single, startRedisServer, type RunningRedis } from '../testing/redis-server.ts'
import { createSessionStore } from './create-session-store.ts'
import { connected, SEALED, START } from '../testing/session-records.ts'

/** A Redis store's configuration as readConfig makes it, for `url`. */
const redisConfig = (url: string): SessionStoreConfig => ({
  kind: 'redis',
  target: single(url),
  password: undefined,
  sentinelUsername: undefined,
  sentinelPassword: undefined,
  tlsCa: undefined,
  replicas: 0,
  replicaTimeoutMs: 250,
})

let redis: RunningRedis
let raw: Redis

beforeAll(async () => {
  redis = await startRedisServer()
  raw = new Redis(redis.url, { lazyConnect: true })
  await raw.connect()
})
afterAll(async () => {
  raw.disconnect()
  await redis.close()
})

test('the memory store keeps time by the clock it is given', async () => {
  let clock = START
  const store = createSessionStore({ kind: 'memory' }, { now: () => clock })
  try {
    expect(store.kind).toBe('memory')
    await store.set('k', SEALED, 1_000)
    clock += 999
    expect(await store.get('k')).toBe(SEALED)
    clock += 1
    expect(await store.get('k')).toBeUndefined()
  } finally {
    await store.close()
  }
})

test('the Redis store uses the configured URL and the sso-bridge namespace', async () => {
  const store = createSessionStore(redisConfig(redis.url), { now: () => START })
  try {
    expect(store.kind).toBe('redis')
    await connected(store)
    await store.set('k', SEALED, 60_000)
    expect(await raw.get('sso-bridge:session:k')).toBe(SEALED)
    expect(await raw.pttl('sso-bridge:session:k')).toBeGreaterThan(59_000)
  } finally {
    await store.close()
  }
})

test('the Redis lock holds for the lockMs given, and for 15 s without one', async () => {
  const short = createSessionStore(redisConfig(redis.url), { now: () => START, lockMs: 200 })
  const plain = createSessionStore(redisConfig(redis.url), { now: () => START })
  try {
    await connected(short)
    await connected(plain)
    const shortTtl = await short.withLock('a', () => raw.pttl('sso-bridge:lock:a'))
    expect(shortTtl).toBeGreaterThan(0)
    expect(shortTtl).toBeLessThanOrEqual(200)
    const plainTtl = await plain.withLock('b', () => raw.pttl('sso-bridge:lock:b'))
    expect(plainTtl).toBeGreaterThan(14_000)
    expect(plainTtl).toBeLessThanOrEqual(15_000)
  } finally {
    await short.close()
    await plain.close()
  }
})

test('the Redis store reports connection trouble to the onLog given', async () => {
  const logs: string[] = []
  const store = createSessionStore(redisConfig(`redis://127.0.0.1:${await freePort()}`), {
    now: () => START,
    onLog: (level, message) => logs.push(`${level} ${message}`),
  })
  try {
    await expect
      .poll(() => logs)
      .toEqual([expect.stringMatching(/^warn session store unreachable/)])
  } finally {
    await store.close()
  }
})
