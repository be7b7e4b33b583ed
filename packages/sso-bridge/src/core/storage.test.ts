import { afterEach, expect, test, vi } from 'vitest'
import { guardStorage, probeStorage, safeSessionStorage, storageKeys } from './storage.ts'
import { codeOf, thrownSsoError } from '../test/sso-failure.ts'
import { forgetfulStorage, throwingStorage } from '../test/throwing-storage.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

test('accepts a working sessionStorage and leaves no probe key behind', () => {
  expect(probeStorage(sessionStorage)).toBe(sessionStorage)
  expect(sessionStorage.length).toBe(0)
})

test('refuses a missing storage', () => {
  expect(codeOf(() => probeStorage(undefined))).toBe('storage_unavailable')
})

test('refuses a storage whose writes throw (quota, private mode)', () => {
  const storage = throwingStorage(sessionStorage, { operations: new Set(['setItem']) })
  expect(codeOf(() => probeStorage(storage))).toBe('storage_unavailable')
})

test('refuses a storage whose reads throw', () => {
  const storage = throwingStorage(sessionStorage, {
    operations: new Set(['getItem']),
    name: 'SecurityError',
  })
  expect(codeOf(() => probeStorage(storage))).toBe('storage_unavailable')
})

test('refuses a storage that silently drops writes', () => {
  expect(codeOf(() => probeStorage(forgetfulStorage()))).toBe('storage_unavailable')
})

test('safeSessionStorage returns the page sessionStorage when it works', () => {
  expect(safeSessionStorage()).toBe(sessionStorage)
})

test('safeSessionStorage turns a throwing sessionStorage getter into storage_unavailable', () => {
  vi.stubGlobal('sessionStorage', undefined)
  Object.defineProperty(globalThis, 'sessionStorage', {
    configurable: true,
    get() {
      throw new DOMException('denied', 'SecurityError')
    },
  })
  expect(codeOf(() => safeSessionStorage())).toBe('storage_unavailable')
})

test('safeSessionStorage refuses when there is no sessionStorage at all', () => {
  vi.stubGlobal('sessionStorage', undefined)
  expect(codeOf(() => safeSessionStorage())).toBe('storage_unavailable')
})

test('a missing storage is named as not available', () => {
  const error = thrownSsoError(() => probeStorage(undefined))
  expect(error.message).toBe('sessionStorage is not available')
  expect(Object.hasOwn(error, 'cause')).toBe(false)
})

test('a refused probe write keeps the browser’s error as cause', () => {
  const storage = throwingStorage(sessionStorage, { operations: new Set(['setItem']) })
  const error = thrownSsoError(() => probeStorage(storage))
  expect(error.message).toBe('sessionStorage refused the probe write')
  expect(error.cause).toBeInstanceOf(DOMException)
  expect((error.cause as DOMException).name).toBe('QuotaExceededError')
})

test('a storage that drops writes says the probe value was not kept', () => {
  const error = thrownSsoError(() => probeStorage(forgetfulStorage()))
  expect(error.message).toBe('sessionStorage refused the probe write')
  expect((error.cause as Error).message).toBe('sessionStorage did not keep the probe value')
})

test('the probe writes only its own sso-bridge key and leaves the app’s keys alone', () => {
  sessionStorage.setItem('', 'theirs')
  const written = vi.spyOn(Storage.prototype, 'setItem')
  probeStorage(sessionStorage)
  expect(written.mock.calls.map(([key]) => key)).toEqual(['sso-bridge:probe'])
  expect(sessionStorage.getItem('')).toBe('theirs')
  written.mockRestore()
})

test('a throwing sessionStorage getter keeps its error as cause', () => {
  const denied = new DOMException('denied', 'SecurityError')
  vi.stubGlobal('sessionStorage', undefined)
  Object.defineProperty(globalThis, 'sessionStorage', {
    configurable: true,
    get() {
      throw denied
    },
  })
  const error = thrownSsoError(() => safeSessionStorage())
  expect(error.code).toBe('storage_unavailable')
  expect(error.message).toBe('reading sessionStorage threw')
  expect(error.cause).toBe(denied)
})

test('a failed storage operation is storage_unavailable with the browser’s error as cause', () => {
  const quota = new DOMException('full', 'QuotaExceededError')
  const error = thrownSsoError(() =>
    guardStorage(() => {
      throw quota
    }),
  )
  expect(error.code).toBe('storage_unavailable')
  expect(error.message).toBe('sessionStorage operation failed')
  expect(error.cause).toBe(quota)
  expect(guardStorage(() => 42)).toBe(42)
})

test('lists every key in the storage', () => {
  sessionStorage.setItem('a', '1')
  sessionStorage.setItem('b', '2')
  expect(storageKeys(sessionStorage).sort()).toEqual(['a', 'b'])
  sessionStorage.clear()
  expect(storageKeys(sessionStorage)).toEqual([])
})

test('skips a key that vanished while listing (another script removed it)', () => {
  const shrinking: Storage = {
    length: 2,
    key: (index) => (index === 0 ? 'kept' : null),
    getItem: () => null,
    setItem: () => undefined,
    removeItem: () => undefined,
    clear: () => undefined,
  }
  expect(storageKeys(shrinking)).toEqual(['kept'])
})
