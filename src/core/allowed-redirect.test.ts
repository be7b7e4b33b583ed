import { expect, test } from 'vitest'
import { allowRedirect } from './allowed-redirect.ts'
import { codeOf } from '../test/sso-failure.ts'

const IDP = 'http://127.0.0.1:4010'

test('allows a URL on a configured origin and returns it normalized', () => {
  const url = `${IDP}/auth?client_id=indee&state=s1&nonce=n1`
  expect(allowRedirect(url, [IDP])).toBe(url)
  expect(allowRedirect('HTTP://127.0.0.1:4010/a/../auth', [IDP])).toBe(`${IDP}/auth`)
})

test('allows any of several origins', () => {
  expect(allowRedirect('https://b.example/x', ['https://a.example', 'https://b.example'])).toBe(
    'https://b.example/x',
  )
})

test.each([
  ['another origin', 'https://evil.example/auth'],
  ['another port', 'http://127.0.0.1:4011/auth'],
  ['another scheme on the same host', 'https://127.0.0.1:4010/auth'],
  ['a lookalike host', 'http://127.0.0.1.evil.example:4010/auth'],
  ['userinfo', 'http://user:pass@127.0.0.1:4010/auth'],
  ['a username only', 'http://user@127.0.0.1:4010/auth'],
  ['a javascript URL', 'javascript:alert(1)'],
  ['a data URL', 'data:text/html,hi'],
  ['a relative URL', '/auth'],
  ['a scheme-relative URL', '//127.0.0.1:4010/auth'],
  ['an empty string', ''],
])('refuses %s', (_name, url) => {
  expect(codeOf(() => allowRedirect(url, [IDP]))).toBe('untrusted_redirect')
})

test('refuses everything when no origin is configured', () => {
  expect(codeOf(() => allowRedirect(`${IDP}/auth`, []))).toBe('untrusted_redirect')
})
