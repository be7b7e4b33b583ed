import { generateKeyPair, SignJWT } from 'jose'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import type { RunningSandbox } from '../../../../sandbox/start-sandbox.ts'
import { USERS, type SandboxUser } from '../../../../sandbox/users.ts'
import { NO_PERMISSION_MESSAGE, NOT_OWNER_MESSAGE } from '../partners/aimbase.ts'
import {
  AppBrowser,
  freePort,
  signIn,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from '../testing/bff-sandbox.ts'
import { startRecordingUpstream, type CannedAnswer } from '../testing/recording-upstream.ts'

const [ALICE, BOB, CAROL] = USERS as [SandboxUser, SandboxUser, SandboxUser]
const ALICES_ACCOUNT = ALICE.aimbaseAccounts[0] ?? ''
const BOBS_ACCOUNT = BOB.aimbaseAccounts[0] ?? ''
const ASSURESIGN_SSO = '/api/assuresign/authentication/sso'
const SIGN_ON = '/api/aimbase/Security/SignOnAccount'
const GENERATE = '/api/abc/cmnsrv/user/generate-sso-token'

interface LogLine {
  readonly msg: string
  readonly code?: string
  readonly reason?: string
}

let sandbox: RunningSandbox
let bff: RunningBff
/** The warnings every BFF of this file logs, since the test began. */
let lines: string[] = []
const logTo = { logger: true, logStream: { write: (line: string) => lines.push(line) } }
const failures = () =>
  lines
    .map((line) => JSON.parse(line) as LogLine)
    .filter((line) => line.msg === 'upstream failure')
    .map(({ code, reason }) => ({ code, reason }))
const browsers = new Map<string, AppBrowser>()
const as = (user: SandboxUser) => browsers.get(user.email) ?? expect.fail(`${user.email} is out`)

beforeAll(async () => {
  sandbox = await startTestSandbox()
  bff = await startTestBff(sandbox, {}, logTo)
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
  lines = []
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
  expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expect(await answer.json()).toEqual({
    Message: 'The account does not belong to the signed-in user.',
  })
  expect(calls('aimbase', '/Security/SignOnAccount')).toBe(0)
})

test("a refusal of an XML sign-on is in XML, in the shape of Aimbase's own errors", async () => {
  const answer = await as(ALICE).post(SIGN_ON, { AccountUid: BOBS_ACCOUNT, Format: 'xml' })
  expect(answer.status).toBe(403)
  expect(answer.headers.get('content-type')).toBe('application/xml; charset=utf-8')
  expect(await answer.text()).toBe(`<Error><Message>${NOT_OWNER_MESSAGE}</Message></Error>`)
  expect(calls('aimbase', '/Security/SignOnAccount')).toBe(0)
})

test('bob may not use Aimbase, even for an account of his own', async () => {
  const answer = await as(BOB).post(SIGN_ON, { AccountUid: BOBS_ACCOUNT })
  expect(answer.status).toBe(403)
  expect(await answer.json()).toEqual({ Message: NO_PERMISSION_MESSAGE })
  expect(sandbox.control.log('aimbase')).toEqual([])
})

test('bob may not use ABC: 403 before any ABC call', async () => {
  const answer = await as(BOB).post(
    GENERATE,
    { LOBId: 'ABSLI', Functionality: 'POL' },
    { 'x-api-version': '1.0.0' },
  )
  expect(answer.status).toBe(403)
  expect(await answer.json()).toEqual({ message: 'The signed-in user may not use ABC.' })
  expect(sandbox.control.log('abc')).toEqual([])
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
  const fresh = await startTestBff(sandbox, {}, logTo)
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
    expect(failures()).toEqual([
      { code: 'partner_unavailable', reason: 'AssureSign login refused' },
    ])
  } finally {
    await fresh.close()
  }
})

test("a hung Aimbase login does not hold up another person's AssureSign hand-off", async () => {
  const fresh = await startTestBff(sandbox, { SSO_BFF_UPSTREAM_TIMEOUT_MS: '2000' }, logTo)
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
    expect(failures()).toEqual([{ code: 'upstream_timeout', reason: 'Aimbase login timed out' }])
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
  expect(failures()).toEqual([
    { code: 'partner_unavailable', reason: "Aimbase refused the BFF's token twice" },
  ])
})

test('AssureSign answering 401 to the BFF token once is renewed the same way', async () => {
  sandbox.control.addFault({
    party: 'assuresign',
    path: '/authentication/sso',
    status: 401,
    body: '',
    times: 1,
  })
  const answer = await as(ALICE).post(ASSURESIGN_SSO, {})
  expect(answer.status).toBe(200)
  expect(calls('assuresign', '/authentication/sso')).toBe(2)
  expect(calls('assuresign', '/apiUserAuthentication')).toBe(1)
})

