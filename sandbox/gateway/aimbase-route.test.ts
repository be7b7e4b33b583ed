// /api/aimbase over real HTTP: the whole sandbox, alice and bob signed in for real, a gateway of
// its own per test (empty login cache), the Aimbase emulator behind it.
import { expect, test } from 'vitest'
import { AIMBASE_BROKEN_ACCOUNT_UID } from '../vendors/aimbase/accounts.ts'
import {
  AIMBASE_API_TOKEN_LIFETIME_MS,
  NO_PERMISSION_MESSAGE,
  NOT_OWNER_MESSAGE,
} from './aimbase-route.ts'
import {
  ALICE,
  BOB,
  answerWithUpstreamDown,
  callsTo,
  expectSignInRequired,
  post,
  usePartnerSandbox,
} from './test-partners.ts'
import { LOGIN_RENEWAL_MARGIN_MS } from './upstream-logins.ts'

const SIGN_ON = '/api/aimbase/Security/SignOnAccount'
const [JSON_ACCOUNT = '', XML_ACCOUNT = ''] = ALICE.aimbaseAccounts
const BOBS_ACCOUNT = BOB.aimbaseAccounts[0] ?? expect.fail('bob has no account')

const fixture = usePartnerSandbox([ALICE, BOB])
const alice = () => fixture.sessionOf(ALICE)
const bob = () => fixture.sessionOf(BOB)

function signOnJson(
  sessionToken: string,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
) {
  return post(
    fixture.gateway,
    SIGN_ON,
    { authorization: `Bearer ${sessionToken}`, 'content-type': 'application/json', ...headers },
    typeof body === 'string' ? body : JSON.stringify(body),
  )
}

function signOnXml(sessionToken: string, xml: string) {
  return post(
    fixture.gateway,
    SIGN_ON,
    { authorization: `Bearer ${sessionToken}`, 'content-type': 'application/xml' },
    xml,
  )
}

const signOnXmlBody = (uid: string, landing: string) =>
  `<SignOnAccount><AccountUid>${uid}</AccountUid><LandingPageUrl>${landing}</LandingPageUrl></SignOnAccount>`

const logins = () => callsTo(fixture.partners.control, 'aimbase', '/api/Security/Login')
const signOns = () => callsTo(fixture.partners.control, 'aimbase', '/api/Security/SignOnAccount')

async function jsonToken(response: Response): Promise<string> {
  expect(response.status).toBe(200)
  return (await response.json()) as string
}

function land(token: string, landing: string) {
  return fetch(
    `${fixture.partners.sandbox.aimbase.url}/Account/SingleSignOn/${encodeURIComponent(token)}?returnUrl=${encodeURIComponent(landing)}`,
  )
}

test('gives alice a JSON sign-on token that the Aimbase landing accepts for her account', async () => {
  const token = await jsonToken(
    await signOnJson(alice(), { AccountUid: JSON_ACCOUNT, LandingPageUrl: '/Dashboard' }),
  )
  const page = await land(token, '/Dashboard')
  expect(page.status).toBe(200)
  const text = await page.text()
  expect(text).toContain('Signed in as alice@example.com')
  expect(text).toContain(`Account ${JSON_ACCOUNT}`)
})

test('gives alice an XML sign-on token that the Aimbase landing accepts', async () => {
  const response = await signOnXml(alice(), signOnXmlBody(XML_ACCOUNT, '/Service/Orders'))
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/xml/)
  const token = /<string [^>]*>([^<]+)<\/string>/.exec(await response.text())?.[1]
  const page = await land(token ?? expect.fail('no token in the XML answer'), '/Service/Orders')
  expect(page.status).toBe(200)
  expect(await page.text()).toContain(`Account ${XML_ACCOUNT}`)
})

test("refuses an account that is not alice's with 403 in the request's format, calling no Aimbase API", async () => {
  const unknown = '11111111-2222-4333-8444-555555555555'
  for (const uid of [BOBS_ACCOUNT, BOBS_ACCOUNT.toUpperCase(), unknown]) {
    const response = await signOnJson(alice(), { AccountUid: uid })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({ Message: NOT_OWNER_MESSAGE })
  }
  const xml = await signOnXml(alice(), signOnXmlBody(BOBS_ACCOUNT, '/'))
  expect(xml.status).toBe(403)
  expect(await xml.text()).toContain(`<Error><Message>${NOT_OWNER_MESSAGE}</Message></Error>`)
  expect(signOns()).toBe(0)
  expect(logins()).toBe(0)
})

test('refuses bob, who has no Aimbase permission, even for his own account', async () => {
  const response = await signOnJson(bob(), { AccountUid: BOBS_ACCOUNT })
  expect(response.status).toBe(403)
  expect(await response.json()).toEqual({ Message: NO_PERMISSION_MESSAGE })
  expect(fixture.partners.control.log('aimbase')).toEqual([])
})

test("answers 400 in the request's format to a body it cannot read, calling no Aimbase API", async () => {
  const notJson = await signOnJson(alice(), '{"AccountUid":')
  expect(notJson.status).toBe(400)
  expect(((await notJson.json()) as { Message: string }).Message).toMatch(/not JSON/)
  const noAccount = await signOnJson(alice(), { LandingPageUrl: '/' })
  expect(noAccount.status).toBe(400)
  expect(await noAccount.json()).toEqual({ Message: 'The AccountUid field is required.' })
  const doctype = await signOnXml(
    alice(),
    `<!DOCTYPE x [<!ENTITY a "${JSON_ACCOUNT}">]><SignOnAccount><AccountUid>&a;</AccountUid></SignOnAccount>`,
  )
  expect(doctype.status).toBe(400)
  expect(await doctype.text()).toMatch(/<Error><Message>.*DOCTYPE.*<\/Message><\/Error>/)
  const other = await post(
    fixture.gateway,
    SIGN_ON,
    { authorization: `Bearer ${alice()}`, 'content-type': 'text/plain' },
    JSON_ACCOUNT,
  )
  expect(other.status).toBe(415)
  expect(fixture.partners.control.log('aimbase')).toEqual([])
})

