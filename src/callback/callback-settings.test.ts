import { afterEach, expect, test, vi } from 'vitest'
import shipped from '../../public/sso.config.json'
import { readCallbackConfig, type CallbackConfig } from './callback-config.ts'
import { saveCallbackSettings, savedCallbackSettings } from './callback-settings.ts'

const KEY = 'sso-bridge:callback-settings'

afterEach(() => {
  vi.restoreAllMocks()
})

function shippedSettings(): CallbackConfig {
  const read = readCallbackConfig(shipped)
  if (!read.ok) throw new Error('the shipped config has a bad callback field')
  return read.config
}

test('gives back exactly the callback fields it kept, in sessionStorage only', () => {
  saveCallbackSettings({ ...shippedSettings(), requestTimeoutMs: 4321 })
  expect(savedCallbackSettings()).toEqual({ ...shippedSettings(), requestTimeoutMs: 4321 })
  expect(Object.keys(JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as object).sort()).toEqual([
    'apiBase',
    'identityProvider',
    'requestTimeoutMs',
    'transactionTtlSeconds',
  ])
  expect(localStorage.length).toBe(0)
})

test('keeps the weakened issuer rule when the config has it, and only its two fields', () => {
  const weakened = {
    ...shippedSettings(),
    identityProvider: { issuer: shipped.identityProvider.issuer, allowMissingIss: true },
  }
  saveCallbackSettings({
    ...weakened,
    identityProvider: {
      ...weakened.identityProvider,
      extra: 'x',
    } as CallbackConfig['identityProvider'],
  })
  expect(savedCallbackSettings()).toEqual(weakened)
})

test('nothing saved: no settings', () => {
  expect(savedCallbackSettings()).toBeUndefined()
})

test.each([
  ['not JSON', '{apiBase'],
  [
    'an apiBase on another host',
    JSON.stringify({ ...shippedSettings(), apiBase: '//evil.example' }),
  ],
  [
    'an issuer that is not https',
    JSON.stringify({
      ...shippedSettings(),
      identityProvider: { issuer: 'http://idp.example.com' },
    }),
  ],
  ['a missing timeout', JSON.stringify({ ...shippedSettings(), requestTimeoutMs: undefined })],
])('a saved record with %s is ignored', (_name, text) => {
  sessionStorage.setItem(KEY, text)
  expect(savedCallbackSettings()).toBeUndefined()
})

test('a tab that cannot keep them neither throws nor keeps anything', () => {
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError')
  })
  expect(() => {
    saveCallbackSettings(shippedSettings())
  }).not.toThrow()
  vi.restoreAllMocks()
  expect(savedCallbackSettings()).toBeUndefined()
})