test('each person gets an AssureSign login of their own, kept for their next hand-off', async () => {
  const fresh = await startTestBff(sandbox)
  try {
    const alice = new AppBrowser(fresh)
    const carol = new AppBrowser(fresh)
    await signIn(alice, ALICE)
    await signIn(carol, CAROL)
    expect((await alice.post(ASSURESIGN_SSO, {})).status).toBe(200)
    expect((await carol.post(ASSURESIGN_SSO, {})).status).toBe(200)
    expect((await alice.post(ASSURESIGN_SSO, {})).status).toBe(200)
    expect(calls('assuresign', '/apiUserAuthentication')).toBe(2)
    expect(calls('assuresign', '/authentication/sso')).toBe(3)
  } finally {
    await fresh.close()
  }
})

test('an AssureSign login answer without a token is a plain 502', async () => {
  const fresh = await startTestBff(sandbox, {}, logTo)
  try {
    const browser = new AppBrowser(fresh)
    await signIn(browser, ALICE)
    sandbox.control.addFault({
      party: 'assuresign',
      path: '/apiUserAuthentication',
      status: 200,
      body: '{"result":{}}',
      times: 1,
    })
    const answer = await browser.post(ASSURESIGN_SSO, {})
    expect(answer.status).toBe(502)
    expect(await answer.json()).toMatchObject({ error: 'partner_unavailable' })
    expect(failures()).toEqual([
      { code: 'partner_unavailable', reason: 'AssureSign login malformed' },
    ])
    expect(calls('assuresign', '/authentication/sso')).toBe(0)
  } finally {
    await fresh.close()
  }
})

test('ABC not answering in time is 504 upstream_timeout, logged as ABC', async () => {
  const fresh = await startTestBff(sandbox, { SSO_BFF_UPSTREAM_TIMEOUT_MS: '500' }, logTo)
  try {
    const browser = new AppBrowser(fresh)
    await signIn(browser, ALICE)
    sandbox.control.addFault({
      party: 'abc',
      path: '/generate-sso-token',
      delayMs: 30_000,
      times: 1,
    })
    const answer = await browser.post(
      GENERATE,
      { LOBId: 'ABSLI', Functionality: 'POL' },
      { 'x-api-version': '1.0.0' },
    )
    expect(answer.status).toBe(504)
    expect(await answer.json()).toMatchObject({ error: 'upstream_timeout' })
    expect(failures()).toEqual([{ code: 'upstream_timeout', reason: 'ABC: no answer in time' }])
  } finally {
    await fresh.close()
  }
})

test('ABC unreachable is 502 partner_unavailable, logged as ABC', async () => {
  const nowhere = `http://127.0.0.1:${await freePort()}`
  const fresh = await startTestBff(sandbox, { SSO_BFF_ABC_URL: nowhere }, logTo)
  try {
    const browser = new AppBrowser(fresh)
    await signIn(browser, ALICE)
    const answer = await browser.post(
      GENERATE,
      { LOBId: 'ABSLI', Functionality: 'POL' },
      { 'x-api-version': '1.0.0' },
    )
    expect(answer.status).toBe(502)
    expect(await answer.json()).toMatchObject({ error: 'partner_unavailable' })
    expect(failures()).toEqual([{ code: 'partner_unavailable', reason: 'ABC: unreachable' }])
  } finally {
    await fresh.close()
  }
})

test('a session without a CII number may not use ABC: 403 before any ABC call', async () => {
  // An Indee stand-in signs in someone with the abc permission whose token carries no cii_no.
  const answers: Record<string, CannedAnswer> = {}
  const indee = await startRecordingUpstream(answers)
  const { publicKey, privateKey } = await generateKeyPair('RS256')
  const fresh = await startTestBff(
    sandbox,
    { SSO_BFF_INDEE_URL: indee.url },
    { tokenKeys: () => Promise.resolve(publicKey) },
  )
  try {
    const token = await new SignJWT({ email: 'dora@example.com', permissions: ['abc'] })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(fresh.config.indee.tokenIssuer)
      .setAudience(fresh.config.indee.tokenAudience)
      .setSubject('dora')
      .setExpirationTime('10m')
      .sign(privateKey)
    const ok = { status_code: 'A0000', status_message: 'success' }
    answers['/sso/initiate'] = {
      body: JSON.stringify({ ...ok, state: 'dora-state', nonce: 'dora-nonce', redirect: 'x' }),
    }
    answers['/sso/login'] = {
      body: JSON.stringify({ ...ok, token, refresh_token: 'dora-refresh-token' }),
    }
    const dora = new AppBrowser(fresh)
    expect((await dora.post('/api/sso/initiate', { email: 'dora@example.com' })).status).toBe(200)
    const login = await dora.post('/api/sso/login', {
      state: 'dora-state',
      nonce: 'dora-nonce',
      email: 'dora@example.com',
      code: 'dora-code',
    })
    expect(await login.json()).toMatchObject({ permissions: ['abc'] })
    const answer = await dora.post(
      GENERATE,
      { LOBId: 'ABSLI', Functionality: 'POL' },
      { 'x-api-version': '1.0.0' },
    )
    expect(answer.status).toBe(403)
    expect(await answer.json()).toEqual({ message: 'The signed-in user may not use ABC.' })
    expect(sandbox.control.log('abc')).toEqual([])
  } finally {
    await fresh.close()
    await indee.close()
  }
})
