import { expect, test } from 'vitest'
import { createSignInBinding, MAX_PENDING_SIGN_INS } from './sign-in-binding.ts'

test('a cookie binds the state it was made for, and no other', () => {
  const binding = createSignInBinding(['secret-1'])
  const cookie = binding.add(undefined, 'state-a')
  expect(binding.take(cookie, 'state-a')).toEqual({ bound: true, rest: '' })
  expect(binding.take(cookie, 'state-b')).toEqual({ bound: false, rest: cookie })
})

test('a cookie made with another secret (another deployment, a forger) binds nothing', () => {
  const cookie = createSignInBinding(['secret-1']).add(undefined, 'state-a')
  expect(createSignInBinding(['secret-2']).take(cookie, 'state-a').bound).toBe(false)
  // Without a configured secret each binding makes its own.
  const own = createSignInBinding().add(undefined, 'state-a')
  expect(createSignInBinding().take(own, 'state-a').bound).toBe(false)
})

test('sign-ins in several tabs each stay bound; taking one leaves the others in the cookie', () => {
  const binding = createSignInBinding(['secret-1'])
  let cookie = binding.add(undefined, 'tab-1')
  cookie = binding.add(cookie, 'tab-2')
  cookie = binding.add(cookie, 'tab-3')
  expect(cookie.split('.')).toHaveLength(3)
  const taken = binding.take(cookie, 'tab-2')
  expect(taken.bound).toBe(true)
  expect(taken.rest).toBe(binding.add(binding.add(undefined, 'tab-1'), 'tab-3'))
  expect(binding.take(taken.rest, 'tab-1')).toEqual({
    bound: true,
    rest: binding.add(undefined, 'tab-3'),
  })
  expect(binding.take(taken.rest, 'tab-2').bound).toBe(false)
})

test(`only the last ${MAX_PENDING_SIGN_INS} sign-ins stay bound; older ones drop out`, () => {
  const binding = createSignInBinding(['secret-1'])
  let cookie: string | undefined
  for (let tab = 1; tab <= MAX_PENDING_SIGN_INS + 1; tab += 1)
    cookie = binding.add(cookie, `tab-${tab}`)
  expect(cookie?.split('.')).toHaveLength(MAX_PENDING_SIGN_INS)
  expect(binding.take(cookie, 'tab-1').bound).toBe(false)
  for (let tab = 2; tab <= MAX_PENDING_SIGN_INS + 1; tab += 1) {
    expect(binding.take(cookie, `tab-${tab}`).bound, `tab-${tab}`).toBe(true)
  }
})

test('an entry with anything around its MAC is not a binding, and is dropped from the cookie', () => {
  const binding = createSignInBinding(['secret-1'])
  const mac = binding.add(undefined, 'state-a')
  expect(binding.take(`x!${mac}`, 'state-a')).toEqual({ bound: false, rest: '' })
  expect(binding.take(`${mac}x`, 'state-a')).toEqual({ bound: false, rest: '' })
  expect(binding.add(`${mac}x.junk`, 'state-b')).toBe(binding.add(undefined, 'state-b'))
})

test('a sign-in started with key A finishes with keys [B, A] (rotation), and not with B alone', () => {
  const cookie = createSignInBinding(['key-a']).add(undefined, 'state-a')
  expect(createSignInBinding(['key-b', 'key-a']).take(cookie, 'state-a')).toEqual({
    bound: true,
    rest: '',
  })
  expect(createSignInBinding(['key-b']).take(cookie, 'state-a')).toEqual({
    bound: false,
    rest: cookie,
  })
})

test('new sign-ins use the first key: older keys are only accepted', () => {
  const cookie = createSignInBinding(['key-b', 'key-a']).add(undefined, 'state-a')
  expect(createSignInBinding(['key-b']).take(cookie, 'state-a').bound).toBe(true)
  expect(createSignInBinding(['key-a']).take(cookie, 'state-a').bound).toBe(false)
})

test('taking a sign-in leaves the ones made with other keys in the cookie', () => {
  let cookie = createSignInBinding(['key-a']).add(undefined, 'tab-1')
  const rotated = createSignInBinding(['key-b', 'key-a'])
  cookie = rotated.add(cookie, 'tab-2')
  const taken = rotated.take(cookie, 'tab-1')
  expect(taken).toEqual({ bound: true, rest: rotated.add(undefined, 'tab-2') })
  expect(rotated.take(taken.rest, 'tab-2')).toEqual({ bound: true, rest: '' })
})
