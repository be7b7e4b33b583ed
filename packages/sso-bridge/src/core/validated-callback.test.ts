import { expect, test } from 'vitest'
import { LIMITS } from '../../../contract/src/contract.ts'
import { createTransactionStore } from './transaction-store.ts'
import { readCallbackParams, validateCallback } from './validated-callback.ts'
import { codeOf, thrownSsoError } from '../test/sso-failure.ts'

const BASE = 'http://127.0.0.1:5173/sso/callback'

test('reads state, code and iss', () => {
  const href = `${BASE}?code=c1&state=s1&iss=${encodeURIComponent('http://127.0.0.1:4010')}`
  expect(readCallbackParams(href)).toEqual({
    state: 's1',
    code: 'c1',
    iss: 'http://127.0.0.1:4010',
  })
})

test('reads an error with its description, decoded as text', () => {
  const href = `${BASE}?state=s1&error=access_denied&error_description=${encodeURIComponent('User said <b>no</b>')}`
  expect(readCallbackParams(href)).toEqual({
    state: 's1',
    error: 'access_denied',
    errorDescription: 'User said <b>no</b>',
  })
})

test('reads empty values as absent', () => {
  expect(readCallbackParams(`${BASE}?state=&code=`)).toEqual({})
})

test('ignores parameters it does not know', () => {
  expect(readCallbackParams(`${BASE}?state=s1&session_state=x&__proto__=y`)).toEqual({
    state: 's1',
  })
})

test.each(['state', 'code', 'iss', 'error', 'error_description'])(
  'rejects a duplicated %s',
  (name) => {
    expect(codeOf(() => readCallbackParams(`${BASE}?state=s1&code=c1&${name}=a&${name}=b`))).toBe(
      'invalid_callback',
    )
  },
)

test('rejects a duplicated state even when one copy is empty', () => {
  expect(codeOf(() => readCallbackParams(`${BASE}?state=&state=s1&code=c1`))).toBe(
    'invalid_callback',
  )
})

test.each([
  ['state', 513],
  ['code', 2049],
  ['iss', 2049],
  ['error', 257],
  ['error_description', 1025],
])('rejects an over-long %s', (name, length) => {
  expect(codeOf(() => readCallbackParams(`${BASE}?${name}=${'a'.repeat(length)}`))).toBe(
    'invalid_callback',
  )
})

test('accepts values at their length limits', () => {
  const state = 'a'.repeat(512)
  expect(readCallbackParams(`${BASE}?state=${state}`).state).toBe(state)
})

test('rejects an error code with characters RFC 6749 does not allow', () => {
  expect(codeOf(() => readCallbackParams(`${BASE}?error=${encodeURIComponent('a"b')}`))).toBe(
    'invalid_callback',
  )
  expect(codeOf(() => readCallbackParams(`${BASE}?error=${encodeURIComponent('a\nb')}`))).toBe(
    'invalid_callback',
  )
})

test('rejects a URL that does not parse', () => {
  expect(codeOf(() => readCallbackParams('not a url'))).toBe('invalid_callback')
})

test('reads parameters from the query only, not the fragment', () => {
  expect(readCallbackParams(`${BASE}#state=s1&code=c1`)).toEqual({})
})

test('names every malformed parameter by its name in the query', () => {
  const href = `${BASE}?error=${encodeURIComponent('a"b')}&error_description=${'d'.repeat(1025)}`
  expect(() => readCallbackParams(href)).toThrow(
    'malformed callback parameter "error", "error_description"',
  )
})

test('reports a duplicate before a malformed value', () => {
  const href = `${BASE}?error=${encodeURIComponent('a"b')}&iss=a&iss=b`
  expect(() => readCallbackParams(href)).toThrow('"iss" parameter appears 2 times')
})

const ISSUER = 'http://127.0.0.1:4010'
const NOW = 1_700_000_000_000

function signInStarted(state: string) {
  const store = createTransactionStore({ storage: sessionStorage, now: () => NOW, ttlMs: 600_000 })
  store.save({
    flow: 'signin',
    provider: 'bff',
    state,
    nonce: 'n1',
    email: 'alice@example.com',
    returnTo: '/home?tab=2',
    issuer: ISSUER,
    createdAt: NOW,
  })
  return store
}

const query = (params: Record<string, string>) =>
  `${BASE}?${new URLSearchParams({ iss: ISSUER, ...params }).toString()}`

test('a good callback gives the transaction and the code, and nothing else', () => {
  const store = signInStarted('v1')
  const callback = validateCallback(query({ state: 'v1', code: 'c1' }), store, { issuer: ISSUER })
  expect({ ...callback }).toEqual({
    kind: 'code',
    state: 'v1',
    nonce: 'n1',
    email: 'alice@example.com',
    returnTo: '/home?tab=2',
    code: 'c1',
  })
})

test('a provider error gives the error and its description ("" without one)', () => {
  const store = signInStarted('v2')
  expect(
    validateCallback(query({ state: 'v2', error: 'access_denied' }), store, { issuer: ISSUER }),
  ).toMatchObject({ kind: 'error', error: 'access_denied', errorDescription: '' })
})

