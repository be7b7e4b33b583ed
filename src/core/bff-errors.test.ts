import { expect, test } from 'vitest'
import { bffFailure, readBffError, sessionEndedReason } from './bff-errors.ts'
import type { HttpResponse } from './http.ts'

const answer = (status: number, body: unknown): HttpResponse => ({
  status,
  contentType: 'application/json',
  text: typeof body === 'string' ? body : JSON.stringify(body),
})

test('reads the error body, keeping message and detail when they are text', () => {
  expect(readBffError({ error: 'login_failed', message: 'm', detail: 'd', extra: 1 })).toEqual({
    error: 'login_failed',
    message: 'm',
    detail: 'd',
  })
  expect(readBffError({ error: 'rate_limited' })).toEqual({ error: 'rate_limited' })
})

test.each([
  ['no error code', { message: 'm' }],
  ['an upper-case code', { error: 'Login_Failed' }],
  ['a code over 40 characters', { error: 'a'.repeat(41) }],
  ['a message that is not text', { error: 'login_failed', message: 1 }],
  ['a detail that is not text', { error: 'login_failed', detail: null }],
  ['an array', [{ error: 'login_failed' }]],
])('refuses a body with %s', (_name, value) => {
  expect(readBffError(value)).toBeUndefined()
})

test.each(['constructor', '__proto__', 'tostring'])(
  'a BFF code %s that names an object property is backend_unavailable',
  (error) => {
    expect(bffFailure('sso/login', answer(401, { error })).code).toBe('backend_unavailable')
  },
)

test('a 401 with a malformed body is not taken for a sign-out', () => {
  expect(sessionEndedReason(answer(401, { error: 'signed_out', message: 1 }))).toBeUndefined()
  expect(sessionEndedReason(answer(401, { error: 'signed_out' }))).toBe('signed_out')
})
