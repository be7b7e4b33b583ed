// Aimbase: the SignOnAccount body the BFF writes; the routes through a BFF against the sandbox's
// emulator; and what the BFF sends Aimbase, seen by a recording stand-in (the emulator accepts
// more than Aimbase documents, and logs only paths). Sign-in is the sandbox's.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { USERS, type SandboxUser } from '../../../../sandbox/users.ts'
import { startPartnerBench, type RecordedPartnerBench } from '../testing/partner-bench.ts'
import { vendorBodyOf } from './aimbase.ts'

const ACCOUNT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'

test('writes the JSON SignOnAccount Aimbase documents, from the checked fields only', () => {
  expect(vendorBodyOf({ AccountUid: ACCOUNT, LandingPageUrl: '/a?b=1', Format: 'json' })).toEqual({
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ AccountUid: ACCOUNT, LandingPageUrl: '/a?b=1' }),
  })
})

test('writes the XML SignOnAccount with every value escaped', () => {
  const { contentType, body } = vendorBodyOf({
    AccountUid: ACCOUNT,
    LandingPageUrl: `/a?b=1&c='<x>"`,
    Format: 'xml',
  })
  expect(contentType).toBe('application/xml; charset=utf-8')
  expect(body).toBe(
    `<SignOnAccount><AccountUid>${ACCOUNT}</AccountUid>` +
      '<LandingPageUrl>/a?b=1&amp;c=&apos;&lt;x&gt;&quot;</LandingPageUrl></SignOnAccount>',
  )
})

test('leaves LandingPageUrl out when the app sent none', () => {
  expect(vendorBodyOf({ AccountUid: ACCOUNT, Format: 'xml' }).body).toBe(
    `<SignOnAccount><AccountUid>${ACCOUNT}</AccountUid></SignOnAccount>`,
  )
  expect(JSON.parse(vendorBodyOf({ AccountUid: ACCOUNT, Format: 'json' }).body)).toEqual({
    AccountUid: ACCOUNT,
  })
})

const [ALICE, BOB] = USERS as [SandboxUser, SandboxUser]
const ALICES_ACCOUNT = ALICE.aimbaseAccounts[0] ?? ''
const BOBS_ACCOUNT = BOB.aimbaseAccounts[0] ?? ''
const SIGN_ON = '/api/aimbase/Security/SignOnAccount'

let bench: RecordedPartnerBench
beforeAll(async () => {
  bench = await startPartnerBench({
    users: [ALICE, BOB],
    recorded: {
      variable: 'SSO_BFF_AIMBASE_URL',
      answers: {
        '/api/Security/Login': { body: '"aimbase-api-token"' },
        '/api/Security/SignOnAccount': { body: '"aimbase-sso-token"' },
      },
    },
  })
})
afterAll(() => bench.close())
beforeEach(() => bench.reset())

test('alice signs on to her Aimbase account in JSON and in XML', async () => {
  const json = await bench
    .as(ALICE)
    .post(SIGN_ON, { AccountUid: ALICES_ACCOUNT, LandingPageUrl: '/' })
  expect(json.status).toBe(200)
  expect(typeof (await json.json())).toBe('string')
  const xml = await bench.as(ALICE).post(SIGN_ON, {
    AccountUid: ALICES_ACCOUNT.toUpperCase(),
    LandingPageUrl: '/Service/Orders',
    Format: 'xml',
  })
  expect(xml.status).toBe(200)
  expect(xml.headers.get('content-type')).toMatch(/xml/)
  expect(await xml.text()).toMatch(/^<string>[^<]+<\/string>$/)
})

test("an Aimbase account that is not alice's is refused before Aimbase is called", async () => {
  const answer = await bench.as(ALICE).post(SIGN_ON, { AccountUid: BOBS_ACCOUNT })
  expect(answer.status).toBe(403)
  expect(answer.headers.get('sso-bridge-error')).toBe('handoff_account_not_owned')
  expect(await answer.json()).toMatchObject({ error: 'handoff_account_not_owned' })
  expect(bench.calls('aimbase', '/Security/SignOnAccount')).toBe(0)
})

