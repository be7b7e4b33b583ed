import { expect, test } from 'vitest'
import shipped from '../../../../public/sso.config.json'
import { readCallbackConfig } from './callback-config.ts'

/** The shipped config with the callback's fields changed (undefined removes one). */
function withCore(change: Record<string, unknown>, provider: Record<string, unknown> = {}) {
  return JSON.parse(
    JSON.stringify({
      ...shipped,
      ...change,
      identityProvider: { ...shipped.identityProvider, ...provider },
    }),
  ) as unknown
}

test('reads the callback fields of the shipped config and nothing else', () => {
  expect(readCallbackConfig(shipped)).toEqual({
    ok: true,
    config: {
      apiBase: '/api',
      identityProvider: { issuer: 'http://127.0.0.1:4010' },
      requestTimeoutMs: 8000,
      transactionTtlSeconds: 600,
    },
  })
})

test('leaves the partner part to the React part', () => {
  expect(readCallbackConfig(withCore({ partners: 'not checked here' })).ok).toBe(true)
})

test('lists every bad field by its path, with the words of the shared rules', () => {
  const result = readCallbackConfig(
    withCore(
      { apiBase: 'https://api.example', requestTimeoutMs: 50, transactionTtlSeconds: 1.5 },
      { issuer: 'https://idp.example/?tenant=1', allowMissingIss: 'yes' },
    ),
  )
  expect(result).toEqual({
    ok: false,
    issues: [
      { path: 'apiBase', message: 'must be a same-origin path like "/api"' },
      { path: 'identityProvider.issuer', message: 'must not carry a query' },
      { path: 'identityProvider.allowMissingIss', message: 'must be true or false' },
      { path: 'requestTimeoutMs', message: 'must be at least 100' },
      { path: 'transactionTtlSeconds', message: 'must be an integer' },
    ],
  })
})

test('an issuer over plain http off loopback is refused', () => {
  expect(readCallbackConfig(withCore({}, { issuer: 'http://idp.example' }))).toEqual({
    ok: false,
    issues: [
      {
        path: 'identityProvider.issuer',
        message: 'must use https (http only on a loopback host)',
      },
    ],
  })
})

test('a missing field or one of the wrong type is named', () => {
  const result = readCallbackConfig(withCore({ apiBase: undefined, requestTimeoutMs: '8000' }))
  expect(result).toEqual({
    ok: false,
    issues: [
      { path: 'apiBase', message: 'is required' },
      { path: 'requestTimeoutMs', message: 'must be a number' },
    ],
  })
})

test.each([null, [], 'config', 42])(
  'a file that is not an object (%j) names every field',
  (file) => {
    const result = readCallbackConfig(file)
    expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual([
      'apiBase',
      'identityProvider.issuer',
      'requestTimeoutMs',
      'transactionTtlSeconds',
    ])
  },
)

test.each([true, false])(
  'keeps allowMissingIss: %s, the weakening, as configured',
  (allowMissingIss) => {
    expect(readCallbackConfig(withCore({}, { allowMissingIss }))).toMatchObject({
      ok: true,
      config: { identityProvider: { issuer: 'http://127.0.0.1:4010', allowMissingIss } },
    })
  },
)

test('a config without allowMissingIss has no such key, not one set to undefined', () => {
  const result = readCallbackConfig(shipped)
  expect(result.ok && Object.keys(result.config.identityProvider)).toEqual(['issuer'])
})

test('a bad allowMissingIss alone stops the exchange', () => {
  expect(readCallbackConfig(withCore({}, { allowMissingIss: 'yes' }))).toEqual({
    ok: false,
    issues: [{ path: 'identityProvider.allowMissingIss', message: 'must be true or false' }],
  })
})

test('fields of the wrong type are named as such, not held to their rules', () => {
  expect(
    readCallbackConfig(withCore({ apiBase: 42, transactionTtlSeconds: '600' }, { issuer: 7 })),
  ).toEqual({
    ok: false,
    issues: [
      { path: 'apiBase', message: 'must be a string' },
      { path: 'identityProvider.issuer', message: 'must be a string' },
      { path: 'transactionTtlSeconds', message: 'must be a number' },
    ],
  })
})
