// ABC through a BFF: against the sandbox's emulator, and what the BFF sends ABC, seen by a
// recording stand-in (the emulator accepts more than ABC documents, and logs only paths).
// Sign-in is the sandbox's, but for a stand-in Indee where a test needs a token of its own.
import { generateKeyPair, SignJWT } from 'jose'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { USERS, type SandboxUser } from '../../../../sandbox/users.ts'
import { AppBrowser, freePort, signIn, startTestBff } from '../testing/bff-sandbox.ts'
import { startPartnerBench, type RecordedPartnerBench } from '../testing/partner-bench.ts'
import { startRecordingUpstream, type CannedAnswer } from '../testing/recording-upstream.ts'

const [ALICE, BOB] = USERS as [SandboxUser, SandboxUser]
const GENERATE = '/api/abc/cmnsrv/user/generate-sso-token'
const JWT = /^[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}$/

let bench: RecordedPartnerBench
beforeAll(async () => {
  bench = await startPartnerBench({
    users: [ALICE, BOB],
    recorded: {
      variable: 'SSO_BFF_ABC_URL',
      answers: {
        '/generate-sso-token': { body: '{"ReturnCode":"1","TokenNo":"t","TokenRefNo":"r"}' },
      },
    },
  })
})
afterAll(() => bench.close())
beforeEach(() => bench.reset())

test("bob may not use ABC: the BFF's own handoff_not_permitted before any ABC call", async () => {
  const answer = await bench
    .as(BOB)
    .post(GENERATE, { LOBId: 'ABSLI', Functionality: 'POL' }, { 'x-api-version': '1.0.0' })
  expect(answer.status).toBe(403)
  expect(answer.headers.get('sso-bridge-error')).toBe('handoff_not_permitted')
  expect(await answer.json()).toMatchObject({ error: 'handoff_not_permitted' })
  expect(bench.sandbox.control.log('abc')).toEqual([])
})

test("ABC gets alice's own CII number and her session token, which the browser never had", async () => {
  const answer = await bench
    .as(ALICE)
    .post(GENERATE, { LOBId: 'ABSLI', Functionality: 'POL' }, { 'x-api-version': '1.0.0' })
  expect(answer.status).toBe(200)
  expect(await answer.json()).toMatchObject({ ReturnCode: '1' })
})

test('a CII number sent by the browser is refused, not passed on', async () => {
  const answer = await bench
    .as(ALICE)
    .post(
      GENERATE,
      { CIINo: BOB.ciiNo, LOBId: 'ABSLI', Functionality: 'POL' },
      { 'x-api-version': '1.0.0' },
    )
  expect(answer.status).toBe(400)
  expect(bench.calls('abc', '/generate-sso-token')).toBe(0)
})

test("ABC's 401 in the BFF's words is wrapped, never the BFF's own 401 session_expired", async () => {
  const vendorBody = '{"error":"session_expired","message":"The session has ended."}'
  bench.sandbox.control.addFault({
    party: 'abc',
    path: '/generate-sso-token',
    status: 401,
    body: vendorBody,
    times: 1,
  })
  const answer = await bench
    .as(ALICE)
    .post(GENERATE, { LOBId: 'ABSLI', Functionality: 'POL' }, { 'x-api-version': '1.0.0' })
  expect(answer.status).toBe(502)
  expect(await answer.json()).toEqual({
    error: 'partner_refused',
    message: 'The partner service refused the request; its answer is in "vendor".',
    partner: 'abc',
    vendor: { status: 401, contentType: 'application/json; charset=utf-8', body: vendorBody },
  })
  // The person is still signed in: only the BFF's own 401 says otherwise.
  expect((await bench.as(ALICE).get('/api/session')).status).toBe(200)
})

test("ABC's own error answers reach the app wrapped, whatever their status", async () => {
  const answer = await bench
    .as(ALICE)
    .post(GENERATE, { LOBId: 'ABSLI', Functionality: 'POL' }, { 'x-api-version': '0.9.0' })
  expect(answer.status).toBe(502)
  expect(await answer.json()).toMatchObject({
    error: 'partner_refused',
    vendor: {
      status: 400,
      body: '{"message":"Unsupported x-api-version: 0.9.0 (expected 1.0.0)"}',
    },
  })
})

test('ABC not answering in time is 504 upstream_timeout, logged as ABC', async () => {
  const fresh = await bench.startBff({ SSO_BFF_UPSTREAM_TIMEOUT_MS: '500' })
  try {
    const browser = new AppBrowser(fresh)
    await signIn(browser, ALICE)
    bench.sandbox.control.addFault({
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
    expect(bench.failures()).toEqual([
      { code: 'upstream_timeout', reason: 'ABC: no answer in time' },
    ])
  } finally {
    await fresh.close()
  }
})

test('ABC unreachable is 502 partner_unavailable, logged as ABC', async () => {
  const nowhere = `http://127.0.0.1:${await freePort()}`
  const fresh = await bench.startBff({ SSO_BFF_ABC_URL: nowhere })
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
    expect(bench.failures()).toEqual([{ code: 'partner_unavailable', reason: 'ABC: unreachable' }])
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
    bench.sandbox,
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
    expect(await answer.json()).toMatchObject({ error: 'handoff_not_permitted' })
    expect(bench.sandbox.control.log('abc')).toEqual([])
  } finally {
    await fresh.close()
    await indee.close()
  }
})

test('ABC is asked for JSON with the session token, the client id and her own CII number', async () => {
  const before = bench.recorder.requests('/generate-sso-token').length
  const answer = await bench.recordedAlice.post(
    GENERATE,
    { LOBId: 'ABSLI', Functionality: 'POL' },
    { 'x-api-version': '1.0.0' },
  )
  expect(answer.status).toBe(200)
  const [sent] = bench.recorder.requests('/generate-sso-token').slice(before)
  expect(sent?.headers).toMatchObject({
    'content-type': 'application/json',
    accept: 'application/json',
    'x-api-version': '1.0.0',
    'x-lob-client-id': bench.settingsOf('abc').CLIENT_ID,
  })
  expect(sent?.headers.authorization).toMatch(JWT)
  expect(JSON.parse(sent?.body ?? '')).toEqual({
    CIINo: ALICE.ciiNo,
    LOBId: 'ABSLI',
    Functionality: 'POL',
  })
})

test('without an x-api-version from the browser, ABC gets none either', async () => {
  const before = bench.recorder.requests('/generate-sso-token').length
  await bench.recordedAlice.post(GENERATE, { LOBId: 'ABSLI', Functionality: 'POL' })
  const [sent] = bench.recorder.requests('/generate-sso-token').slice(before)
  expect(sent).toBeDefined()
  expect(sent?.headers).not.toHaveProperty('x-api-version')
})
