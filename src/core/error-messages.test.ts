import { expect, test } from 'vitest'
import { describeError, ERROR_MESSAGES } from './error-messages.ts'
import { SSO_ERROR_CODES, SsoError } from './errors.ts'

test('every code has a title and a message that ends a sentence', () => {
  for (const code of SSO_ERROR_CODES) {
    const words = ERROR_MESSAGES[code]
    expect(words.title.length, code).toBeGreaterThan(0)
    expect(words.message, code).toMatch(/\.$/)
    expect(`${words.title} ${words.message}`, code).not.toMatch(/_/)
  }
})

test('a used sign-in link says so and tells the person to start again', () => {
  expect(ERROR_MESSAGES.state_used.title).toBe('This sign-in link was already used')
  expect(ERROR_MESSAGES.state_used.message).toMatch(/Start a new sign-in\.$/)
})

test('describes an SsoError by its code and keeps the provider detail', () => {
  const error = new SsoError('provider_error', 'access_denied from provider', {
    detail: 'User cancelled <b>login</b>',
  })
  expect(describeError(error)).toEqual({
    code: 'provider_error',
    ...ERROR_MESSAGES.provider_error,
    detail: 'User cancelled <b>login</b>',
  })
})

test('omits an empty detail', () => {
  expect(describeError(new SsoError('login_failed', 'x', { detail: '' }))).not.toHaveProperty(
    'detail',
  )
})

test('describes anything else as backend_unavailable without leaking its message', () => {
  const described = describeError(new TypeError('secret internals'))
  expect(described).toEqual({ code: 'backend_unavailable', ...ERROR_MESSAGES.backend_unavailable })
  expect(JSON.stringify(described)).not.toContain('secret internals')
  expect(describeError('a string').code).toBe('backend_unavailable')
})
