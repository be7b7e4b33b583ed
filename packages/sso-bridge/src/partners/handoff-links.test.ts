import { expect, test } from 'vitest'
import { testConfig } from '../test/runtime-config.ts'
import { thrownSsoError } from '../test/sso-failure.ts'
import { abc } from './abc.ts'
import { aimbase as aimbaseAdapter, DEFAULT_AIMBASE_LANDING } from './aimbase.ts'
import { assureSign } from './assuresign.ts'

// Each adapter's parseInput reads its hand-off link: path parameters and query.
const noSearch = new URLSearchParams()
const parseAssureSignInput = (params: { envelopeId: string | undefined }) =>
  assureSign.parseInput({ params, search: noSearch }, testConfig().partners.assuresign)
const parseAimbaseInput = (search: URLSearchParams) =>
  aimbaseAdapter.parseInput({ params: {}, search }, testConfig().partners.aimbase)
const parseLobInput = (
  params: { lobId: string | undefined },
  search: URLSearchParams,
  config: ReturnType<typeof testConfig>,
) => abc.parseInput({ params, search }, config.partners.abc)

const ACCOUNT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'

const config = testConfig({
  partners: {
    abc: {
      lobs: [
        {
          id: 'ABSLI',
          label: 'Life insurance',
          portalUrl: 'http://127.0.0.1:4060/lob/ABSLI/sso',
          functionality: 'POL',
        },
      ],
    },
  },
})

function aimbase(query: string) {
  return () => parseAimbaseInput(new URLSearchParams(query))
}

test('accepts an AssureSign envelope GUID', () => {
  expect(parseAssureSignInput({ envelopeId: '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f' })).toEqual({
    envelopeId: '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f',
  })
})

test.each([undefined, '', 'not-a-guid', '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f/../x', '../admin'])(
  'rejects the AssureSign envelope id %j',
  (envelopeId) => {
    const error = thrownSsoError(() => parseAssureSignInput({ envelopeId }))
    expect(error.code).toBe('invalid_handoff_input')
    expect(error.message).toContain('"envelopeId"')
  },
)

test('accepts an Aimbase account with a relative landing', () => {
  expect(
    parseAimbaseInput(new URLSearchParams(`account=${ACCOUNT}&landing=/Dashboard?tab=1`)),
  ).toEqual({
    accountUid: ACCOUNT,
    landing: '/Dashboard?tab=1',
  })
})

test.each([
  ['an encoded letter', '/caf%C3%A9'],
  ['an encoded query', '/Reports?name=Q1%2D2026&sort=%2Bdate'],
  ['an encoded single slash', '/a%2Fb'],
  ['a double-encoded letter', '/caf%25C3%25A9'],
  ['an encoded question mark', '/Inventory%3Fview'],
  ['the longest landing', `/${'a'.repeat(2047)}`],
])('accepts a legitimate landing with %s, as given', (_name, landing) => {
  expect(parseAimbaseInput(new URLSearchParams({ account: ACCOUNT, landing })).landing).toBe(
    landing,
  )
})

test('lands on the site root when no landing is given', () => {
  expect(parseAimbaseInput(new URLSearchParams(`account=${ACCOUNT}`)).landing).toBe(
    DEFAULT_AIMBASE_LANDING,
  )
  expect(DEFAULT_AIMBASE_LANDING).toBe('/')
})

test.each([
  '',
  'account=',
  'account=123',
  `account=${ACCOUNT}x`,
  `account=${ACCOUNT}&account=${ACCOUNT}`,
])('rejects the Aimbase account in %j', (query) => {
  const error = thrownSsoError(aimbase(query))
  expect(error.code).toBe('invalid_handoff_input')
  expect(error.message).toContain('"account"')
})

