import { afterEach, expect, test, vi } from 'vitest'
import shipped from '../../../../public/sso.config.json'
import { readCallbackConfig, type CallbackConfig } from './callback-config.ts'
import {
  dropStaleCallbackSettings,
  saveCallbackSettings,
  takeCallbackSettings,
} from './callback-settings.ts'

const KEY = 'sso-bridge:callback-settings'
const NOW = 1_800_000_000_000

afterEach(() => {
  vi.restoreAllMocks()
})

function shippedSettings(): CallbackConfig {
  const read = readCallbackConfig(shipped)
  if (!read.ok) throw new Error('the shipped config has a bad callback field')
  return read.config
}

const ttlMs = () => shippedSettings().transactionTtlSeconds * 1000

test('gives back exactly the callback fields it kept, once, from sessionStorage only', () => {
  saveCallbackSettings({ ...shippedSettings(), requestTimeoutMs: 4321 }, NOW)
  expect(Object.keys(JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as object).sort()).toEqual([
    'apiBase',
    'identityProvider',
    'requestTimeoutMs',
    'savedAt',
    'transactionTtlSeconds',
  ])
  expect(localStorage.length).toBe(0)
  expect(takeCallbackSettings(NOW + 1000)).toEqual({ ...shippedSettings(), requestTimeoutMs: 4321 })
  expect(sessionStorage.getItem(KEY)).toBeNull()
  expect(takeCallbackSettings(NOW + 1000)).toBeUndefined()
})

test('keeps the weakened issuer rule when the config has it, and only its two fields', () => {
  const weakened = {
    ...shippedSettings(),
    identityProvider: { issuer: shipped.identityProvider.issuer, allowMissingIss: true },
  }
  saveCallbackSettings(
    {
      ...weakened,
      identityProvider: {
        ...weakened.identityProvider,
        extra: 'x',
      } as CallbackConfig['identityProvider'],
    },
    NOW,
  )
  expect(takeCallbackSettings(NOW)).toEqual(weakened)
})

test('settings older than their sign-in may live are not used, and are removed all the same', () => {
  saveCallbackSettings(shippedSettings(), NOW)
  expect(takeCallbackSettings(NOW + ttlMs() + 1)).toBeUndefined()
  expect(sessionStorage.getItem(KEY)).toBeNull()
  saveCallbackSettings(shippedSettings(), NOW)
  expect(takeCallbackSettings(NOW - 1)).toBeUndefined()
})

test('nothing saved: no settings', () => {
  expect(takeCallbackSettings(NOW)).toBeUndefined()
})

test.each([
  ['not JSON', '{apiBase'],
  [
    'an apiBase on another host',
    JSON.stringify({ ...shippedSettings(), apiBase: '//evil.example', savedAt: NOW }),
  ],
  [
    'an issuer that is not https',
    JSON.stringify({
      ...shippedSettings(),
      identityProvider: { issuer: 'http://idp.example.com' },
      savedAt: NOW,
    }),
  ],
  [
    'a missing timeout',
    JSON.stringify({ ...shippedSettings(), requestTimeoutMs: undefined, savedAt: NOW }),
  ],
  ['no time it was saved', JSON.stringify(shippedSettings())],
])('a saved record with %s is ignored and removed', (_name, text) => {
  sessionStorage.setItem(KEY, text)
  expect(takeCallbackSettings(NOW)).toBeUndefined()
  expect(sessionStorage.getItem(KEY)).toBeNull()
})

test('another page drops a record no callback could use, and keeps a live one', () => {
  saveCallbackSettings(shippedSettings(), NOW)
  dropStaleCallbackSettings(NOW + 1000)
  expect(sessionStorage.getItem(KEY)).not.toBeNull()
  dropStaleCallbackSettings(NOW + ttlMs() + 1)
  expect(sessionStorage.getItem(KEY)).toBeNull()
  sessionStorage.setItem(KEY, '{apiBase')
  dropStaleCallbackSettings(NOW)
  expect(sessionStorage.getItem(KEY)).toBeNull()
})

test('a tab that cannot keep them neither throws nor keeps anything', () => {
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError')
  })
  expect(() => {
    saveCallbackSettings(shippedSettings(), NOW)
  }).not.toThrow()
  vi.restoreAllMocks()
  expect(takeCallbackSettings(NOW)).toBeUndefined()
})

test('a tab whose storage throws on reading gives no settings and does not throw', () => {
  saveCallbackSettings(shippedSettings(), NOW)
  vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
    throw new DOMException('refused', 'SecurityError')
  })
  expect(takeCallbackSettings(NOW)).toBeUndefined()
  expect(() => {
    dropStaleCallbackSettings(NOW)
  }).not.toThrow()
})
