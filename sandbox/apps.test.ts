// Host apps register by configuration: every bad value is refused with one line naming it.
import { expect, test } from 'vitest'
import {
  AppRegistrationError,
  appOnStack,
  appsFromEnvironment,
  checkApps,
  appSpecOf,
  hostApp,
  parseAppSpec,
  signInUrlOf,
} from './apps.ts'

const ACME = { name: 'Acme CRM', origin: 'http://127.0.0.1:4180', callbackPath: '/login/complete' }

test('reads NAME=URL into a name, an origin and a callback path', () => {
  expect(parseAppSpec('Acme CRM=http://127.0.0.1:4180/login/complete')).toEqual(ACME)
})

test('takes a callback URL or an origin and a path alike', () => {
  expect(
    hostApp({ name: ' Acme CRM ', callbackUrl: 'http://127.0.0.1:4180/login/complete' }),
  ).toEqual(ACME)
  expect(hostApp(ACME)).toEqual(ACME)
  expect(hostApp({ name: 'Acme', callbackUrl: 'https://acme.example/auth/done' })).toEqual({
    name: 'Acme',
    origin: 'https://acme.example',
    callbackPath: '/auth/done',
  })
})

test('reads NAME=URL|PATH into the callback and the sign-in page, and writes it back alike', () => {
  const spec = 'Acme CRM=http://127.0.0.1:4180/login/complete|/login'
  const app = parseAppSpec(spec)
  expect(app).toEqual({ ...ACME, signInPath: '/login' })
  expect(signInUrlOf(app)).toBe('http://127.0.0.1:4180/login')
  expect(appSpecOf(app)).toBe(spec)
  expect(appSpecOf(ACME)).toBe('Acme CRM=http://127.0.0.1:4180/login/complete')
})

test("an app that names no sign-in page signs in at sso-bridge's default, /sign-in", () => {
  expect(signInUrlOf(parseAppSpec('Acme CRM=http://127.0.0.1:4180/login/complete'))).toBe(
    'http://127.0.0.1:4180/sign-in',
  )
})

test.each([
  [
    'Acme=http://127.0.0.1:4180/cb|login',
    'app "Acme": sign-in path "login" must start with a single "/"',
  ],
  [
    'Acme=http://127.0.0.1:4180/cb|/login?x=1',
    'app "Acme": sign-in path "/login?x=1" may not contain "?", "#", "|" or spaces',
  ],
  [
    'Acme=http://127.0.0.1:4180/cb|/a|/b',
    'app "Acme": "Acme=http://127.0.0.1:4180/cb|/a|/b" has more than one "|"',
  ],
])('refuses the spec %s with one line naming the value', (spec, message) => {
  expect(() => parseAppSpec(spec)).toThrow(new AppRegistrationError(message))
})

test.each([
  [
    { name: 'A', origin: 'ftp://127.0.0.1:4180', callbackPath: '/cb' },
    'app "A": "ftp://127.0.0.1:4180" is not an http(s) origin',
  ],
  [
    { name: 'A', origin: 'not a url', callbackPath: '/cb' },
    'app "A": "not a url" is not an http(s) origin',
  ],
  [
    { name: 'A', origin: 'http://127.0.0.1:4180/app', callbackPath: '/cb' },
    'app "A": "http://127.0.0.1:4180/app" is not an origin (scheme, host and port only, e.g. http://127.0.0.1:4180)',
  ],
  [
    { name: 'A', origin: 'http://acme.example', callbackPath: '/cb' },
    'app "A": "http://acme.example" is http on a host that is not loopback: use https',
  ],
  [
    { name: 'A', origin: 'http://127.0.0.1:4180', callbackPath: 'cb' },
    'app "A": callback path "cb" must start with a single "/"',
  ],
  [
    { name: 'A', origin: 'http://127.0.0.1:4180', callbackPath: '//evil.example/cb' },
    'app "A": callback path "//evil.example/cb" must start with a single "/"',
  ],
  [{ name: ' ', origin: 'http://127.0.0.1:4180', callbackPath: '/cb' }, 'an app needs a name'],
  [
    { name: 'A', callbackUrl: 'http://127.0.0.1:4180/cb#x' },
    'app "A": callback URL "http://127.0.0.1:4180/cb#x" may not have a query or fragment',
  ],
  [
    { name: 'A', callbackUrl: 'javascript:alert(1)' },
    'app "A": "javascript:alert(1)" is not an http(s) URL',
  ],
])('refuses %o with one line naming the value', (input, message) => {
  expect(() => hostApp(input)).toThrow(new AppRegistrationError(message))
})

test('refuses the same origin twice, naming both apps', () => {
  expect(() => checkApps([ACME, { ...ACME, name: 'Other', callbackPath: '/cb' }])).toThrow(
    new AppRegistrationError(
      'app "Other": origin http://127.0.0.1:4180 is already registered for "Acme CRM"',
    ),
  )
})

test('reads SSO_SANDBOX_APPS as comma-separated NAME=URL entries, and names the variable when one is bad', () => {
  const env = {
    SSO_SANDBOX_APPS: 'Acme CRM=http://127.0.0.1:4180/login/complete, Beta=https://beta.example/cb',
  }
  expect(appsFromEnvironment(env)).toEqual([
    ACME,
    { name: 'Beta', origin: 'https://beta.example', callbackPath: '/cb' },
  ])
  expect(appsFromEnvironment({})).toEqual([])
  expect(() => appsFromEnvironment({ SSO_SANDBOX_APPS: 'Acme' })).toThrow(
    'SSO_SANDBOX_APPS: app "Acme" is not NAME=URL (e.g. "Acme CRM=http://127.0.0.1:4180/login/complete")',
  )
})

test('moves a loopback app to stack k (+100·k) and leaves other origins where they are', () => {
  expect(appOnStack(ACME, 2).origin).toBe('http://127.0.0.1:4380')
  expect(appOnStack(ACME, 0)).toEqual(ACME)
  const remote = { name: 'Beta', origin: 'https://beta.example', callbackPath: '/cb' }
  expect(appOnStack(remote, 3)).toEqual(remote)
})
