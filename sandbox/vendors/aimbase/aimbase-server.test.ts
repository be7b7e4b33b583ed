import { afterEach, beforeEach, expect, test } from 'vitest'
import { SandboxControl } from '../../control/control.ts'
import type { RunningServer } from '../../lib/http.ts'
import { AIMBASE_BROKEN_ACCOUNT_UID } from '../../users.ts'
import { aimbaseAccountOwner } from './accounts.ts'
import { startAimbase } from './aimbase-server.ts'
import { AIMBASE_SANDBOX_CREDENTIALS } from './credentials.ts'

/** The app origin the pages link back to in these tests (vite preview). */
const APP = 'http://127.0.0.1:4173'
const BACK_TO_APP = `<a href="${APP}/">Back to Northwind Partner Hub</a>`

const ALICE_ACCOUNT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'
const XML_STRING = /^<string>([^<]+)<\/string>$/
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

let control: SandboxControl
let server: RunningServer

beforeEach(async () => {
  control = new SandboxControl()
  server = await startAimbase({ control, port: 0, debugEndpoints: true, appOrigin: APP })
})

afterEach(async () => {
  await server.close()
})

function post(path: string, body: string, headers: Record<string, string>) {
  return fetch(`${server.url}${path}`, { method: 'POST', headers, body })
}

function login(body: Record<string, unknown>) {
  return post('/api/Security/Login', JSON.stringify(body), { 'content-type': 'application/json' })
}

async function apiToken(): Promise<string> {
  const response = await login({
    Username: AIMBASE_SANDBOX_CREDENTIALS.username,
    Password: AIMBASE_SANDBOX_CREDENTIALS.password,
    Type: 'Api',
  })
  expect(response.status).toBe(200)
  return (await response.json()) as string
}

function signOnJson(
  token: string,
  body: Record<string, unknown>,
  header: 'ApiToken' | 'Authenticate' = 'ApiToken',
) {
  const auth = header === 'ApiToken' ? { apitoken: token } : { authenticate: `Avala-Api ${token}` }
  return post('/api/Security/SignOnAccount', JSON.stringify(body), {
    'content-type': 'application/json',
    ...auth,
  })
}

function signOnXml(token: string, xml: string, contentType = 'application/xml') {
  return post('/api/Security/SignOnAccount', xml, { 'content-type': contentType, apitoken: token })
}

async function sessionToken(landing = '/Dashboard'): Promise<string> {
  const response = await signOnJson(await apiToken(), {
    AccountUid: ALICE_ACCOUNT,
    LandingPageUrl: landing,
  })
  expect(response.status).toBe(200)
  return (await response.json()) as string
}

function land(token: string, returnUrl?: string, headers: Record<string, string> = {}) {
  const query = returnUrl === undefined ? '' : `?returnUrl=${encodeURIComponent(returnUrl)}`
  return fetch(`${server.url}/Account/SingleSignOn/${token}${query}`, { headers })
}

test('logs the API user in with a "user:token" JSON string', async () => {
  const token = await apiToken()
  const [user, guid] = token.split(':')
  expect(user).toBe(AIMBASE_SANDBOX_CREDENTIALS.username)
  expect(guid).toMatch(GUID)
})

test('logs in with an XML LoginRequest and answers a serialised XML string', async () => {
  const xml = `<?xml version="1.0"?><LoginRequest xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><Username>${AIMBASE_SANDBOX_CREDENTIALS.username}</Username><Password>${AIMBASE_SANDBOX_CREDENTIALS.password}</Password></LoginRequest>`
  const response = await post('/api/Security/Login', xml, { 'content-type': 'text/xml' })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('application/xml')
  expect(await response.text()).toMatch(XML_STRING)
})

test('refuses a wrong password with 401 and a Message', async () => {
  const response = await login({
    Username: AIMBASE_SANDBOX_CREDENTIALS.username,
    Password: 'nope',
    Type: 'Api',
  })
  expect(response.status).toBe(401)
  expect(await response.json()).toEqual({ Message: 'The username or password is incorrect.' })
})

