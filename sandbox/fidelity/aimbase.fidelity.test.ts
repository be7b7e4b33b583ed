// Fidelity: the Aimbase Authentication and Sign On Account documents, row by row. Values that
// must exist in the sandbox are adjusted, and each test says which.
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { SandboxControl } from '../control/control.ts'
import type { RunningServer } from '../lib/http.ts'
import { USERS } from '../users.ts'
import { startAimbase } from '../vendors/aimbase/aimbase-server.ts'
import { AIMBASE_SANDBOX_CREDENTIALS } from '../vendors/aimbase/credentials.ts'

// Adjusted: the sandbox's API user and alice's account stand for the document's.
const { username: USERNAME, password: PASSWORD } = AIMBASE_SANDBOX_CREDENTIALS
const ACCOUNT = USERS[0]?.aimbaseAccounts[0] ?? expect.fail('no sandbox account')
const UNKNOWN_ACCOUNT = '11111111-2222-4333-8444-555555555555'
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const control = new SandboxControl()
let server: RunningServer

beforeAll(async () => {
  server = await startAimbase({ control, port: 0, debugEndpoints: true })
})

afterAll(async () => {
  await server.close()
})

afterEach(() => {
  control.reset()
})

function post(path: string, headers: Record<string, string>, body: string) {
  return fetch(`${server.url}${path}`, { method: 'POST', headers, body })
}

async function apiToken(): Promise<string> {
  const response = await post(
    '/api/Security/Login',
    { 'content-type': 'application/json' },
    JSON.stringify({ Username: USERNAME, Password: PASSWORD, Type: 'Api' }),
  )
  return (await response.json()) as string
}

function signOnJson(headers: Record<string, string>, body: unknown) {
  return post(
    '/api/Security/SignOnAccount',
    { 'content-type': 'application/json', ...headers },
    JSON.stringify(body),
  )
}

function signOnXml(token: string, xml: string) {
  return post(
    '/api/Security/SignOnAccount',
    { 'content-type': 'application/xml', apitoken: token },
    xml,
  )
}

test('Login {"Username","Password","Type":"Api"} → JSON string "user:token"', async () => {
  const response = await post(
    '/api/Security/Login',
    { 'content-type': 'application/json' },
    JSON.stringify({ Username: USERNAME, Password: PASSWORD, Type: 'Api' }),
  )
  expect(response.status).toBe(200)
  expect(await response.json()).toMatch(new RegExp(`^${USERNAME}:.+$`))
})

test('SignOnAccount, header ApiToken, JSON {"AccountUid","LandingPageUrl"} → JSON string token', async () => {
  const response = await signOnJson(
    { apitoken: await apiToken() },
    { AccountUid: ACCOUNT, LandingPageUrl: '/Dashboard' },
  )
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(await response.json()).toMatch(GUID)
})

test('SignOnAccount, header Authenticate: Avala-Api {user}:{token} → JSON string token', async () => {
  const response = await signOnJson(
    { authenticate: `Avala-Api ${await apiToken()}` },
    { AccountUid: ACCOUNT, LandingPageUrl: '/Dashboard' },
  )
  expect(response.status).toBe(200)
})

test('SignOnAccount, XML <SignOnAccount><AccountUid/><LandingPageUrl/></SignOnAccount> → <string>…</string>', async () => {
  const response = await signOnXml(
    await apiToken(),
    `<SignOnAccount><AccountUid>${ACCOUNT}</AccountUid><LandingPageUrl>/Dashboard</LandingPageUrl></SignOnAccount>`,
  )
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/xml/)
  // Exactly as shown: no XML declaration, no namespace.
  expect(await response.text()).toMatch(/^<string>[0-9a-f-]{36}<\/string>$/)
})

test('400 {"Message":"The AccountUid field is required."}', async () => {
  const response = await signOnJson({ apitoken: await apiToken() }, { LandingPageUrl: '/' })
  expect(response.status).toBe(400)
  expect(await response.json()).toEqual({ Message: 'The AccountUid field is required.' })
})

test('400 <Error><Message>The AccountUid field is required.</Message></Error>', async () => {
  const response = await signOnXml(await apiToken(), '<SignOnAccount><AccountUid/></SignOnAccount>')
  expect(response.status).toBe(400)
  expect(await response.text()).toBe(
    '<Error><Message>The AccountUid field is required.</Message></Error>',
  )
})

test('401 bad API token', async () => {
  const response = await signOnJson({ apitoken: `${USERNAME}:forged` }, { AccountUid: ACCOUNT })
  expect(response.status).toBe(401)
  expect(await response.json()).toEqual({ Message: expect.any(String) as string })
})

test('500, same shape, for incorrect content: an unknown AccountUid (JSON)', async () => {
  const response = await signOnJson({ apitoken: await apiToken() }, { AccountUid: UNKNOWN_ACCOUNT })
  expect(response.status).toBe(500)
  expect(await response.json()).toEqual({
    Message: `No account was found for AccountUid ${UNKNOWN_ACCOUNT}.`,
  })
})

test('500, same shape, for incorrect content: an unknown AccountUid (XML)', async () => {
  const response = await signOnXml(
    await apiToken(),
    `<SignOnAccount><AccountUid>${UNKNOWN_ACCOUNT}</AccountUid></SignOnAccount>`,
  )
  expect(response.status).toBe(500)
  expect(await response.text()).toBe(
    `<Error><Message>No account was found for AccountUid ${UNKNOWN_ACCOUNT}.</Message></Error>`,
  )
})

test('API token valid 20 minutes', async () => {
  const token = await apiToken()
  control.advanceClock(20 * 60_000 + 1_000)
  expect((await signOnJson({ apitoken: token }, { AccountUid: ACCOUNT })).status).toBe(401)
})

test('landing GET /Account/SingleSignOn/{token}?returnUrl={relative url}', async () => {
  const response = await signOnJson(
    { apitoken: await apiToken() },
    { AccountUid: ACCOUNT, LandingPageUrl: '/Dashboard' },
  )
  const token = (await response.json()) as string
  const page = await fetch(
    `${server.url}/Account/SingleSignOn/${token}?returnUrl=${encodeURIComponent('/Dashboard')}`,
  )
  expect(page.status).toBe(200)
  expect(await page.text()).toContain(`Account ${ACCOUNT}`)
})

test('session token expires 15 seconds after being issued', async () => {
  const response = await signOnJson({ apitoken: await apiToken() }, { AccountUid: ACCOUNT })
  const token = (await response.json()) as string
  control.advanceClock(16_000)
  const page = await fetch(`${server.url}/Account/SingleSignOn/${token}?returnUrl=%2F`)
  expect(page.status).toBe(401)
  expect(await page.text()).toContain('expired')
})
