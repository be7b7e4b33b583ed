import { expect, test } from 'vitest'
import { callbackStateOf, readCallbackParams } from './callback-params.ts'
import { codeOf } from '../test/sso-failure.ts'

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

test('callbackStateOf gives the single state, else undefined', () => {
  expect(callbackStateOf(`${BASE}?state=s1&code=c1`)).toBe('s1')
  expect(callbackStateOf(`${BASE}?state=s1&state=s2`)).toBeUndefined()
  expect(callbackStateOf(`${BASE}?state=`)).toBeUndefined()
  expect(callbackStateOf(`${BASE}?code=c1`)).toBeUndefined()
  expect(callbackStateOf('not a url')).toBeUndefined()
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