test('refuses a JSON key that differs from a field name only in case, calling no Aimbase API', async () => {
  const variants = [
    `{"AccountUid":"${JSON_ACCOUNT}","accountuid":"${BOBS_ACCOUNT}"}`,
    `{"ACCOUNTUID":"${BOBS_ACCOUNT}","AccountUid":"${JSON_ACCOUNT}"}`,
    `{"AccountUid":"${JSON_ACCOUNT}","landingPageUrl":"/Dashboard"}`,
    // U+0131 dotless i upper-cases to "I": a binder comparing upper case would match it.
    `{"AccountUid":"${JSON_ACCOUNT}","AccountU\u0131d":"${BOBS_ACCOUNT}"}`,
  ]
  for (const body of variants) {
    const response = await signOnJson(alice(), body)
    expect(response.status).toBe(400)
    const { Message } = (await response.json()) as { Message: string }
    expect(Message).toMatch(
      /^The request is invalid: ".+" differs from a field name only in case\.$/,
    )
  }
  expect(fixture.partners.control.log('aimbase')).toEqual([])
})

test("sends the gateway's API token, not one the browser sent", async () => {
  const response = await signOnJson(
    alice(),
    { AccountUid: JSON_ACCOUNT },
    { apitoken: 'forged:token', authenticate: 'Avala-Api forged:token' },
  )
  // Aimbase answers 401 to an unknown ApiToken, so a 200 proves the forged one never arrived.
  expect(await jsonToken(response)).toMatch(/^[0-9a-f-]{36}$/)
})

test('logs in once and reuses the API token for later hand-offs', async () => {
  await jsonToken(await signOnJson(alice(), { AccountUid: JSON_ACCOUNT }))
  await jsonToken(await signOnJson(alice(), { AccountUid: JSON_ACCOUNT }))
  expect(logins()).toBe(1)
  expect(signOns()).toBe(2)
})

test('logs in again when the 20-minute API token nears its end on the sandbox clock', async () => {
  await jsonToken(await signOnJson(alice(), { AccountUid: JSON_ACCOUNT }))
  fixture.partners.control.advanceClock(AIMBASE_API_TOKEN_LIFETIME_MS - LOGIN_RENEWAL_MARGIN_MS)
  const later = await fixture.partners.signIn(ALICE)
  await jsonToken(await signOnJson(later, { AccountUid: JSON_ACCOUNT }))
  expect(logins()).toBe(2)
})

test('passes a 401 from SignOnAccount back, drops the API token, and logs in again next time', async () => {
  await jsonToken(await signOnJson(alice(), { AccountUid: JSON_ACCOUNT }))
  const denied = '{"Message":"Authorization has been denied for this request."}'
  fixture.partners.control.addFault({
    party: 'aimbase',
    path: '/Security/SignOnAccount',
    status: 401,
    body: denied,
    times: 1,
  })
  const refused = await signOnJson(alice(), { AccountUid: JSON_ACCOUNT })
  expect(refused.status).toBe(401)
  expect(await refused.text()).toBe(denied)
  expect(logins()).toBe(1)
  await jsonToken(await signOnJson(alice(), { AccountUid: JSON_ACCOUNT }))
  expect(logins()).toBe(2)
})

test("passes Aimbase's 500 for alice's broken account back unchanged", async () => {
  const response = await signOnJson(alice(), { AccountUid: AIMBASE_BROKEN_ACCOUNT_UID })
  expect(response.status).toBe(500)
  expect(await response.json()).toEqual({ Message: 'An error has occurred.' })
})

test('answers 401 Sign-in required without calling Aimbase for a missing or forged session', async () => {
  const missing = await post(fixture.gateway, SIGN_ON, { 'content-type': 'application/json' }, '{}')
  const forged = await signOnJson('e30.e30.e30', { AccountUid: JSON_ACCOUNT })
  await expectSignInRequired([missing, forged])
  expect(fixture.partners.control.log('aimbase')).toEqual([])
})

test('answers 405 to other methods and 404 to other paths, without calling Aimbase', async () => {
  const get = await fetch(`${fixture.gateway.url}${SIGN_ON}`, {
    headers: { authorization: `Bearer ${alice()}` },
  })
  expect(get.status).toBe(405)
  expect(get.headers.get('allow')).toBe('POST')
  for (const path of ['/api/aimbase/Security/Login', '/api/aimbase/AccountSearch']) {
    const response = await post(fixture.gateway, path, { authorization: `Bearer ${alice()}` }, '{}')
    expect(response.status).toBe(404)
  }
  expect(fixture.partners.control.log('aimbase')).toEqual([])
})

test('answers 502 when Aimbase cannot be reached', async () => {
  const answer = await answerWithUpstreamDown(fixture.partners, 'aimbase', (gateway) =>
    post(
      gateway,
      SIGN_ON,
      { authorization: `Bearer ${alice()}`, 'content-type': 'application/json' },
      JSON.stringify({ AccountUid: JSON_ACCOUNT }),
    ),
  )
  expect(answer).toEqual({ status: 502, body: { message: 'Aimbase is unreachable' } })
})
