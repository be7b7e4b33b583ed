import { afterEach, expect, test, vi } from 'vitest'
import { createMemorySessionStore } from './memory-session-store.ts'
import { SEALED, SEALED_AGAIN, START } from '../testing/session-records.ts'

function clock() {
  let at = START
  return { now: () => at, set: (ms: number) => (at = ms) }
}

afterEach(() => {
  vi.useRealTimers()
})

test('a value lives until its TTL by the injected clock, and is gone from that very millisecond', async () => {
  const time = clock()
  const store = createMemorySessionStore({ now: time.now, sweepMs: 0 })
  await store.set('k', SEALED, 1_000)
  time.set(START + 999)
  expect(await store.get('k')).toBe(SEALED)
  time.set(START + 1_000)
  expect(await store.get('k')).toBeUndefined()
  // Dropped when read: it stays gone even if the clock is set back.
  time.set(START)
  expect(await store.get('k')).toBeUndefined()
})

test('replace renews a live value, and refuses one whose TTL has run out', async () => {
  const time = clock()
  const store = createMemorySessionStore({ now: time.now, sweepMs: 0 })
  expect(await store.replace('k', SEALED_AGAIN, 1_000)).toBe(false)
  await store.set('k', SEALED, 1_000)
  time.set(START + 500)
  expect(await store.replace('k', SEALED_AGAIN, 1_000)).toBe(true)
  time.set(START + 1_499)
  expect(await store.get('k')).toBe(SEALED_AGAIN)
  time.set(START + 1_500)
  expect(await store.replace('k', SEALED, 1_000)).toBe(false)
  expect(await store.get('k')).toBeUndefined()
})

test('the sweep drops expired values (and only those) every sweepMs', async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
  const time = clock()
  const store = createMemorySessionStore({ now: time.now, sweepMs: 100 })
  await store.set('expired', SEALED, 1_000)
  await store.set('live', SEALED, 5_000)
  time.set(START + 1_000)
  vi.advanceTimersByTime(100)
  // Set the clock back: only what the sweep removed is missing.
  time.set(START)
  expect(await store.get('expired')).toBeUndefined()
  expect(await store.get('live')).toBe(SEALED)
  await store.close()
})

test('by default the sweep runs once a minute', async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
  const time = clock()
  const store = createMemorySessionStore({ now: time.now })
  await store.set('expired', SEALED, 1_000)
  time.set(START + 1_000)
  vi.advanceTimersByTime(59_999)
  time.set(START)
  expect(await store.get('expired')).toBe(SEALED)
  time.set(START + 1_000)
  vi.advanceTimersByTime(1)
  time.set(START)
  expect(await store.get('expired')).toBeUndefined()
  await store.close()
})

test('sweepMs 0 turns the sweep off: no timer, nothing swept', async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
  const time = clock()
  const store = createMemorySessionStore({ now: time.now, sweepMs: 0 })
  expect(vi.getTimerCount()).toBe(0)
  await store.set('expired', SEALED, 1_000)
  time.set(START + 1_000)
  vi.advanceTimersByTime(60_000)
  time.set(START)
  expect(await store.get('expired')).toBe(SEALED)
})

test('close stops the sweep timer and forgets every value', async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
  const store = createMemorySessionStore({ now: clock().now, sweepMs: 100 })
  await store.set('k', SEALED, 60_000)
  expect(vi.getTimerCount()).toBe(1)
  await store.close()
  expect(vi.getTimerCount()).toBe(0)
  expect(await store.get('k')).toBeUndefined()
})

test('without an injected clock values expire by the wall clock', async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(START)
  const store = createMemorySessionStore({ sweepMs: 0 })
  await store.set('k', SEALED, 1_000)
  expect(await store.get('k')).toBe(SEALED)
  vi.setSystemTime(START + 1_000)
  expect(await store.get('k')).toBeUndefined()
})

test('it is a memory store that is always ready', async () => {
  const store = createMemorySessionStore({ sweepMs: 0 })
  expect(store.kind).toBe('memory')
  await expect(store.ping()).resolves.toBeUndefined()
})

test('withLock runs one caller at a time per key, also for callers that come while others wait', async () => {
  const store = createMemorySessionStore({ sweepMs: 0 })
  const order: string[] = []
  const gates = new Map<string, () => void>()
  const held = (name: string) => () =>
    new Promise<string>((resolve) => {
      order.push(`${name} in`)
      gates.set(name, () => {
        order.push(`${name} out`)
        resolve(name)
      })
    })
  const settle = async () => {
    for (let i = 0; i < 10; i += 1) await Promise.resolve()
  }
  const a = store.withLock('k', held('a'))
  const b = store.withLock('k', held('b'))
  await settle()
  gates.get('a')?.()
  expect(await a).toBe('a')
  await settle()
  // B holds the lock now; C comes only now, and must wait for B.
  const c = store.withLock('k', held('c'))
  await settle()
  expect(order).toEqual(['a in', 'a out', 'b in'])
  gates.get('b')?.()
  expect(await b).toBe('b')
  await settle()
  gates.get('c')?.()
  expect(await c).toBe('c')
  expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out'])
})

test('a failing caller passes its error on and does not block the next one', async () => {
  const store = createMemorySessionStore({ sweepMs: 0 })
  await expect(
    store.withLock('k', () => Promise.reject(new Error('refresh failed'))),
  ).rejects.toThrow('refresh failed')
  await expect(store.withLock('k', () => Promise.resolve('next'))).resolves.toBe('next')
})
