// What the partners share, through a BFF against the sandbox's emulators: the session a hand-off
// needs, the vendors refusing the BFF's credentials or token, and one partner's hung call not
// holding up another's. Each partner's own tests are next to it (partners/<name>.test.ts).
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import type { RunningSandbox } from '../../../../sandbox/start-sandbox.ts'
import { USERS, type SandboxUser } from '../../../../sandbox/users.ts'
import {
  AppBrowser,
  signIn,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from '../testing/bff-sandbox.ts'

const [ALICE, , CAROL] = USERS as [SandboxUser, SandboxUser, SandboxUser]
const ALICES_ACCOUNT = ALICE.aimbaseAccounts[0] ?? ''
const ASSURESIGN_SSO = '/api/assuresign/authentication/sso'
const SIGN_ON = '/api/aimbase/Security/SignOnAccount'

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
  for (const user of [ALICE]) {
    const browser = new AppBrowser(bff)
    expect((await signIn(browser, user)).status).toBe(200)
    browsers.set(user.email, browser)
  }
  // A hand-off first, so that this BFF holds an Aimbase token for the vendors to refuse.
  expect((await as(ALICE).post(SIGN_ON, { AccountUid: ALICES_ACCOUNT })).status).toBe(200)
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
