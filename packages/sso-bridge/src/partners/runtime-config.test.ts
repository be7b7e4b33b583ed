import { expect, test } from 'vitest'
import shipped from '../../../../public/sso.config.json'
import type { TestConfig } from '../test/runtime-config.ts'
import { formActionOriginsOf, parseRuntimeConfig } from './runtime-config.ts'

/** The config as a test may change it. */
type Mutable<T> = { -readonly [K in keyof T]: Mutable<T[K]> }
/** The shipped config has every partner. */
type Shipped = Mutable<TestConfig>
type Lob = Shipped['partners']['abc']['lobs'][number]

/** The shipped config with `change` applied (changes may make it invalid on purpose). */
function withChanges(change: (config: Shipped, firstLob: Lob) => void): unknown {
  const copy = structuredClone(shipped) as Shipped
  const [firstLob] = copy.partners.abc.lobs
  if (firstLob === undefined) throw new Error('the shipped config has no line of business')
  change(copy, firstLob)
  return copy
}

test('the shipped sandbox config is valid', () => {
  expect(parseRuntimeConfig(shipped)).toMatchObject({ ok: true })
})

test('every bad field is listed by its path', () => {
  const result = parseRuntimeConfig(
    withChanges((c, lob) => {
      c.apiBase = 'https://api.example'
      c.requestTimeoutMs = 0
      c.partners.assuresign.origin = 'http://sign.example'
      lob.functionality = 'TOOLONG'
    }),
  )
  expect(result.ok).toBe(false)
  const paths = result.ok ? [] : result.issues.map((i) => i.path)
  expect(paths).toEqual(
    expect.arrayContaining([
      'apiBase',
      'requestTimeoutMs',
      'partners.assuresign.origin',
      'partners.abc.lobs.0.functionality',
    ]),
  )
  expect(paths).toHaveLength(4)
})

test('an unknown field is refused rather than ignored', () => {
  const result = parseRuntimeConfig(withChanges((c) => Object.assign(c, { clientSecret: 'oops' })))
  expect(result).toMatchObject({ ok: false, issues: [{ path: '(root)' }] })
})

test.each([
  ['https origin', 'https://sign.example', true],
  ['http on 127.0.0.1', 'http://127.0.0.1:4030', true],
  ['http on localhost', 'http://localhost:4030', true],
  ['http elsewhere', 'http://sign.example', false],
  ['userinfo', 'https://user:pw@sign.example', false],
  ['a path', 'https://sign.example/ui', false],
  ['another scheme', 'javascript:alert(1)', false],
  ['not a URL', 'sign.example', false],
])('a partner origin with %s is accepted: %s', (_name, origin, ok) => {
  const result = parseRuntimeConfig(withChanges((c) => (c.partners.aimbase.origin = origin)))
  expect(result.ok).toBe(ok)
})

test.each([
  ['http://127.0.0.1:4060/lob/ABSLI/sso', true],
  ['https://portal.example/lob/sso', true],
  ['http://portal.example/lob/sso', false],
  ['https://user@portal.example/lob/sso', false],
  ['https://portal.example/lob/sso#frag', false],
])('a line-of-business portal URL %s is accepted: %s', (portalUrl, ok) => {
  const result = parseRuntimeConfig(withChanges((_c, lob) => (lob.portalUrl = portalUrl)))
  expect(result.ok).toBe(ok)
})

test('a destination description is trimmed, and an empty or too long one is refused by its path', () => {
  const parsed = parseRuntimeConfig(
    withChanges((c, lob) => {
      lob.description = '  Policies, claims and renewals.  '
      Object.assign(c.partners.assuresign.envelopes[0] ?? {}, { description: 'x'.repeat(140) })
    }),
  )
  expect(parsed.ok && parsed.config.partners.abc?.lobs[0]?.description).toBe(
    'Policies, claims and renewals.',
  )
  const refused = parseRuntimeConfig(
    withChanges((c, lob) => {
      lob.description = '   '
      Object.assign(c.partners.assuresign.envelopes[0] ?? {}, { description: 'x'.repeat(141) })
      Object.assign(c.partners.aimbase.accounts[0] ?? {}, { description: '' })
    }),
  )
  expect(refused.ok ? [] : refused.issues.map((issue) => issue.path)).toEqual([
    'partners.assuresign.envelopes.0.description',
    'partners.aimbase.accounts.0.description',
    'partners.abc.lobs.0.description',
  ])
})

test('a config that is not an object is reported at the root', () => {
  expect(parseRuntimeConfig('nope')).toMatchObject({ ok: false, issues: [{ path: '(root)' }] })
})