test.each([
  ['protocol-relative', '//evil.example'],
  ['absolute', 'https://evil.example/x'],
  ['javascript', 'javascript:alert(1)'],
  ['backslash', '/\\evil'],
  ['backslash only', '\\\\evil.example'],
  ['empty', ''],
  ['no leading slash', 'Dashboard'],
  ['double slash inside', '/a//evil.example'],
  ['tab between slashes', '/\t/evil.example'],
  ['newline', '/Dashboard\n'],
  ['space', '/ /evil.example'],
  ['encoded protocol-relative', '%2F%2Fevil.example'],
  ['encoded second slash', '/%2Fevil.example'],
  ['double-encoded second slash', '/%252Fevil.example'],
  ['triple-encoded second slash', '/%25252Fevil.example'],
  ['encoded backslash', '/%5Cevil.example'],
  ['encoded tab', '/%09/evil.example'],
  ['encoded scheme', 'https%3A%2F%2Fevil.example'],
  ['malformed encoding', '/%E0%A4%A'],
  ['too many encodings', '/%2525252525'],
  ['too long', `/${'a'.repeat(2048)}`],
])('rejects a %s landing', (_name, landing) => {
  const error = thrownSsoError(
    aimbase(new URLSearchParams({ account: ACCOUNT, landing }).toString()),
  )
  expect(error.code).toBe('invalid_handoff_input')
  expect(error.message).toContain('"landing"')
})

test('rejects a landing given twice', () => {
  const error = thrownSsoError(aimbase(`account=${ACCOUNT}&landing=/a&landing=//evil.example`))
  expect(error.message).toContain('"landing"')
})

test('accepts a known line of business and defaults its functionality from config', () => {
  expect(parseLobInput({ lobId: 'ABSLI' }, new URLSearchParams(), config)).toEqual({
    lobId: 'ABSLI',
    functionality: 'POL',
  })
  expect(
    parseLobInput({ lobId: 'ABSLI' }, new URLSearchParams('functionality=Cl41m'), config),
  ).toEqual({
    lobId: 'ABSLI',
    functionality: 'Cl41m',
  })
})

test.each([undefined, '', 'absli', 'UNKNOWN', '__proto__', 'constructor'])(
  'rejects the line of business %j',
  (lobId) => {
    const error = thrownSsoError(() => parseLobInput({ lobId }, new URLSearchParams(), config))
    expect(error.code).toBe('invalid_handoff_input')
    expect(error.message).toContain('"lobId"')
  },
)

test.each([
  'functionality=',
  'functionality=TOOLONG',
  'functionality=P-L',
  'functionality=%3Cb%3E',
  'functionality=A&functionality=B',
])('rejects the functionality in %j', (query) => {
  const error = thrownSsoError(() =>
    parseLobInput({ lobId: 'ABSLI' }, new URLSearchParams(query), config),
  )
  expect(error.code).toBe('invalid_handoff_input')
  expect(error.message).toContain('"functionality"')
})

// describe(): what the question before a hand-off names, from the link and the config's labels.
const ENVELOPE = '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f'
const described = testConfig({
  partners: {
    assuresign: { envelopes: [{ id: ENVELOPE, label: 'Purchase agreement' }] },
    aimbase: { accounts: [{ uid: ACCOUNT, label: 'North dealer', landing: '/' }] },
    abc: config.partners.abc,
  },
})

test('an envelope the config lists is named by its label and its id', () => {
  const input = { envelopeId: ENVELOPE.toUpperCase() }
  expect(assureSign.describe(input, described.partners.assuresign)).toEqual([
    { term: 'handoffConfirm.envelope', description: 'Purchase agreement' },
    { term: 'handoffConfirm.envelopeId', description: ENVELOPE.toUpperCase() },
  ])
})

test('an envelope the config does not list is named by its id alone', () => {
  const other = '11111111-2222-4333-8444-555555555555'
  expect(assureSign.describe({ envelopeId: other }, described.partners.assuresign)).toEqual([
    { term: 'handoffConfirm.envelopeId', description: other },
  ])
})

test('an Aimbase account is named by its label when the config lists it, else by its id', () => {
  const partner = described.partners.aimbase
  expect(aimbaseAdapter.describe({ accountUid: ACCOUNT, landing: '/Dashboard' }, partner)).toEqual([
    { term: 'handoffConfirm.account', description: 'North dealer' },
    { term: 'handoffConfirm.landing', description: '/Dashboard' },
  ])
  const other = '11111111-2222-4333-8444-555555555555'
  expect(aimbaseAdapter.describe({ accountUid: other, landing: '/' }, partner)).toEqual([
    { term: 'handoffConfirm.account', description: other },
    { term: 'handoffConfirm.landing', description: '/' },
  ])
})

test('a line of business is named by its label, with the functionality', () => {
  expect(abc.describe({ lobId: 'ABSLI', functionality: 'CLM' }, described.partners.abc)).toEqual([
    { term: 'handoffConfirm.lob', description: 'Life insurance' },
    { term: 'handoffConfirm.functionality', description: 'CLM' },
  ])
})
