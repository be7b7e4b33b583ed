// The one list of app clients: the IdP's redirect URIs, the auth backend's Origin allowlist and
// the BFF's app origins come from it.
import { expect, test } from 'vitest'
import { bffEnvironment } from '../bff-env.ts'
import { ports } from '../ports.ts'
import {
  appOriginsOf,
  callbackUrlFor,
  defaultAppClients,
  defaultAppOrigins,
  redirectUrisOf,
} from './client-registration.ts'

test('registers our app on /sso/callback and the host app on /auth/callback, on both loopback names', () => {
  expect(redirectUrisOf()).toEqual([
    `http://127.0.0.1:${ports.appDev}/sso/callback`,
    `http://localhost:${ports.appDev}/sso/callback`,
    `http://127.0.0.1:${ports.appPreview}/sso/callback`,
    `http://localhost:${ports.appPreview}/sso/callback`,
    `http://127.0.0.1:${ports.hostApp}/auth/callback`,
    `http://localhost:${ports.hostApp}/auth/callback`,
  ])
})

test('derives the callback URL from the origin it was started from', () => {
  expect(callbackUrlFor(`http://127.0.0.1:${ports.appPreview}`)).toBe(
    `http://127.0.0.1:${ports.appPreview}/sso/callback`,
  )
  expect(callbackUrlFor(`http://localhost:${ports.hostApp}`)).toBe(
    `http://localhost:${ports.hostApp}/auth/callback`,
  )
  expect(() => callbackUrlFor('http://evil.example')).toThrow(/not a registered app origin/)
})

test('every redirect URI is on an allowed origin and the BFF serves exactly those origins', () => {
  const clients = defaultAppClients()
  const origins = appOriginsOf(clients)
  expect(redirectUrisOf(clients).map((uri) => new URL(uri).origin)).toEqual(origins)
  expect(defaultAppOrigins()).toEqual(origins)
  expect(bffEnvironment()['SSO_BFF_APP_ORIGINS']).toBe(origins.join(','))
})
