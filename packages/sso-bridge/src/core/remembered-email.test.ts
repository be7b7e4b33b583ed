import { afterEach, expect, test } from 'vitest'
import { forgetEmail, rememberedEmail, rememberEmail } from './remembered-email.ts'

afterEach(() => {
  sessionStorage.clear()
})

test('keeps the email of a sign-in for this tab, and gives it back', () => {
  rememberEmail(sessionStorage, 'alice@example.com')
  expect(rememberedEmail(sessionStorage)).toBe('alice@example.com')
})

test('forgets it at sign-out', () => {
  rememberEmail(sessionStorage, 'alice@example.com')
  forgetEmail(sessionStorage)
  expect(rememberedEmail(sessionStorage)).toBeUndefined()
})

test('keeps nothing that is not an email, and reads nothing that is not one any more', () => {
  rememberEmail(sessionStorage, 'not an email')
  expect(rememberedEmail(sessionStorage)).toBeUndefined()
  sessionStorage.setItem('sso-bridge:email', '<b>alice</b>')
  expect(rememberedEmail(sessionStorage)).toBeUndefined()
})

test('a storage that throws keeps nothing and reads nothing, without throwing', () => {
  const refusing = {
    getItem: () => {
      throw new Error('SecurityError')
    },
    setItem: () => {
      throw new Error('QuotaExceededError')
    },
    removeItem: () => {
      throw new Error('SecurityError')
    },
  } as unknown as Storage
  expect(() => {
    rememberEmail(refusing, 'alice@example.com')
  }).not.toThrow()
  expect(rememberedEmail(refusing)).toBeUndefined()
  expect(() => {
    forgetEmail(refusing)
  }).not.toThrow()
})
