import { createServer, type Server, type Socket } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { expect, test, vi } from 'vitest'
import { freePort } from '../testing/free-port.ts'
import { single } from '../testing/redis-server.ts'
import { redisForThisFile } from '../testing/redis-fixture.ts'
import {
  createRedisSessionStore,
  LOCK_WAIT_GRACE_MS,
  type RedisSessionStoreOptions,
} from './redis-session-store.ts'
import { SessionStoreUnavailable } from './session-store.ts'
import { connected, SEALED, SEALED_AGAIN } from '../testing/session-records.ts'
import { gate } from '../testing/gate.ts'

const db = redisForThisFile()
let namespaces = 0

/** A connected store on the test's Redis, in a namespace of its own, closed after the test. */
async function storeOf(options: Partial<RedisSessionStoreOptions> = {}) {
  namespaces += 1
  const namespace = options.namespace ?? `test-${namespaces}`
  const store = createRedisSessionStore({ target: single(db.redis.url), ...options, namespace })
  db.stores.push(store)
  await connected(store)
  return { store, namespace }
}

/** How many times Redis has run `command` so far (INFO commandstats). */
async function callsOf(command: string): Promise<number> {
  const stats = await db.raw.info('commandstats')
  const calls = new RegExp(`^cmdstat_${command}:calls=(\\d+)`, 'm').exec(stats)?.[1]
  return Number(calls ?? '0')
}

/** The ids of the store connections Redis sees (CLIENT LIST, by the connection's name). */
async function bffClientIds(): Promise<string[]> {
  const list = String(await db.raw.call('CLIENT', 'LIST'))
  return list
    .split('\n')
    .filter((line) => / name=sso-bridge-bff /.test(line))
    .map((line) => /^id=(\d+)/.exec(line)?.[1] ?? '')
}

