import { expect, test } from 'vitest'
import { cookieNames, cookieOptions } from './cookies.ts'

test('https origins get the __Host- cookie names, the http sandbox the bare ones', () => {
  expect(cookieNames(true)).toEqual({ session: '__Host-sso_session', signIn: '__Host-sso_signin' })
  expect(cookieNames(false)).toEqual({ session: 'sso_session', signIn: 'sso_signin' })
})

test('a cookie with a lifetime is HttpOnly, SameSite=Strict, Path=/ and carries its Max-Age', () => {
  expect(cookieOptions(true, 600)).toStrictEqual({
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: true,
    maxAge: 600,
  })
})

test('a cookie without a lifetime has no Max-Age at all (a browser-session cookie)', () => {
  const options = cookieOptions(false)
  expect(options).toStrictEqual({ httpOnly: true, sameSite: 'strict', path: '/', secure: false })
  expect(options).not.toHaveProperty('maxAge')
})
