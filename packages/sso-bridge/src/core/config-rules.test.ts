import { expect, test } from 'vitest'
import {
  apiBaseProblems,
  clientIdProblems,
  CONFIG_LIMITS,
  destinationProblems,
  endpointOriginProblems,
  integerProblems,
} from './config-rules.ts'

test('a value that is not an absolute URL says so', () => {
  expect(destinationProblems('/relative', 'url')).toEqual(['must be an absolute URL'])
})

test.each(['http://127.0.0.1:4010', 'http://localhost:4010', 'http://[::1]:4010'])(
  'plain http is allowed on the loopback host %s',
  (value) => {
    expect(destinationProblems(value, 'issuer')).toEqual([])
  },
)

test.each(['http://idp.example', 'ftp://127.0.0.1', 'ws://localhost:4010'])(
  '%s must use https',
  (value) => {
    expect(destinationProblems(value, 'url')).toEqual([
      'must use https (http only on a loopback host)',
    ])
  },
)

test.each(['https://user@idp.example/', 'https://:secret@idp.example/'])(
  'userinfo in %s is refused',
  (value) => {
    expect(destinationProblems(value, 'url')).toEqual(['must not carry userinfo'])
  },
)

test('an origin with a path names the origin it should be', () => {
  expect(destinationProblems('https://portal.example/login', 'origin')).toEqual([
    'must be an origin only, like "https://portal.example"',
  ])
})

test('an origin with a fragment is refused once, as not an origin', () => {
  expect(destinationProblems('https://portal.example#top', 'origin')).toEqual([
    'must be an origin only, like "https://portal.example"',
  ])
})

test('an issuer or URL with a fragment is refused', () => {
  expect(destinationProblems('https://idp.example/realm#x', 'issuer')).toEqual([
    'must not carry a fragment',
  ])
  expect(destinationProblems('https://idp.example/a?b=1#x', 'url')).toEqual([
    'must not carry a fragment',
  ])
})

test('the API base is a same-origin path without a trailing slash', () => {
  expect(apiBaseProblems('/api')).toEqual([])
  expect(apiBaseProblems('/api/v1')).toEqual([])
  for (const value of ['api', 'x/api', '/api/', '/api?x', '/']) {
    expect(apiBaseProblems(value)).toEqual(['must be a same-origin path like "/api"'])
  }
})

test('a scheme-relative API base, which browsers send to another host, is refused', () => {
  expect(new URL('//evil.example/session', 'https://app.example').host).toBe('evil.example')
  for (const value of ['//evil.example', '//api', '/api//v1']) {
    expect(apiBaseProblems(value)).toEqual(['must be a same-origin path like "/api"'])
  }
})

test('numbers at the bounds pass; one past either bound names the bound', () => {
  const limits = CONFIG_LIMITS.requestTimeoutMs
  expect(integerProblems(100, limits)).toEqual([])
  expect(integerProblems(120_000, limits)).toEqual([])
  expect(integerProblems(99, limits)).toEqual(['must be at least 100'])
  expect(integerProblems(120_001, limits)).toEqual(['must be at most 120000'])
  expect(integerProblems(100.5, limits)).toEqual(['must be an integer'])
})

test('an end-session endpoint on the issuer origin passes, whatever its path and query', () => {
  expect(
    endpointOriginProblems('http://127.0.0.1:4010/session/end?x=1', 'http://127.0.0.1:4010'),
  ).toEqual([])
  expect(
    endpointOriginProblems(
      'https://login.example.com/oidc/logout',
      'https://login.example.com/oidc',
    ),
  ).toEqual([])
})

test.each([
  ['http://127.0.0.1:4011/session/end', 'http://127.0.0.1:4011'],
  ['https://127.0.0.1:4010/session/end', 'https://127.0.0.1:4010'],
  ['http://localhost:4010/session/end', 'http://localhost:4010'],
])('an end-session endpoint %s on another origin is refused, naming both', (endpoint, origin) => {
  expect(endpointOriginProblems(endpoint, 'http://127.0.0.1:4010')).toEqual([
    `must be on the issuer's origin "http://127.0.0.1:4010", not "${origin}"`,
  ])
})

test('an end-session endpoint that is no URL is left to its own rule', () => {
  expect(endpointOriginProblems('/session/end', 'http://127.0.0.1:4010')).toEqual([])
})

test.each(['indee-backend', 'a', '0oa1b2c3d4E5f6G7h8', 'x'.repeat(200)])(
  'client id %s is accepted',
  (clientId) => {
    expect(clientIdProblems(clientId)).toEqual([])
  },
)

test.each(['', 'has space', 'tab\there', 'é', 'x'.repeat(201)])(
  'client id %j is refused',
  (clientId) => {
    expect(clientIdProblems(clientId)).toEqual([
      'must be 1 to 200 printable characters without spaces, as registered at the provider',
    ])
  },
)
