import { afterEach, expect, test, vi } from 'vitest'
import { probeStorage, safeSessionStorage } from './storage.ts'
import { codeOf } from '../test/sso-failure.ts'
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
