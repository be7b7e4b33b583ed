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
  expect(readBffError({ error: 'rate_limited' })).toStrictEqual({ error: 'rate_limited' })
  expect(readBffError({ error: 'login_failed', detail: 'd' })).toStrictEqual({
    error: 'login_failed',
    detail: 'd',
  })
  expect(readBffError({ error: 'login_failed', message: 'm' })).toStrictEqual({
    error: 'login_failed',
    message: 'm',
  })
})

test.each(['x-login_failed', 'login_failed!', 'login failed'])(
  'refuses a code %s with characters outside a-z and _ anywhere',
  (error) => {
    expect(readBffError({ error })).toBeUndefined()
  },
)

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

test.each([
  ['login_failed', 'login_failed'],
  ['sign_in_not_bound', 'sign_in_not_bound'],
  ['rate_limited', 'rate_limited'],
  ['upstream_timeout', 'timeout'],
  ['signed_out', 'session_expired'],
  ['session_expired', 'session_expired'],
  ['internal', 'backend_unavailable'],
])('the BFF code %s is %s, and the message names the call, status and code', (error, code) => {
  const failure = bffFailure('sso/login', answer(401, { error, message: 'x' }))
  expect(failure.code).toBe(code)
  expect(failure.message).toBe(`sso/login answered HTTP 401 (${error})`)
  expect(failure.detail).toBeUndefined()
})

test.each([
  [504, 'timeout'],
  [408, 'timeout'],
  [429, 'rate_limited'],
  [500, 'backend_unavailable'],
  [503, 'backend_unavailable'],
  [499, 'invalid_response'],
  [404, 'invalid_response'],
])('HTTP %i without a BFF error body is %s', (status, code) => {
  const failure = bffFailure('session', answer(status, '<html>proxy</html>'))
  expect(failure.code).toBe(code)
  expect(failure.message).toBe(`session answered HTTP ${status}`)
})

test('only a 401 can end the session, and only with signed_out or session_expired', () => {
  expect(sessionEndedReason(answer(403, { error: 'signed_out' }))).toBeUndefined()
  expect(sessionEndedReason(answer(200, { error: 'session_expired' }))).toBeUndefined()
  expect(sessionEndedReason(answer(401, { error: 'login_failed' }))).toBeUndefined()
  expect(sessionEndedReason(answer(401, { error: 'session_expired' }))).toBe('session_expired')
})

test("a failed answer carries the BFF's request id and the time it came, for support", () => {
  const failure = bffFailure('sso/login', {
    status: 401,
    contentType: 'application/json',
    text: '{"error":"sign_in_expired","message":"x","detail":"Sign-in transaction expired"}',
    requestId: 'req-5',
    at: 1_700_000_000_000,
  })
  expect(failure).toMatchObject({
    code: 'sign_in_expired',
    detail: 'Sign-in transaction expired',
    requestId: 'req-5',
    at: 1_700_000_000_000,
  })
  expect(
    bffFailure('session', { status: 502, contentType: 'text/html', text: '<h1>Bad gateway</h1>' }),
  ).toMatchObject({ code: 'backend_unavailable', requestId: undefined, at: undefined })
})