test.each([
  ['https with a path', 'https://login.example.com/tenant/v2.0', true],
  ['http on loopback', 'http://127.0.0.1:4010', true],
  ['plain http elsewhere', 'http://idp.example.com', false],
  ['userinfo', 'https://user:pw@idp.example.com', false],
  ['another scheme', 'ftp://idp.example.com/x', false],
  ['a query', 'https://idp.example.com/?tenant=1', false],
  ['a fragment', 'https://idp.example.com/#x', false],
])('an identity-provider issuer with %s is accepted: %s', (_name, issuer, ok) => {
  const result = parseRuntimeConfig(
    withChanges((c) => {
      c.identityProvider.issuer = issuer
      delete c.identityProvider.endSession
    }),
  )
  expect(result.ok).toBe(ok)
})

test('the shipped config signs out at the sandbox identity provider too', () => {
  const result = parseRuntimeConfig(shipped)
  expect(result.ok && result.config.identityProvider.endSession).toEqual({
    endpoint: 'http://127.0.0.1:4010/session/end',
    clientId: 'indee-backend',
  })
})

test.each([
  ['another port', 'http://127.0.0.1:4011/session/end'],
  ['another host', 'https://logout.example.com/session/end'],
  ['another scheme', 'https://127.0.0.1:4010/session/end'],
])('an end-session endpoint on %s than the issuer is refused', (_name, endpoint) => {
  const result = parseRuntimeConfig(
    withChanges((c) => (c.identityProvider.endSession = { endpoint, clientId: 'app' })),
  )
  expect(result).toEqual({
    ok: false,
    issues: [
      {
        path: 'identityProvider.endSession.endpoint',
        message: `must be on the issuer's origin "http://127.0.0.1:4010", not "${new URL(endpoint).origin}"`,
      },
    ],
  })
})

test('a bad end-session endpoint and client id are each named', () => {
  const result = parseRuntimeConfig(
    withChanges(
      (c) =>
        (c.identityProvider.endSession = {
          endpoint: 'http://127.0.0.1:4010/end#x',
          clientId: 'has space',
        }),
    ),
  )
  const paths = result.ok ? [] : result.issues.map((i) => i.path)
  expect(paths).toEqual([
    'identityProvider.endSession.endpoint',
    'identityProvider.endSession.clientId',
  ])
})

test('an end-session without a client id is refused', () => {
  const result = parseRuntimeConfig(
    withChanges((c) => {
      c.identityProvider.endSession = { endpoint: 'http://127.0.0.1:4010/session/end' } as never
    }),
  )
  const paths = result.ok ? [] : result.issues.map((i) => i.path)
  expect(paths).toEqual(['identityProvider.endSession.clientId'])
})

test.each([
  ['https', 'https://login.example.com/account', true],
  ['http on loopback', 'http://127.0.0.1:4010/account', true],
  ['plain http elsewhere', 'http://login.example.com/account', false],
  ['userinfo', 'https://user@login.example.com/', false],
  ['a script', 'javascript:alert(1)', false],
])('an account page URL with %s is accepted: %s', (_name, accountPageUrl, ok) => {
  const result = parseRuntimeConfig(
    withChanges((c) => (c.identityProvider.accountPageUrl = accountPageUrl)),
  )
  expect(result.ok).toBe(ok)
})

test.each(['//evil.example/x', '/%2F%2Fevil.example', '/a\\b', 'Dashboard'])(
  'refuses an Aimbase account landing %s that a hand-off link could not carry either',
  (landing) => {
    const result = parseRuntimeConfig(
      withChanges((c) => {
        c.partners.aimbase.accounts = [
          { uid: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', label: 'Dealer', landing },
        ]
      }),
    )
    const paths = result.ok ? [] : result.issues.map((i) => i.path)
    expect(paths).toEqual(['partners.aimbase.accounts.0.landing'])
  },
)

test('form-action lists each portal origin of the lines of business once, and nothing else', () => {
  const result = parseRuntimeConfig(
    withChanges((c, lob) => {
      c.partners.abc.lobs = [
        { ...lob, id: 'one', portalUrl: 'https://portal.example/life/sso?x=1' },
        { ...lob, id: 'two', portalUrl: 'https://portal.example/health' },
        { ...lob, id: 'three', portalUrl: 'https://other.example:8443/in' },
      ]
    }),
  )
  if (!result.ok) throw new Error('config should be valid')
  expect(formActionOriginsOf(result.config)).toEqual([
    'https://portal.example',
    'https://other.example:8443',
  ])
})

test('form-action is empty when no line of business is configured', () => {
  const result = parseRuntimeConfig(
    withChanges((c) => {
      c.partners.abc.lobs = []
    }),
  )
  if (!result.ok) throw new Error('config should be valid')
  expect(formActionOriginsOf(result.config)).toEqual([])
})
