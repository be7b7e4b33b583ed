import { expect, test } from 'vitest'
import { SsoError } from './errors.ts'
import { withReturnTo } from './with-return-to.ts'

test('an SsoError gets the returnTo and keeps its code, message, detail and cause', () => {
  const cause = new Error('root')
  const carried = withReturnTo(
    new SsoError('login_failed', 'sso/login answered HTTP 401', { detail: 'Access Denied', cause }),
    '/partners',
  )
  expect(carried).toBeInstanceOf(SsoError)
  expect(carried).toMatchObject({
    code: 'login_failed',
    message: 'sso/login answered HTTP 401',
    detail: 'Access Denied',
    returnTo: '/partners',
  })
  expect((carried as SsoError).cause).toBe(cause)
})

test('an SsoError without a cause gets none', () => {
  const carried = withReturnTo(new SsoError('timeout', 'm'), '/partners') as SsoError
  expect(Object.hasOwn(carried, 'cause')).toBe(false)
  expect(carried.detail).toBeUndefined()
})

test('an SsoError that already carries a returnTo is returned as it is', () => {
  const error = new SsoError('timeout', 'm', { returnTo: '/first' })
  expect(withReturnTo(error, '/second')).toBe(error)
})

test('anything that is not an SsoError is returned as it is', () => {
  const error = new TypeError('boom')
  expect(withReturnTo(error, '/partners')).toBe(error)
  expect(withReturnTo('text', '/partners')).toBe('text')
})
