// The one list of app clients: the IdP's redirect URIs, the auth backend's Origin allowlist and
// the BFF's app origins come from it; host apps join it by configuration.
import { expect, test } from 'vitest'
import { AppRegistrationError } from '../apps.ts'
import { bffEnvironment, defaultSandboxUrls } from '../bff-env.ts'
import { sandboxPartners } from '../partners.ts'
import { ports } from '../ports.ts'
import {
  appClientsOf,
  appNameFor,
  appOriginsOf,
  callbackUrlFor,
  defaultAppClients,
  defaultAppOrigins,
  postLogoutRedirectUrisOf,
  redirectUrisOf,
} from './client-registration.ts'

const ACME = { name: 'Acme CRM', callbackUrl: 'http://127.0.0.1:4180/login/complete' }

test('registers our app alone by default, on /sso/callback, on both loopback names', () => {
  expect(redirectUrisOf()).toEqual([
    `http://127.0.0.1:${ports.appDev}/sso/callback`,
    `http://localhost:${ports.appDev}/sso/callback`,
    `http://127.0.0.1:${ports.appPreview}/sso/callback`,
    `http://localhost:${ports.appPreview}/sso/callback`,
  ])
})

test('registers a host app given by configuration on its own callback path, on both loopback names', () => {
  const clients = appClientsOf([ACME])
  expect(redirectUrisOf(clients).slice(-2)).toEqual([
    'http://127.0.0.1:4180/login/complete',
    'http://localhost:4180/login/complete',
  ])
  expect(appNameFor('http://localhost:4180/login/complete', clients)).toBe('Acme CRM')
})

test("registers each app's sign-in page as a post-logout redirect URI: ours at /, a host's at its own", () => {
  const clients = appClientsOf([
    { ...ACME, signInPath: '/login' },
    { name: 'Beta', callbackUrl: 'https://beta.example/cb' },
  ])
  expect(postLogoutRedirectUrisOf(clients)).toEqual([
    `http://127.0.0.1:${ports.appDev}/`,
    `http://localhost:${ports.appDev}/`,
    `http://127.0.0.1:${ports.appPreview}/`,
    `http://localhost:${ports.appPreview}/`,
    'http://127.0.0.1:4180/login',
    'http://localhost:4180/login',
    'https://beta.example/sign-in',
  ])
})

test('derives the callback URL from the origin it was started from', () => {
  const clients = appClientsOf([ACME])
  expect(callbackUrlFor(`http://127.0.0.1:${ports.appPreview}`, clients)).toBe(
    `http://127.0.0.1:${ports.appPreview}/sso/callback`,
  )
  expect(callbackUrlFor('http://localhost:4180', clients)).toBe(
    'http://localhost:4180/login/complete',
  )
  expect(() => callbackUrlFor('http://localhost:4180')).toThrow(/not a registered app origin/)
  expect(() => callbackUrlFor('http://evil.example', clients)).toThrow(
    /not a registered app origin/,
  )
})

test('refuses a host app on an origin of ours, naming it', () => {
  expect(() =>
    appClientsOf([
      { name: 'Clash', origin: `http://127.0.0.1:${ports.appDev}`, callbackPath: '/cb' },
    ]),
  ).toThrow(
    new AppRegistrationError(
      `app "Clash": origin http://127.0.0.1:${ports.appDev} is already registered for "Northwind Partner Hub"`,
    ),
  )
})

test('every redirect URI is on an allowed origin and the BFF serves exactly those origins', () => {
  const clients = appClientsOf([ACME])
  const origins = appOriginsOf(clients)
  expect(redirectUrisOf(clients).map((uri) => new URL(uri).origin)).toEqual(origins)
  expect(defaultAppOrigins()).toEqual(appOriginsOf(defaultAppClients()))
  expect(bffEnvironment()['SSO_BFF_APP_ORIGINS']).toBe(defaultAppOrigins().join(','))
  const env = bffEnvironment(defaultSandboxUrls(), ports.bff, sandboxPartners(), clients)
  expect(env['SSO_BFF_APP_ORIGINS']?.split(',')).toEqual(origins)
  expect(origins).toContain('http://127.0.0.1:4180')
})