/** A TCP server on a free loopback port that does `onConnection` with every connection. */
async function tcpServer(onConnection: (socket: Socket) => void) {
  const sockets: Socket[] = []
  const server: Server = createServer((socket) => {
    sockets.push(socket)
    onConnection(socket)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    url: `redis://127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now()
  const result = await work()
  return { ms: performance.now() - start, result }
}

test('a value round-trips as it is under a namespaced key that Redis expires after the TTL', async () => {
  const { store, namespace } = await storeOf()
  await store.set('k1', SEALED, 60_000)
  expect(await store.get('k1')).toBe(SEALED)
  expect(await db.raw.get(`${namespace}:session:k1`)).toBe(SEALED)
  const pttl = await db.raw.pttl(`${namespace}:session:k1`)
  expect(pttl).toBeGreaterThan(0)
  expect(pttl).toBeLessThanOrEqual(60_000)
  expect(await store.get('k2')).toBeUndefined()
  expect(store.kind).toBe('redis')
})

test('a value is gone once its TTL has passed', async () => {
  const { store } = await storeOf()
  await store.set('short', SEALED, 200)
  expect(await store.get('short')).toBe(SEALED)
  await expect.poll(() => store.get('short'), { timeout: 2_000, interval: 25 }).toBeUndefined()
})

test('replace stores only over a value that is there', async () => {
  const { store, namespace } = await storeOf()
  expect(await store.replace('gone', SEALED_AGAIN, 60_000)).toBe(false)
  expect(await db.raw.exists(`${namespace}:session:gone`)).toBe(0)
  await store.set('here', SEALED, 1_000)
  expect(await store.replace('here', SEALED_AGAIN, 60_000)).toBe(true)
  expect(await store.get('here')).toBe(SEALED_AGAIN)
  expect(await db.raw.pttl(`${namespace}:session:here`)).toBeGreaterThan(1_000)
})

test('delete forgets a value at once', async () => {
  const { store, namespace } = await storeOf()
  await store.set('k', SEALED, 60_000)
  await store.delete('k')
  expect(await store.get('k')).toBeUndefined()
  expect(await db.raw.exists(`${namespace}:session:k`)).toBe(0)
  await store.delete('never-there')
})

test('withLock lets one caller at a time in, across two instances (two clients)', async () => {
  const { store: a, namespace } = await storeOf()
  const { store: b } = await storeOf({ namespace })
  const counter = `${namespace}:counter`
  const order: string[] = []
  // Read, wait, write: without the lock, increments made at once overwrite each other.
  const increment = (name: string) => async () => {
    order.push(`${name} in`)
    const seen = Number((await db.raw.get(counter)) ?? '0')
    await delay(15)
    await db.raw.set(counter, String(seen + 1))
    order.push(`${name} out`)
    return seen
  }
  const callers = Array.from({ length: 10 }, (_, i) => {
    const [store, name] = i % 2 === 0 ? [a, `a${i}`] : [b, `b${i}`]
    return store.withLock('session-1', increment(name))
  })
  const seen = await Promise.all(callers)
  expect(await db.raw.get(counter)).toBe('10')
  expect([...seen].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  // Every caller left before the next one came in.
  for (let i = 0; i < order.length; i += 2) {
    expect(order[i + 1]).toBe(order[i]?.replace(' in', ' out'))
  }
  expect(await db.raw.exists(`${namespace}:lock:session-1`)).toBe(0)
})

test('withLock on different sessions does not wait', async () => {
  const { store } = await storeOf()
  const release = gate()
  const held = store.withLock('one', () => release.opened)
  const { ms } = await timed(() => store.withLock('two', () => Promise.resolve()))
  expect(ms).toBeLessThan(200)
  release.open()
  await held
})

test('a failing caller releases the lock, and its error comes through', async () => {
  const { store, namespace } = await storeOf()
  await expect(
    store.withLock('k', () => Promise.reject(new Error('refresh failed'))),
  ).rejects.toThrow('refresh failed')
  expect(await db.raw.exists(`${namespace}:lock:k`)).toBe(0)
  const { ms, result } = await timed(() => store.withLock('k', () => Promise.resolve('next')))
  expect(result).toBe('next')
  expect(ms).toBeLessThan(200)
})

test('a lock left by a crashed holder expires by itself and the next caller proceeds', async () => {
  const lockMs = 300
  const { store, namespace } = await storeOf({ lockMs })
  // What a holder that died mid-refresh leaves: its lock, which nobody will release.
  await db.raw.set(`${namespace}:lock:k`, 'crashed-holder', 'PX', lockMs)
  const { ms, result } = await timed(() => store.withLock('k', () => Promise.resolve('ran')))
  expect(result).toBe('ran')
  expect(ms).toBeGreaterThan(lockMs / 2)
  expect(ms).toBeLessThan(lockMs + LOCK_WAIT_GRACE_MS)
})

test('a lock that stays taken fails the caller in bounded time, and never runs it unlocked', async () => {
  const lockMs = 200
  const { store, namespace } = await storeOf({ lockMs })
  await db.raw.set(`${namespace}:lock:k`, 'stuck', 'PX', 60_000)
  let ran = false
  const setsBefore = await callsOf('set')
  const { ms, result } = await timed(() =>
    store
      .withLock('k', () => {
        ran = true
        return Promise.resolve()
      })
      .catch((error: unknown) => error),
  )
  expect(result).toBeInstanceOf(SessionStoreUnavailable)
  expect((result as Error).message).toBe(
    `session store lock: still held after ${lockMs + LOCK_WAIT_GRACE_MS} ms`,
  )
  expect(ran).toBe(false)
  // It polls with a growing pause (20 ms, then twice as long up to 200 ms): about ten tries in
  // these 1.2 s, not a busy loop.
  const tries = (await callsOf('set')) - setsBefore
  expect(tries).toBeGreaterThanOrEqual(5)
  expect(tries).toBeLessThanOrEqual(20)
  expect(ms).toBeGreaterThanOrEqual(lockMs + LOCK_WAIT_GRACE_MS - 50)
  expect(ms).toBeLessThan(lockMs + LOCK_WAIT_GRACE_MS + 500)
})

test('a holder that overran its lock does not release the lock of the next holder', async () => {
  const lockMs = 150
  const { store: a, namespace } = await storeOf({ lockMs })
  const { store: b } = await storeOf({ namespace, lockMs: 10_000 })
  const lock = `${namespace}:lock:k`
  const bIsIn = gate()
  const bMayGo = gate()
  const slowA = a.withLock('k', () => delay(lockMs * 3))
  await delay(20)
  const waitingB = b.withLock('k', async () => {
    bIsIn.open()
    await bMayGo.opened
  })
  await bIsIn.opened
  const bToken = await db.raw.get(lock)
  await slowA
  // A's release found B's token, not its own: B's lock is still there.
  expect(await db.raw.get(lock)).toBe(bToken)
  bMayGo.open()
  await waitingB
  expect(await db.raw.exists(lock)).toBe(0)
})

test('a store made while Redis cannot be reached starts at once, fails fast, and closes', async () => {
  const nowhere = `redis://127.0.0.1:${await freePort()}`
  const warnings: string[] = []
  const store = createRedisSessionStore({
    target: single(nowhere),
    onLog: (level, message) => warnings.push(`${level} ${message}`),
  })
  const { ms, result } = await timed(() => store.ping().catch((error: unknown) => error))
  expect(result).toBeInstanceOf(SessionStoreUnavailable)
  expect(ms).toBeLessThan(1_500)
  await expect
    .poll(() => warnings)
    .toEqual([expect.stringMatching(/^warn session store unreachable/)])
  const closed = await timed(() => store.close())
  expect(closed.ms).toBeLessThan(1_000)
})

test('with Redis stopped every call fails fast; once it is back the same store works again', async () => {
  const logs: string[] = []
  const { store } = await storeOf({ onLog: (level, message) => logs.push(`${level} ${message}`) })
  await store.set('k', SEALED, 60_000)
  await db.redis.stop()
  try {
    const calls: readonly (readonly [string, () => Promise<unknown>])[] = [
      ['ping', () => store.ping()],
      ['get', () => store.get('k')],
      ['set', () => store.set('k', SEALED, 60_000)],
      ['replace', () => store.replace('k', SEALED, 60_000)],
      ['delete', () => store.delete('k')],
      ['lock', () => store.withLock('k', () => Promise.resolve())],
    ]
    for (const [name, call] of calls) {
      const { ms, result } = await timed(() =>
        call().then(
          () => 'resolved',
          (e: unknown) => e,
        ),
      )
      expect(result, name).toBeInstanceOf(SessionStoreUnavailable)
      expect(ms, name).toBeLessThan(1_500)
      // The message names the operation and the cause (and the cause is kept), never a key.
      const error = result as SessionStoreUnavailable
      const cause = error.cause as Error
      expect(error.name, name).toBe('SessionStoreUnavailable')
      expect(cause, name).toBeInstanceOf(Error)
      expect(cause.message, name).not.toBe('')
      expect(error.message, name).toBe(`session store ${name}: ${cause.message}`)
      expect(error.message, name).not.toContain(':session:')
    }
  } finally {
    await db.redis.start()
  }
  await connected(store)
  await store.set('k', SEALED, 60_000)
  expect(await store.get('k')).toBe(SEALED)
  // One warning for the outage (at most one per 5 s), and one line when it is over.
  expect(logs.filter((line) => line.startsWith('warn'))).toHaveLength(1)
  await expect.poll(() => logs.at(-1)).toBe('info session store reachable again')
  expect(logs.join('\n')).not.toContain('session-token')
})

test('a Redis that stops answering fails each call after the command timeout', async () => {
  const { store } = await storeOf({ commandTimeoutMs: 300 })
  await store.set('k', SEALED, 60_000)
  db.redis.freeze()
  try {
    const { ms, result } = await timed(() => store.get('k').catch((error: unknown) => error))
    expect(result).toBeInstanceOf(SessionStoreUnavailable)
    expect(ms).toBeGreaterThanOrEqual(250)
    expect(ms).toBeLessThan(1_000)
  } finally {
    db.redis.thaw()
  }
  await connected(store)
  expect(await store.get('k')).toBe(SEALED)
})

test('close ends the connection without waiting', async () => {
  const { store } = await storeOf()
  await store.ping()
  const { ms } = await timed(() => store.close())
  expect(ms).toBeLessThan(500)
  await expect(store.ping()).rejects.toBeInstanceOf(SessionStoreUnavailable)
})

test('a store that connects normally logs nothing', async () => {
  const logs: string[] = []
  await storeOf({ onLog: (level, message) => logs.push(`${level} ${message}`) })
  expect(logs).toEqual([])
})

test('reading a session that is not there is one GET, with no delete behind it', async () => {
  const { store } = await storeOf()
  const [gets, evals] = [await callsOf('get'), await callsOf('eval')]
  expect(await store.get('missing')).toBeUndefined()
  expect(await callsOf('get')).toBe(gets + 1)
  expect(await callsOf('eval')).toBe(evals)
})

test('close lets a command already sent finish before the connection ends', async () => {
  const { store, namespace } = await storeOf()
  const pending = store.set('k', SEALED, 60_000)
  await store.close()
  await expect(pending).resolves.toBeUndefined()
  expect(await db.raw.exists(`${namespace}:session:k`)).toBe(1)
})

test('the store connection is named for the BFF, so an operator can tell it apart', async () => {
  await storeOf()
  await expect.poll(() => bffClientIds()).toHaveLength(1)
})

test('a write refused as READONLY (after a failover) makes the store connect again; other errors do not', async () => {
  const { store, namespace } = await storeOf()
  await expect.poll(() => bffClientIds()).toHaveLength(1)
  const [first] = await bffClientIds()

  await db.raw.rpush(`${namespace}:session:list`, 'not a session')
  await expect(store.get('list')).rejects.toThrow(/^session store get: WRONGTYPE/)
  await connected(store)
  expect(await bffClientIds()).toEqual([first])

  // A replica (of a primary that never answers) refuses writes, as an old primary does. Its
  // primary is a port this test holds: a free port could become another test's Redis meanwhile,
  // which this one would then copy (and that test's Sentinel could promote).
  const nobody = await tcpServer(() => undefined)
  await db.raw.call('REPLICAOF', '127.0.0.1', new URL(nobody.url).port)
  try {
    await expect(store.set('k', SEALED, 60_000)).rejects.toThrow(/^session store set: READONLY/)
    await expect
      .poll(() => bffClientIds(), { timeout: 5_000 })
      .toEqual([expect.not.stringMatching(`^${first}$`)])
    // Reachable again, but no writable primary: not ready (GET /readyz).
    await expect
      .poll(() =>
        store.ping().then(
          () => 'ready',
          (error: unknown) => String(error),
        ),
      )
      .toBe(
        'SessionStoreUnavailable: session store ping: the server is a slave, not a writable primary',
      )
  } finally {
    await db.raw.call('REPLICAOF', 'NO', 'ONE')
    await nobody.close()
  }
  await connected(store)
  await store.set('k', SEALED, 60_000)
  expect(await store.get('k')).toBe(SEALED)
})

test('a server that accepts the connection but never answers fails calls at once, queueing none', async () => {
  let accepted = 0
  const silent = await tcpServer(() => (accepted += 1))
  const store = createRedisSessionStore({ target: single(silent.url), commandTimeoutMs: 5_000 })
  try {
    // Connected, and waiting for an answer that never comes.
    await expect.poll(() => accepted).toBe(1)
    const { ms, result } = await timed(() => store.ping().catch((error: unknown) => error))
    expect(result).toBeInstanceOf(SessionStoreUnavailable)
    expect(ms).toBeLessThan(500)
  } finally {
    await store.close()
    await silent.close()
  }
})

test('while Redis keeps dropping the connection the store reconnects 100 ms later each time', async () => {
  const connections: number[] = []
  const dropping = await tcpServer((socket) => {
    connections.push(performance.now())
    socket.destroy()
  })
  const store = createRedisSessionStore({ target: single(dropping.url) })
  try {
    await expect.poll(() => connections.length, { timeout: 4_000 }).toBeGreaterThanOrEqual(4)
    const gaps = connections.slice(1, 4).map((at, i) => at - (connections[i] ?? 0))
    gaps.forEach((gap, i) => {
      // Never sooner than the backoff; a slow machine only makes a gap longer, so the upper
      // bound is loose: it tells 100 ms steps from a fixed wait of a second or more.
      expect(gap, `gap ${i + 1}`).toBeGreaterThanOrEqual(100 * (i + 1) - 50)
      expect(gap, `gap ${i + 1}`).toBeLessThan(100 * (i + 1) + 800)
    })
  } finally {
    await store.close()
    await dropping.close()
  }
})

test('while Redis stays unreachable the warning comes again once 5 s have passed', async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  try {
    vi.setSystemTime(1_700_000_000_000)
    const warnings: string[] = []
    const store = createRedisSessionStore({
      target: single(`redis://127.0.0.1:${await freePort()}`),
      onLog: (level, message) => warnings.push(`${level} ${message}`),
    })
    db.stores.push(store)
    await expect.poll(() => warnings.length).toBe(1)
    // The client retries every few hundred ms; by the wall clock 5 s have now passed.
    vi.setSystemTime(1_700_000_005_000)
    await expect.poll(() => warnings.length, { timeout: 3_000 }).toBe(2)
    expect(warnings[1]).toMatch(/^warn session store (unreachable|connection lost)/)
  } finally {
    vi.useRealTimers()
  }
})
