import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import type { RunningSandbox } from '../../../sandbox/start-sandbox.ts'
import { USERS, type SandboxUser } from '../../../sandbox/users.ts'
import {
  AppBrowser,
  signIn,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from '../testing/bff-sandbox.ts'

const [ALICE, BOB, CAROL] = USERS as [SandboxUser, SandboxUser, SandboxUser]
const ALICES_ACCOUNT = ALICE.aimbaseAccounts[0] ?? ''
const BOBS_ACCOUNT = BOB.aimbaseAccounts[0] ?? ''
const ASSURESIGN_SSO = '/api/assuresign/authentication/sso'
const SIGN_ON = '/api/aimbase/Security/SignOnAccount'
const GENERATE = '/api/abc/cmnsrv/user/generate-sso-token'

let sandbox: RunningSandbox
let bff: RunningBff
const browsers = new Map<string, AppBrowser>()
const as = (user: SandboxUser) => browsers.get(user.email) ?? expect.fail(`${user.email} is out`)

beforeAll(async () => {
  sandbox = await startTestSandbox()
  bff = await startTestBff(sandbox)
  for (const user of [ALICE, BOB, CAROL]) {
    const browser = new AppBrowser(bff)
    expect((await signIn(browser, user)).status).toBe(200)
    browsers.set(user.email, browser)
  }
})
afterAll(async () => {
  await bff.close()
  await sandbox.close()
})
beforeEach(() => {
  sandbox.control.reset()
})

const calls = (party: 'assuresign' | 'aimbase' | 'abc', suffix: string) =>
  sandbox.control.log(party).filter((r) => r.path.endsWith(suffix)).length

test("alice's AssureSign hand-off needs only her cookie: the BFF logs in and asks for the ssoToken", async () => {
  const answer = await as(ALICE).post(ASSURESIGN_SSO, {})
  expect(answer.status).toBe(200)
  const body = (await answer.json()) as { result: { ssoToken: string } }
  expect(body.result.ssoToken.length).toBeGreaterThan(20)
  expect(answer.headers.getSetCookie()).toEqual([])
  expect(calls('assuresign', '/authentication/sso')).toBe(1)
})

test('a bearer token without the session cookie is ignored', async () => {
  const stranger = new AppBrowser(bff)
  const answer = await stranger.post(
    ASSURESIGN_SSO,
    {},
    {
      authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl',
    },
  )
  expect(answer.status).toBe(401)
  expect(await answer.json()).toMatchObject({ error: 'signed_out' })
  expect(sandbox.control.log('assuresign')).toEqual([])
})

test('bob may not use AssureSign: FORBIDDEN before any AssureSign call', async () => {
  const answer = await as(BOB).post(ASSURESIGN_SSO, {})
  expect(answer.status).toBe(403)
  expect(await answer.json()).toMatchObject({ errorCode: 'FORBIDDEN' })
  expect(sandbox.control.log('assuresign')).toEqual([])
})

test('alice signs on to her Aimbase account in JSON and in XML', async () => {
  const json = await as(ALICE).post(SIGN_ON, { AccountUid: ALICES_ACCOUNT, LandingPageUrl: '/' })
  expect(json.status).toBe(200)
  expect(typeof (await json.json())).toBe('string')
  const xml = await as(ALICE).post(SIGN_ON, {
    AccountUid: ALICES_ACCOUNT.toUpperCase(),
    LandingPageUrl: '/Service/Orders',
    Format: 'xml',
  })
  expect(xml.status).toBe(200)
  expect(xml.headers.get('content-type')).toMatch(/xml/)
  expect(await xml.text()).toMatch(/^<string>[^<]+<\/string>$/)
})

test("an Aimbase account that is not alice's is refused before Aimbase is called", async () => {
  const answer = await as(ALICE).post(SIGN_ON, { AccountUid: BOBS_ACCOUNT })
  expect(answer.status).toBe(403)
  expect(await answer.json()).toEqual({
    Message: 'The account does not belong to the signed-in user.',
  })
  expect(calls('aimbase', '/Security/SignOnAccount')).toBe(0)
})

test('a SignOnAccount body with a field name in another case is refused', async () => {
  const answer = await as(ALICE).post(SIGN_ON, {
    AccountUid: ALICES_ACCOUNT,
    accountuid: BOBS_ACCOUNT,
  })
  expect(answer.status).toBe(400)
  expect(calls('aimbase', '/Security/SignOnAccount')).toBe(0)
})

test("ABC gets alice's own CII number and her session token, which the browser never had", async () => {
  const answer = await as(ALICE).post(
    GENERATE,
    { LOBId: 'ABSLI', Functionality: 'POL' },
    { 'x-api-version': '1.0.0' },
  )
  expect(answer.status).toBe(200)
  expect(await answer.json()).toMatchObject({ ReturnCode: '1' })
})

test('a CII number sent by the browser is refused, not passed on', async () => {
  const answer = await as(ALICE).post(
    GENERATE,
    { CIINo: BOB.ciiNo, LOBId: 'ABSLI', Functionality: 'POL' },
    { 'x-api-version': '1.0.0' },
  )
  expect(answer.status).toBe(400)
  expect(calls('abc', '/generate-sso-token')).toBe(0)
})

test("a vendor refusing the BFF's own credentials reaches the browser as a plain 502", async () => {
  const fresh = await startTestBff(sandbox)
  try {
    const browser = new AppBrowser(fresh)
    await signIn(browser, ALICE)
    sandbox.control.addFault({
      party: 'assuresign',
      path: '/apiUserAuthentication',
      status: 401,
      body: '{"errorCode":"UNAUTHORIZED","summary":"API key sso-bridge-sandbox is revoked","details":[]}',
      times: 1,
    })
    const answer = await browser.post(ASSURESIGN_SSO, {})
    expect(answer.status).toBe(502)
    const text = await answer.text()
    expect(JSON.parse(text)).toMatchObject({ error: 'partner_unavailable' })
    expect(text).not.toMatch(/API key|revoked|UNAUTHORIZED/)
  } finally {
    await fresh.close()
  }
})

test("a hung Aimbase login does not hold up another person's AssureSign hand-off", async () => {
  const fresh = await startTestBff(sandbox, { SSO_BFF_UPSTREAM_TIMEOUT_MS: '2000' })
  try {
    const alice = new AppBrowser(fresh)
    const carol = new AppBrowser(fresh)
    await signIn(alice, ALICE)
    await signIn(carol, CAROL)
    sandbox.control.addFault({
      party: 'aimbase',
      path: '/api/Security/Login',
      delayMs: 40_000,
      times: 1,
    })
    const started = Date.now()
    let aimbaseDone = false
    const hung = alice.post(SIGN_ON, { AccountUid: ALICES_ACCOUNT }).then((response) => {
      aimbaseDone = true
      return response
    })
    const assureSign = await carol.post(ASSURESIGN_SSO, {})
    expect(assureSign.status).toBe(200)
    expect(aimbaseDone).toBe(false)
    const dropped = await hung
    expect(dropped.status).toBe(504)
    expect(await dropped.json()).toMatchObject({ error: 'upstream_timeout' })
    // Dropped at the BFF's upstream timeout, not after the 40 s the login would take.
    expect(Date.now() - started).toBeLessThan(10_000)
  } finally {
    await fresh.close()
  }
})

test('a vendor refusing the BFF token once gets a fresh login, and the hand-off goes through', async () => {
  sandbox.control.addFault({
    party: 'aimbase',
    path: '/api/Security/SignOnAccount',
    status: 401,
    body: '{"Message":"Authorization has been denied for this request."}',
    times: 1,
  })
  const answer = await as(ALICE).post(SIGN_ON, { AccountUid: ALICES_ACCOUNT })
  expect(answer.status).toBe(200)
  expect(calls('aimbase', '/Security/SignOnAccount')).toBe(2)
  expect(calls('aimbase', '/Security/Login')).toBe(1)
})

test('AssureSign answering FORBIDDEN to the BFF token once is renewed the same way', async () => {
  sandbox.control.addFault({
    party: 'assuresign',
    path: '/authentication/sso',
    status: 403,
    body: '{"errorCode":"FORBIDDEN","summary":"The session token is not valid.","details":[]}',
    times: 1,
  })
  const answer = await as(ALICE).post(ASSURESIGN_SSO, {})
  expect(answer.status).toBe(200)
  expect(calls('assuresign', '/apiUserAuthentication')).toBe(1)
})

test('a vendor refusing the BFF token twice is a plain 502 without its words', async () => {
  sandbox.control.addFault({
    party: 'aimbase',
    path: '/api/Security/SignOnAccount',
    status: 401,
    body: '{"Message":"Authorization has been denied for this request."}',
    times: 2,
  })
  const answer = await as(ALICE).post(SIGN_ON, { AccountUid: ALICES_ACCOUNT })
  expect(answer.status).toBe(502)
  const text = await answer.text()
  expect(JSON.parse(text)).toMatchObject({ error: 'partner_unavailable' })
  expect(text).not.toContain('denied')
})
