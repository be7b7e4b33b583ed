import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import type { RunningParties } from '../../../../sandbox/start-parties.ts'
import { USERS, type SandboxUser } from '../../../../sandbox/users.ts'
import {
  AppBrowser,
  reachCallback,
  loginBody,
  signIn,
  startTestBff,
  unboundLogin,
  startTestSandbox,
  type RunningBff,
} from '../testing/bff-sandbox.ts'

const ALICE: SandboxUser = USERS[0] ?? expect.fail('no alice')
const JWT = /[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/
const SIGNIN_SECRET = 'audit-test-sign-in-secret-of-32-characters-or-more'
const USER_AGENT = 'Mozilla/5.0 (audit test) '.padEnd(400, 'x')

interface Line {
  readonly [field: string]: unknown
  readonly msg: string
  readonly requestId?: string
  readonly audit?: string
}

let sandbox: RunningParties
let bff: RunningBff
let lines: string[]

beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(async () => {
  await sandbox.close()
})
beforeEach(async () => {
  sandbox.control.reset()
  lines = []
  bff = await startBff()
})
afterEach(async () => {
  await bff.close()
})

function startBff(overrides: Readonly<Record<string, string>> = {}) {
  return startTestBff(
    sandbox,
    {
      // Audit events are written whatever the log level says.
      SSO_BFF_LOG_LEVEL: 'warn',
      SSO_BFF_SIGNIN_SECRET: SIGNIN_SECRET,
      SSO_BFF_RATE_LIMIT_PER_MINUTE: '3',
      ...overrides,
    },
    {
      logger: true,
      logStream: { write: (line) => lines.push(line) },
      // The BFF on the sandbox's clock, so a test can move both past a timeout.
      now: () => sandbox.control.now(),
    },
  )
}

const parsed = () => lines.map((line) => JSON.parse(line) as Line)
const events = () => parsed().filter((line) => line.audit !== undefined)

class AuditedBrowser extends AppBrowser {
  override fetch(url: string | URL, init: RequestInit = {}) {
    return super.fetch(url, {
      ...init,
      headers: { 'user-agent': USER_AGENT, ...(init.headers as Record<string, string>) },
    })
  }
}

test('a sign-in, a hand-off and a sign-out are one event each, with subject, client, user agent and the request id of the answer', async () => {
  const browser = new AuditedBrowser(bff)
  const login = await signIn(browser, ALICE)
  expect(login.status).toBe(200)
  const handoff = await browser.post('/api/aimbase/Security/SignOnAccount', {
    AccountUid: 'not-an-account',
    Format: 'json',
  })
  const signOut = await browser.post('/api/session/sign-out', {})
  expect(signOut.status).toBe(204)

  const [signedIn, handedOff, signedOut, ...rest] = events()
  expect(rest).toEqual([])
  expect(signedIn).toMatchObject({ audit: 'sign_in', outcome: 'succeeded', msg: 'audit sign_in' })
  expect(handedOff).toMatchObject({ audit: 'handoff', partner: 'aimbase' })
  expect(signedOut).toMatchObject({ audit: 'sign_out' })
  expect(signedIn?.requestId).toBe(login.headers.get('x-request-id'))
  expect(handedOff?.requestId).toBe(handoff.headers.get('x-request-id'))
  expect(signedOut?.requestId).toBe(signOut.headers.get('x-request-id'))
  for (const event of [signedIn, handedOff, signedOut]) {
    expect(event?.subject).toMatch(/^ps_[\w-]{22}$/)
    expect(event?.subject).toBe(signedIn?.subject)
    expect(event?.client).toBe('127.0.0.1')
    expect(event?.userAgent).toBe(USER_AGENT.slice(0, 200))
    expect(typeof event?.time).toBe('number')
  }
})

test('the request id of an event is the one of its log lines', async () => {
  await bff.close()
  bff = await startBff({ SSO_BFF_LOG_LEVEL: 'info' })
  const browser = new AuditedBrowser(bff)
  const refused = await unboundLogin(browser, ALICE.email)
  const id = refused.headers.get('x-request-id') ?? expect.fail('no X-Request-Id')
  expect(id).toMatch(/^[\da-f-]{36}$/)
  const [event] = events()
  expect(event).toMatchObject({
    audit: 'sign_in',
    outcome: 'failed',
    code: 'sign_in_not_bound',
    requestId: id,
  })
  const ofRequest = parsed().filter((line) => line.requestId === id && line.audit === undefined)
  expect(ofRequest.map((line) => line.msg)).toEqual(['incoming request', 'request completed'])
})

test('a rate-limit hit is its own event, not a failed sign-in', async () => {
  const browser = new AuditedBrowser(bff)
  for (let i = 0; i < 4; i += 1) await browser.post('/api/sso/initiate', { email: ALICE.email })
  expect(events()).toEqual([
    expect.objectContaining({ audit: 'rate_limited', route: '/api/sso/initiate' }),
  ])
})

test('the subject is the same person on another instance with the same secret, and an email only when configured', async () => {
  const browser = new AuditedBrowser(bff)
  expect((await signIn(browser, ALICE)).status).toBe(200)
  const here = events()[0]?.subject
  await bff.close()

  lines = []
  bff = await startBff()
  expect((await signIn(new AuditedBrowser(bff), ALICE)).status).toBe(200)
  expect(events()[0]?.subject).toBe(here)

  await bff.close()
  lines = []
  bff = await startBff({ SSO_BFF_AUDIT_SUBJECT: 'email' })
  expect((await signIn(new AuditedBrowser(bff), ALICE)).status).toBe(200)
  expect(events()[0]?.subject).toBe(ALICE.email)

  await bff.close()
  lines = []
  bff = await startBff({ SSO_BFF_AUDIT: 'false' })
  expect((await signIn(new AuditedBrowser(bff), ALICE)).status).toBe(200)
  expect(events()).toEqual([])
})

test('no event carries a token, a code, a cookie, a secret or the email', async () => {
  const browser = new AuditedBrowser(bff)
  const start = await reachCallback(browser, ALICE)
  const body = loginBody(start, ALICE.email)
  expect((await browser.post('/api/sso/login', body)).status).toBe(200)
  const cookies = browser.cookieHeader(`${bff.url}/api/session`) ?? expect.fail('no session cookie')
  await browser.post('/api/assuresign/authentication/sso', {})
  // The same code again: Indee refuses it, a failed sign-in.
  await browser.post('/api/sso/login', body)
  await browser.post('/api/session/sign-out', {})

  const audit = events().map((event) => JSON.stringify(event))
  expect(audit.length).toBeGreaterThanOrEqual(4)
  for (const text of audit) {
    expect(text).not.toMatch(JWT)
    expect(text).not.toContain(body.code)
    expect(text).not.toContain(body.state)
    expect(text).not.toContain(ALICE.email)
    expect(text).not.toContain(SIGNIN_SECRET)
    expect(text).not.toContain(bff.config.indee.apiKey)
    for (const cookie of cookies.split('; ')) expect(text).not.toContain(cookie.split('=')[1])
  }
})

test('a failed refresh and the end of an idle session are events of their own', async () => {
  const browser = new AuditedBrowser(bff)
  expect((await signIn(browser, ALICE)).status).toBe(200)
  // The 15-minute token is due for renewal and still valid; Indee fails the refresh.
  sandbox.control.advanceClock(15 * 60_000 - 30_000)
  sandbox.control.addFault({ party: 'indee', path: '/refresh', status: 503, times: 1 })
  const carriedOn = await browser.get('/api/session')
  expect(carriedOn.status).toBe(200)
  // Nobody uses the session for the idle timeout (30 minutes).
  sandbox.control.advanceClock(31 * 60_000)
  const ended = await browser.get('/api/session')
  expect(ended.status).toBe(401)

  const [, refreshFailed, expired, ...rest] = events()
  expect(rest).toEqual([])
  expect(refreshFailed).toMatchObject({
    audit: 'refresh_failed',
    reason: 'unavailable',
    requestId: carriedOn.headers.get('x-request-id'),
  })
  expect(expired).toMatchObject({
    audit: 'session_expired',
    reason: 'idle',
    requestId: ended.headers.get('x-request-id'),
  })
  expect(expired?.subject).toBe(events()[0]?.subject)
})
