// ABC through a BFF: against the sandbox's emulator, and what the BFF sends ABC, seen by a
// recording stand-in (the emulator accepts more than ABC documents, and logs only paths).
// Sign-in is the sandbox's, but for a stand-in Indee where a test needs a token of its own.
import { generateKeyPair, SignJWT } from 'jose'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import type { RunningSandbox } from '../../../../sandbox/start-sandbox.ts'
import { USERS, type SandboxUser } from '../../../../sandbox/users.ts'
import type { PartnerSettings } from '../config.ts'
import {
  AppBrowser,
  freePort,
  signIn,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from '../testing/bff-sandbox.ts'
import {
  startRecordingUpstream,
  type CannedAnswer,
  type RecordingUpstream,
} from '../testing/recording-upstream.ts'

const [ALICE, BOB] = USERS as [SandboxUser, SandboxUser]
const GENERATE = '/api/abc/cmnsrv/user/generate-sso-token'
const JWT = /^[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}$/

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

/** A recording stand-in for ABC, and a BFF that calls it, with alice signed in there. */
let recorder: RecordingUpstream
let recordedBff: RunningBff
let recordedAlice: AppBrowser

beforeAll(async () => {
  sandbox = await startTestSandbox()
  bff = await startTestBff(sandbox, {}, logTo)
  for (const user of [ALICE, BOB]) {
    const browser = new AppBrowser(bff)
    expect((await signIn(browser, user)).status).toBe(200)
    browsers.set(user.email, browser)
  }
  recorder = await startRecordingUpstream({
    '/generate-sso-token': { body: '{"ReturnCode":"1","TokenNo":"t","TokenRefNo":"r"}' },
  })
  recordedBff = await startTestBff(sandbox, { SSO_BFF_ABC_URL: recorder.url })
  recordedAlice = new AppBrowser(recordedBff)
  expect((await signIn(recordedAlice, ALICE)).status).toBe(200)
})
afterAll(async () => {
  await recordedBff.close()
  await recorder.close()
  await bff.close()
  await sandbox.close()
})
beforeEach(() => {
  sandbox.control.reset()
  lines = []
})

const calls = (party: 'assuresign' | 'aimbase' | 'abc', suffix: string) =>
  sandbox.control.log(party).filter((r) => r.path.endsWith(suffix)).length

/** A partner's settings as the recording BFF read them (the sandbox configures every partner). */
function settingsOf<Name extends keyof PartnerSettings>(name: Name) {
  return recordedBff.config.partners[name] ?? expect.fail(`${name} is not configured`)
}

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

test('ABC is asked for JSON with the session token, the client id and her own CII number', async () => {
  const before = recorder.requests('/generate-sso-token').length
  const answer = await recordedAlice.post(
    GENERATE,
    { LOBId: 'ABSLI', Functionality: 'POL' },
    { 'x-api-version': '1.0.0' },
  )
  expect(answer.status).toBe(200)
  const [sent] = recorder.requests('/generate-sso-token').slice(before)
  expect(sent?.headers).toMatchObject({
    'content-type': 'application/json',
    accept: 'application/json',
    'x-api-version': '1.0.0',
    'x-lob-client-id': settingsOf('abc').CLIENT_ID,
  })
  expect(sent?.headers.authorization).toMatch(JWT)
  expect(JSON.parse(sent?.body ?? '')).toEqual({
    CIINo: ALICE.ciiNo,
    LOBId: 'ABSLI',
    Functionality: 'POL',
  })
})

test('without an x-api-version from the browser, ABC gets none either', async () => {
  const before = recorder.requests('/generate-sso-token').length
  await recordedAlice.post(GENERATE, { LOBId: 'ABSLI', Functionality: 'POL' })
  const [sent] = recorder.requests('/generate-sso-token').slice(before)
  expect(sent).toBeDefined()
  expect(sent?.headers).not.toHaveProperty('x-api-version')
})