test("a refusal of an XML sign-on is the BFF's own JSON, never in Aimbase's shape", async () => {
  const answer = await bench.as(ALICE).post(SIGN_ON, { AccountUid: BOBS_ACCOUNT, Format: 'xml' })
  expect(answer.status).toBe(403)
  expect(answer.headers.get('content-type')).toMatch(/^application\/json/)
  expect(answer.headers.get('sso-bridge-error')).toBe('handoff_account_not_owned')
  expect(bench.calls('aimbase', '/Security/SignOnAccount')).toBe(0)
})

test('bob may not use Aimbase, even for an account of his own', async () => {
  const answer = await bench.as(BOB).post(SIGN_ON, { AccountUid: BOBS_ACCOUNT })
  expect(answer.status).toBe(403)
  expect(await answer.json()).toMatchObject({ error: 'handoff_not_permitted' })
  expect(bench.sandbox.control.log('aimbase')).toEqual([])
})

test("Aimbase's errors reach the app wrapped, in the format asked for", async () => {
  const broken = ALICE.aimbaseAccounts[2] ?? ''
  const json = await bench.as(ALICE).post(SIGN_ON, { AccountUid: broken })
  expect(json.status).toBe(502)
  expect(await json.json()).toMatchObject({
    error: 'partner_refused',
    partner: 'aimbase',
    vendor: {
      status: 500,
      contentType: 'application/json; charset=utf-8',
      body: '{"Message":"An error has occurred."}',
    },
  })
  const xml = await bench.as(ALICE).post(SIGN_ON, { AccountUid: broken, Format: 'xml' })
  expect(await xml.json()).toMatchObject({
    vendor: {
      status: 500,
      contentType: 'application/xml; charset=utf-8',
      body: '<Error><Message>An error has occurred.</Message></Error>',
    },
  })
})

test('Aimbase answering in a type other than JSON or XML is 502 partner_unavailable', async () => {
  bench.sandbox.control.addFault({
    party: 'aimbase',
    path: '/api/Security/SignOnAccount',
    status: 200,
    contentType: 'text/html',
    body: '<html><script>alert(1)</script></html>',
    times: 1,
  })
  const answer = await bench.as(ALICE).post(SIGN_ON, { AccountUid: ALICES_ACCOUNT })
  expect(answer.status).toBe(502)
  expect(await answer.json()).toMatchObject({ error: 'partner_unavailable' })
  expect(bench.failures()).toEqual([
    { code: 'partner_unavailable', reason: 'aimbase: answered 200 as text/html' },
  ])
})

test('a SignOnAccount body with a field name in another case is refused', async () => {
  const answer = await bench.as(ALICE).post(SIGN_ON, {
    AccountUid: ALICES_ACCOUNT,
    accountuid: BOBS_ACCOUNT,
  })
  expect(answer.status).toBe(400)
  expect(bench.calls('aimbase', '/Security/SignOnAccount')).toBe(0)
})

test('the BFF logs in at Aimbase as its API user, then signs on in the format asked for', async () => {
  const json = await bench.recordedAlice.post('/api/aimbase/Security/SignOnAccount', {
    AccountUid: ALICES_ACCOUNT,
  })
  expect(json.status).toBe(200)
  const xml = await bench.recordedAlice.post('/api/aimbase/Security/SignOnAccount', {
    AccountUid: ALICES_ACCOUNT,
    Format: 'xml',
  })
  expect(xml.status).toBe(200)
  const logins = bench.recorder.requests('/api/Security/Login')
  expect(logins.map((r) => JSON.parse(r.body) as unknown)).toEqual([
    {
      Username: bench.settingsOf('aimbase').API_USERNAME,
      Password: bench.settingsOf('aimbase').API_PASSWORD,
      Type: 'Api',
    },
  ])
  const signOns = bench.recorder.requests('/api/Security/SignOnAccount').slice(-2)
  expect(signOns.map((r) => r.headers)).toMatchObject([
    {
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json',
      apitoken: 'aimbase-api-token',
    },
    {
      'content-type': 'application/xml; charset=utf-8',
      accept: 'application/xml',
      apitoken: 'aimbase-api-token',
    },
  ])
})
