import { expect, test } from 'vitest'
import { LIMITS } from '../../../contract/src/contract.ts'
import { ALICE_SESSION } from '../test/fake-backend.ts'
import { readSessionView } from './session.ts'

test('reads a session view and copies only its known fields', () => {
  const read = readSessionView({ ...ALICE_SESSION, token: 'should-not-be-kept' })
  expect(read).toEqual(ALICE_SESSION)
  expect(read).not.toHaveProperty('token')
})

test('reads a session view without ciiNo', () => {
  const { email, permissions, expiresAt, idleTimeoutSeconds } = ALICE_SESSION
  const read = readSessionView({ email, permissions, expiresAt, idleTimeoutSeconds })
  expect(read).toEqual({ email, permissions, expiresAt, idleTimeoutSeconds })
  expect(read).not.toHaveProperty('ciiNo')
})

test.each([
  ['not an object', 'alice'],
  ['an array', [ALICE_SESSION]],
  ['null', null],
  ['an empty email', { ...ALICE_SESSION, email: '' }],
  ['an email over the limit', { ...ALICE_SESSION, email: 'a'.repeat(LIMITS.email + 1) }],
  ['no permissions', { ...ALICE_SESSION, permissions: undefined }],
  ['a permission that is not a string', { ...ALICE_SESSION, permissions: ['abc', 1] }],
  [
    'a permission over the limit',
    { ...ALICE_SESSION, permissions: ['a'.repeat(LIMITS.permission + 1)] },
  ],
  [
    'more permissions than the limit',
    { ...ALICE_SESSION, permissions: Array(LIMITS.permissions + 1).fill('abc') },
  ],
  ['an empty ciiNo', { ...ALICE_SESSION, ciiNo: '' }],
  ['a numeric ciiNo', { ...ALICE_SESSION, ciiNo: 1001234567 }],
  ['a fractional expiresAt', { ...ALICE_SESSION, expiresAt: 1.5 }],
  ['a zero expiresAt', { ...ALICE_SESSION, expiresAt: 0 }],
  ['an expiresAt as text', { ...ALICE_SESSION, expiresAt: '2000000000000' }],
  ['a negative idleTimeoutSeconds', { ...ALICE_SESSION, idleTimeoutSeconds: -1 }],
  ['an unsafe integer expiresAt', { ...ALICE_SESSION, expiresAt: 2 ** 53 }],
])('refuses %s', (_name, value) => {
  expect(readSessionView(value)).toBeUndefined()
})

test("accepts the contract's limits: as many permissions as allowed, each and the email as long as allowed", () => {
  const view = {
    ...ALICE_SESSION,
    email: 'a'.repeat(LIMITS.email),
    permissions: Array<string>(LIMITS.permissions).fill('p'.repeat(LIMITS.permission)),
  }
  expect(readSessionView(view)).toEqual(view)
})
