// AssureSign through a BFF: against the sandbox's emulator, and what the BFF sends AssureSign, seen
// by a recording stand-in (the emulator accepts more than AssureSign documents, and logs only
// paths). Sign-in is the sandbox's.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import type { RunningSandbox } from '../../../../sandbox/start-sandbox.ts'
import { USERS, type SandboxUser } from '../../../../sandbox/users.ts'
import type { PartnerSettings } from '../config.ts'
import {
  AppBrowser,
  signIn,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from '../testing/bff-sandbox.ts'
import { startRecordingUpstream, type RecordingUpstream } from '../testing/recording-upstream.ts'

const [ALICE, BOB, CAROL] = USERS as [SandboxUser, SandboxUser, SandboxUser]
const ASSURESIGN_SSO = '/api/assuresign/authentication/sso'

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

/** A recording stand-in for AssureSign, and a BFF that calls it, with alice signed in there. */
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
    '/apiUserAuthentication': { body: '{"result":{"token":"assuresign-session-token"}}' },
    '/authentication/sso': { body: '{"result":{"ssoToken":"assuresign-sso-token"}}' },
  })
  recordedBff = await startTestBff(sandbox, { SSO_BFF_ASSURESIGN_URL: recorder.url })
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

test("alice's AssureSign hand-off needs only her cookie: the BFF logs in and asks for the ssoToken", async () => {
  const answer = await as(ALICE).post(ASSURESIGN_SSO, {})
  expect(answer.status).toBe(200)
  const body = (await answer.json()) as { result: { ssoToken: string } }
  expect(body.result.ssoToken.length).toBeGreaterThan(20)
  expect(answer.headers.getSetCookie()).toEqual([])
  expect(calls('assuresign', '/authentication/sso')).toBe(1)
})

test('bob may not use AssureSign: FORBIDDEN before any AssureSign call', async () => {
  const answer = await as(BOB).post(ASSURESIGN_SSO, {})
  expect(answer.status).toBe(403)
  expect(await answer.json()).toMatchObject({ errorCode: 'FORBIDDEN' })
  expect(sandbox.control.log('assuresign')).toEqual([])
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

test("the BFF logs in at AssureSign in the person's name, then asks for the ssoToken with it", async () => {
  const answer = await recordedAlice.post('/api/assuresign/authentication/sso', {})
  expect(answer.status).toBe(200)
  expect(await answer.json()).toEqual({ result: { ssoToken: 'assuresign-sso-token' } })
  const [login] = recorder.requests('/apiUserAuthentication')
  expect(JSON.parse(login?.body ?? '')).toEqual({
    request: {
      apiUsername: settingsOf('assuresign').API_USERNAME,
      key: settingsOf('assuresign').API_KEY,
      contextUsername: 'alice@example.com',
      sessionLengthInMinutes: 30,
    },
  })
  const [sso] = recorder.requests('/authentication/sso')
  expect(sso?.headers).toMatchObject({
    accept: 'application/json',
    authorization: 'bearer assuresign-session-token',
  })
  expect(sso?.body).toBe('')
})