test('refuses a login without Username with 400 naming the field', async () => {
  const response = await login({ Password: 'x', Type: 'Api' })
  expect(response.status).toBe(400)
  expect(await response.json()).toEqual({ Message: 'The Username field is required.' })
})

test('refuses a mobile login type with 400', async () => {
  const response = await login({
    Username: AIMBASE_SANDBOX_CREDENTIALS.username,
    Password: AIMBASE_SANDBOX_CREDENTIALS.password,
    Type: 'Mobile',
  })
  expect(response.status).toBe(400)
})

test('signs on an account with the ApiToken header and a JSON body', async () => {
  const response = await signOnJson(await apiToken(), {
    AccountUid: ALICE_ACCOUNT,
    LandingPageUrl: '/Dashboard',
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toContain('application/json')
  expect(await response.json()).toMatch(GUID)
})

test('signs on an account with the Authenticate: Avala-Api header', async () => {
  const response = await signOnJson(await apiToken(), { AccountUid: ALICE_ACCOUNT }, 'Authenticate')
  expect(response.status).toBe(200)
  expect(await response.json()).toMatch(GUID)
})

test('signs on an account with an XML body and answers XML, for both XML content types', async () => {
  const token = await apiToken()
  const xml = `<SignOnAccount>\n  <AccountUid>${ALICE_ACCOUNT.toUpperCase()}</AccountUid>\n  <LandingPageUrl>/Dashboard</LandingPageUrl>\n</SignOnAccount>`
  for (const contentType of ['application/xml', 'text/xml; charset=utf-8']) {
    const response = await signOnXml(token, xml, contentType)
    expect(response.status).toBe(200)
    const match = XML_STRING.exec(await response.text())
    expect(match?.[1]).toMatch(GUID)
  }
})

test('refuses XML with a DOCTYPE with 400 in XML', async () => {
  const xml = `<?xml version="1.0"?><!DOCTYPE SignOnAccount [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><SignOnAccount><AccountUid>&xxe;</AccountUid></SignOnAccount>`
  const response = await signOnXml(await apiToken(), xml)
  expect(response.status).toBe(400)
  expect(await response.text()).toBe(
    '<Error><Message>The request is invalid: DOCTYPE is not accepted.</Message></Error>',
  )
})

test('refuses a missing AccountUid with 400 in JSON and in XML', async () => {
  const token = await apiToken()
  const json = await signOnJson(token, { LandingPageUrl: '/Dashboard' })
  expect(json.status).toBe(400)
  expect(await json.json()).toEqual({ Message: 'The AccountUid field is required.' })
  const xml = await signOnXml(token, '<SignOnAccount><AccountUid/></SignOnAccount>')
  expect(xml.status).toBe(400)
  expect(await xml.text()).toBe(
    '<Error><Message>The AccountUid field is required.</Message></Error>',
  )
})

test('answers incorrect content, an AccountUid not a GUID or unknown, with 500 and a message', async () => {
  const token = await apiToken()
  const notGuid = await signOnJson(token, { AccountUid: 'alice' })
  expect(notGuid.status).toBe(500)
  expect(await notGuid.json()).toEqual({ Message: 'The AccountUid is not a GUID.' })
  const unknown = await signOnJson(token, { AccountUid: '11111111-2222-4333-8444-555555555555' })
  expect(unknown.status).toBe(500)
  expect(await unknown.json()).toEqual({
    Message: 'No account was found for AccountUid 11111111-2222-4333-8444-555555555555.',
  })
  const xml = await signOnXml(
    token,
    '<SignOnAccount><AccountUid>11111111-2222-4333-8444-555555555555</AccountUid></SignOnAccount>',
  )
  expect(xml.status).toBe(500)
  expect(await xml.text()).toBe(
    '<Error><Message>No account was found for AccountUid 11111111-2222-4333-8444-555555555555.</Message></Error>',
  )
})

test('refuses a LandingPageUrl that is not a relative path with 500', async () => {
  const token = await apiToken()
  for (const landing of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
    const response = await signOnJson(token, { AccountUid: ALICE_ACCOUNT, LandingPageUrl: landing })
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({
      Message: 'The LandingPageUrl must be a relative path.',
    })
  }
})

test('refuses a missing, unknown or expired API token with 401 in the request format', async () => {
  const missing = await post(
    '/api/Security/SignOnAccount',
    JSON.stringify({ AccountUid: ALICE_ACCOUNT }),
    {
      'content-type': 'application/json',
    },
  )
  expect(missing.status).toBe(401)
  expect(await missing.json()).toEqual({
    Message: 'Authorization has been denied for this request.',
  })
  const unknown = await signOnXml(
    'api:forged',
    `<SignOnAccount><AccountUid>${ALICE_ACCOUNT}</AccountUid></SignOnAccount>`,
  )
  expect(unknown.status).toBe(401)
  expect(await unknown.text()).toContain(
    '<Error><Message>Authorization has been denied for this request.</Message></Error>',
  )
  const token = await apiToken()
  control.advanceClock(19 * 60_000)
  expect((await signOnJson(token, { AccountUid: ALICE_ACCOUNT })).status).toBe(200)
  control.advanceClock(2 * 60_000)
  expect((await signOnJson(token, { AccountUid: ALICE_ACCOUNT })).status).toBe(401)
})

test('answers 500 for the broken sandbox account', async () => {
  const response = await signOnJson(await apiToken(), { AccountUid: AIMBASE_BROKEN_ACCOUNT_UID })
  expect(response.status).toBe(500)
  expect(await response.json()).toEqual({ Message: 'An error has occurred.' })
})

test('answers 500 from a control fault, in the shape QA injects', async () => {
  control.addFault({
    party: 'aimbase',
    path: '/api/Security/SignOnAccount',
    status: 500,
    body: '{"Message":"An error has occurred."}',
    times: 1,
  })
  const response = await signOnJson(await apiToken(), { AccountUid: ALICE_ACCOUNT })
  expect(response.status).toBe(500)
  expect(await response.json()).toEqual({ Message: 'An error has occurred.' })
})

test('refuses a body in an unsupported content type with 415', async () => {
  const response = await post('/api/Security/SignOnAccount', `AccountUid=${ALICE_ACCOUNT}`, {
    'content-type': 'application/x-www-form-urlencoded',
    apitoken: await apiToken(),
  })
  expect(response.status).toBe(415)
})

test('finds an account by email, name or uid', async () => {
  const token = await apiToken()
  const byEmail = await post('/api/AccountSearch', JSON.stringify({ Email: 'ALICE@example.com' }), {
    'content-type': 'application/json',
    authenticate: `Avala-Api ${token}`,
  })
  expect(byEmail.status).toBe(200)
  expect(await byEmail.json()).toMatchObject({
    AccountUid: ALICE_ACCOUNT,
    Email: 'alice@example.com',
  })
  const byName = await post(
    '/api/Account/AccountSearch',
    '<AccountSearch><Name>bob</Name></AccountSearch>',
    {
      'content-type': 'application/xml',
      apitoken: token,
    },
  )
  expect(byName.status).toBe(200)
  expect(await byName.text()).toContain('<Email>bob@example.com</Email>')
})

test('answers 404 when no account matches, and 400 without a criterion', async () => {
  const token = await apiToken()
  const headers = { 'content-type': 'application/json', apitoken: token }
  expect(
    (await post('/api/AccountSearch', JSON.stringify({ Email: 'carol@example.com' }), headers))
      .status,
  ).toBe(404)
  expect((await post('/api/AccountSearch', '{}', headers)).status).toBe(400)
})

test('the landing page signs the account owner in and shows the landing path', async () => {
  const response = await land(await sessionToken(), '/Dashboard')
  expect(response.status).toBe(200)
  const page = await response.text()
  expect(page).toContain('<h1>Aimbase</h1>')
  expect(page).toContain(BACK_TO_APP)
  expect(page).toContain(`Account ${ALICE_ACCOUNT}`)
  expect(page).toContain('Account owner alice@example.com')
  expect(page).toContain('Landing page /Dashboard')
})

test('the landing page uses the bound landing when returnUrl is absent', async () => {
  const response = await land(await sessionToken('/CSI/Registration'))
  expect(response.status).toBe(200)
  expect(await response.text()).toContain('Landing page /CSI/Registration')
})

test('the landing page refuses a reused session token', async () => {
  const token = await sessionToken()
  expect((await land(token, '/Dashboard')).status).toBe(200)
  const again = await land(token, '/Dashboard')
  expect(again.status).toBe(401)
  const page = await again.text()
  expect(page).toContain('<h1>Sign-on rejected</h1>')
  expect(page).toContain('already used')
})

test('the landing page accepts a session token within 15 s and refuses it after', async () => {
  const onTime = await sessionToken()
  const late = await sessionToken()
  control.advanceClock(14_000)
  expect((await land(onTime, '/Dashboard')).status).toBe(200)
  control.advanceClock(2_000)
  const response = await land(late, '/Dashboard')
  expect(response.status).toBe(401)
  expect(await response.text()).toContain('expired')
})

test('the landing page refuses an unknown session token', async () => {
  const response = await land('11111111-2222-4333-8444-555555555555', '/Dashboard')
  expect(response.status).toBe(401)
  expect(await response.text()).toContain('unknown')
})

test('the landing page refuses an absolute returnUrl with 400, without spending the token', async () => {
  const token = await sessionToken()
  const response = await land(token, 'https://evil.example/')
  expect(response.status).toBe(400)
  expect(await response.text()).toContain('relative path')
  expect((await land(token, '/Dashboard')).status).toBe(200)
})

test('the landing page refuses a returnUrl other than the bound landing with 403', async () => {
  const response = await land(await sessionToken('/Dashboard'), '/Admin')
  expect(response.status).toBe(403)
  expect(await response.text()).toContain('not the landing page')
})

test('escapes a hostile landing path on the page', async () => {
  const hostile = '/"><script>alert(1)</script>'
  const response = await land(await sessionToken(hostile), hostile)
  const page = await response.text()
  expect(response.status).toBe(200)
  expect(page).not.toContain('<script>')
  expect(page).toContain('Landing page /&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
})

test('records the Referer of the last landing, with the token left out of the path', async () => {
  const token = await sessionToken()
  await land(token, '/Dashboard', { referer: 'http://127.0.0.1:5173/' })
  const record = (await (await fetch(`${server.url}/__emulator/last-landing`)).json()) as Record<
    string,
    unknown
  >
  expect(record).toMatchObject({
    path: '/Account/SingleSignOn/{token}',
    queryKeys: ['returnUrl'],
    referer: 'http://127.0.0.1:5173/',
  })
  expect(JSON.stringify(record)).not.toContain(token)
})

test('serves no last-landing record when the debug endpoints are off (production mode)', async () => {
  const production = await startAimbase({ control, port: 0, debugEndpoints: false })
  try {
    await fetch(`${production.url}/Account/SingleSignOn/x?returnUrl=%2F`, {
      headers: { referer: 'http://127.0.0.1:4173/handoff/aimbase' },
    })
    const record = await fetch(`${production.url}/__emulator/last-landing`)
    expect(record.status).toBe(404)
    expect(await record.json()).toEqual({
      Message: 'No HTTP resource was found that matches the request URI.',
    })
  } finally {
    await production.close()
  }
})

test('the sandbox request log shows the landing path without its token', async () => {
  const token = await sessionToken()
  await land(token, '/Dashboard')
  const logged = control.log('aimbase').map((r) => r.path)
  expect(logged).toContain('/Account/SingleSignOn/{token}')
  expect(JSON.stringify(logged)).not.toContain(token)
})

test('maps each sandbox account to its owner', () => {
  expect(aimbaseAccountOwner(ALICE_ACCOUNT.toUpperCase())).toBe('alice@example.com')
  expect(aimbaseAccountOwner('9a7b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d')).toBe('bob@example.com')
  expect(aimbaseAccountOwner('11111111-2222-4333-8444-555555555555')).toBeUndefined()
})
