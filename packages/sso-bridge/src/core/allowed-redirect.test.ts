import { expect, test } from 'vitest'
import { allowRedirect } from './allowed-redirect.ts'
import { codeOf, thrownSsoError } from '../test/sso-failure.ts'

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

test.each([
  [
    'a port that begins with the allowed one',
    'https://vendor.example:4431/x',
    'https://vendor.example:443',
  ],
  [
    'a host that begins with the allowed one',
    'https://vendor.example.evil.example/x',
    'https://vendor.example',
  ],
  [
    'a longer host ending like the allowed one',
    'https://evil-vendor.example/x',
    'https://vendor.example',
  ],
  [
    'a host that begins with the allowed one, no dot',
    'https://vendor.examplex/x',
    'https://vendor.example',
  ],
  [
    'the allowed origin in the path',
    'https://evil.example/https://vendor.example',
    'https://vendor.example',
  ],
  [
    'the allowed origin in the query',
    'https://evil.example/?https://vendor.example',
    'https://vendor.example',
  ],
  ['a loopback port lookalike', 'http://127.0.0.1:40100/auth', IDP],
])('refuses an origin lookalike: %s', (_name, url, allowed) => {
  expect(codeOf(() => allowRedirect(url, [allowed]))).toBe('untrusted_redirect')
})

test('an allowlist entry is compared whole, never as a prefix of another entry', () => {
  expect(
    codeOf(() => allowRedirect('https://vendor.example/x', ['https://vendor.example.com'])),
  ).toBe('untrusted_redirect')
  expect(codeOf(() => allowRedirect('https://vendor.example/x', ['https://vendor.exampl']))).toBe(
    'untrusted_redirect',
  )
})

test.each([
  ['a relative URL', '/auth', 'redirect is not an absolute URL'],
  ['a javascript URL', 'javascript:alert(1)', 'redirect scheme "javascript:" is not allowed'],
  [
    'an ftp URL on the allowed host',
    'ftp://127.0.0.1:4010/auth',
    'redirect scheme "ftp:" is not allowed',
  ],
  ['a username', 'http://user@127.0.0.1:4010/auth', 'redirect carries userinfo'],
  ['a password only', 'http://:secret@127.0.0.1:4010/auth', 'redirect carries userinfo'],
  [
    'another origin',
    'https://evil.example/auth',
    'redirect origin "https://evil.example" is not configured',
  ],
])('refuses %s, saying why', (_name, url, message) => {
  const error = thrownSsoError(() => allowRedirect(url, [IDP]))
  expect(error).toMatchObject({ code: 'untrusted_redirect', message })
})

test('a URL that does not parse keeps the parse error as the cause', () => {
  expect(thrownSsoError(() => allowRedirect('not a url', [IDP])).cause).toBeInstanceOf(TypeError)
})