test('consumes the state: the same callback again is state_used', () => {
  const store = signInStarted('v3')
  const href = query({ state: 'v3', code: 'c1' })
  validateCallback(href, store, { issuer: ISSUER })
  expect(codeOf(() => validateCallback(href, store, { issuer: ISSUER }))).toBe('state_used')
})

test('a failure once the state is found carries its returnTo; one before it leaves the transaction', () => {
  const store = signInStarted('v4')
  const failure = (() => {
    try {
      validateCallback(query({ state: 'v4' }), store, { issuer: ISSUER })
    } catch (error) {
      return error
    }
    return undefined
  })()
  expect(failure).toMatchObject({ code: 'invalid_callback', returnTo: '/home?tab=2' })

  const untouched = signInStarted('v5')
  expect(
    codeOf(() =>
      validateCallback(`${query({ state: 'v5', code: 'c1' })}&code=c2`, untouched, {
        issuer: ISSUER,
      }),
    ),
  ).toBe('invalid_callback')
  expect(untouched.consume('v5').state).toBe('v5')
})

test.each([
  ['another issuer', { iss: 'http://127.0.0.1:4011' }, {}],
  ['the issuer with a trailing slash', { iss: `${ISSUER}/` }, {}],
  ['a lookalike issuer', { iss: 'http://127.0.0.1:40100' }, { allowMissingIss: true }],
])('refuses %s as issuer_mismatch', (_name, params, rule) => {
  const store = signInStarted('v6')
  expect(
    codeOf(() =>
      validateCallback(query({ state: 'v6', code: 'c1', ...params }), store, {
        issuer: ISSUER,
        ...rule,
      }),
    ),
  ).toBe('issuer_mismatch')
})

test('refuses an iss that matches the config but not the transaction it started with', () => {
  const store = signInStarted('v7')
  const other = 'http://127.0.0.1:4011'
  expect(
    codeOf(() =>
      validateCallback(query({ state: 'v7', code: 'c1', iss: other }), store, { issuer: other }),
    ),
  ).toBe('issuer_mismatch')
})

test('the longest state a transaction can hold is read and found', () => {
  const state = 's'.repeat(LIMITS.state)
  const store = signInStarted(state)
  expect(validateCallback(query({ state, code: 'c1' }), store, { issuer: ISSUER }).state).toBe(
    state,
  )
  expect(codeOf(() => readCallbackParams(`${BASE}?state=${state}s`))).toBe('invalid_callback')
})

test('a URL that does not parse is named, with the parser’s error as cause', () => {
  const error = thrownSsoError(() => readCallbackParams('not a url'))
  expect(error.message).toBe('callback URL does not parse')
  expect(error.cause).toBeInstanceOf(TypeError)
})

test.each([
  ['an error code with a quote', 'error', 'access"denied'],
  ['an error code with a backslash', 'error', 'access\\denied'],
  ['an error code ending in a newline', 'error', 'access_denied\n'],
  ['an error code starting with a tab', 'error', '\taccess_denied'],
])('names %s as malformed', (_name, param, value) => {
  expect(() => readCallbackParams(`${BASE}?${param}=${encodeURIComponent(value)}`)).toThrow(
    `malformed callback parameter "${param}"`,
  )
})

test('reads a provider error of several allowed characters, spaces included', () => {
  expect(readCallbackParams(`${BASE}?error=${encodeURIComponent('access denied!')}`)).toEqual({
    error: 'access denied!',
  })
})

test('an over-long error description is named by its query name', () => {
  expect(() => readCallbackParams(`${BASE}?error_description=${'d'.repeat(1025)}`)).toThrow(
    'malformed callback parameter "error_description"',
  )
  expect(readCallbackParams(`${BASE}?error_description=${'d'.repeat(1024)}`)).toEqual({
    errorDescription: 'd'.repeat(1024),
  })
})

test('a missing iss, a wrong iss and a missing code each say what is wrong', () => {
  expect(
    thrownSsoError(() =>
      validateCallback(`${BASE}?state=m1&code=c1`, signInStarted('m1'), { issuer: ISSUER }),
    ),
  ).toMatchObject({ code: 'issuer_mismatch', message: 'callback has no "iss" parameter' })
  expect(
    thrownSsoError(() =>
      validateCallback(
        query({ state: 'm2', code: 'c1', iss: 'http://127.0.0.1:4011' }),
        signInStarted('m2'),
        {
          issuer: ISSUER,
        },
      ),
    ),
  ).toMatchObject({ code: 'issuer_mismatch', message: 'unexpected "iss" value' })
  expect(
    thrownSsoError(() =>
      validateCallback(query({ state: 'm3' }), signInStarted('m3'), { issuer: ISSUER }),
    ),
  ).toMatchObject({ code: 'invalid_callback', message: 'callback has no "code" parameter' })
})

test('refuses an iss that matches the transaction but no longer the config', () => {
  const store = signInStarted('v8')
  expect(
    codeOf(() =>
      validateCallback(query({ state: 'v8', code: 'c1' }), store, {
        issuer: 'http://127.0.0.1:4011',
      }),
    ),
  ).toBe('issuer_mismatch')
})
