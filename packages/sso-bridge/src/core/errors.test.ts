import { expect, test } from 'vitest'
import { isSsoError, SsoError } from './errors.ts'

test('an SsoError names itself, so logs and stack traces say what it is', () => {
  const error = new SsoError('timeout', 'no answer')
  expect(error.name).toBe('SsoError')
  expect(String(error)).toBe('SsoError: no answer')
  expect(isSsoError(error)).toBe(true)
})

test('an SsoError keeps the cause it was given', () => {
  const cause = new TypeError('Failed to fetch')
  expect(new SsoError('backend_unavailable', 'm', { cause }).cause).toBe(cause)
})

test('an SsoError without a cause has no cause property at all', () => {
  expect(Object.hasOwn(new SsoError('timeout', 'm'), 'cause')).toBe(false)
  expect(Object.hasOwn(new SsoError('timeout', 'm', { cause: undefined }), 'cause')).toBe(false)
})
