import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import type { RunningParties } from '../../../../sandbox/start-parties.ts'
import { USERS, type SandboxUser } from '../../../../sandbox/users.ts'
import { createMemorySessionStore } from '../session/memory-session-store.ts'
import { SessionStoreUnavailable } from '../session/session-store.ts'
import {
  APP_ORIGIN,
  AppBrowser,
  loginBody,
  reachCallback,
  signIn,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from '../testing/bff-sandbox.ts'
import { startRecordingUpstream } from '../testing/recording-upstream.ts'

const ALICE: SandboxUser = USERS[0] ?? expect.fail('no alice')
const JWT = /[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/
const ASSURESIGN_SSO = '/api/assuresign/authentication/sso'

interface LogLine {
  readonly level: number
  readonly msg: string
  readonly code?: string
  readonly reason?: string
  readonly err?: { readonly message?: string }
}
const WARN = 40

let sandbox: RunningParties
/** A BFF of this test's own (its routes are registered while the test runs), logging warnings. */
let bff: RunningBff
let lines: string[]
const extra: { close(): Promise<void> }[] = []

beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(async () => {
  await sandbox.close()
})
beforeEach(async () => {
  sandbox.control.reset()
  lines = []
  bff = await startTestBff(
    sandbox,
    {},
    { logger: true, logStream: { write: (l) => lines.push(l) } },
  )
})
afterEach(async () => {
  await bff.close()
  for (const closable of extra.splice(0)) await closable.close()
})

const logins = () => sandbox.control.log('indee').filter((r) => r.path.endsWith('/sso/login'))
const logouts = () => sandbox.control.log('indee').filter((r) => r.path.endsWith('/logout'))
const logged = (msg: string) =>
  lines.map((line) => JSON.parse(line) as LogLine).filter((line) => line.msg === msg)
const failLogouts = (times: number) => {
  sandbox.control.addFault({ party: 'indee', path: '/logout', status: 500, body: '', times })
}
const sessionCookieOf = (answer: Response) =>
  answer.headers.getSetCookie().find((c) => c.startsWith('sso_session='))

/** POST with the app's Origin and exactly this Cookie header. */
const postWithCookie = (path: string, cookie: string, body: unknown) =>
  fetch(`${bff.url}${path}`, {
    method: 'POST',
    headers: { cookie, origin: APP_ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

/** The Cookie header of a session that has since been signed out (a copy taken before). */
async function endedSessionCookie(): Promise<string> {
  const browser = new AppBrowser(bff)
  await signIn(browser, ALICE)
  const cookie = browser.cookieHeader(bff.url) ?? expect.fail('no cookie')
  expect((await browser.post('/api/session/sign-out', {})).status).toBe(204)
  return cookie
}

test('sign-in sets one HttpOnly SameSite=Strict session cookie and answers no token', async () => {
  const browser = new AppBrowser(bff)
  const answer = await signIn(browser, ALICE)
  expect(answer.status).toBe(200)
  const text = await answer.text()
  expect(text).not.toMatch(JWT)
  expect(JSON.parse(text)).toEqual({
    email: ALICE.email,
    permissions: ALICE.permissions,
    ciiNo: ALICE.ciiNo,
    expiresAt: expect.any(Number) as number,
    idleTimeoutSeconds: 1800,
  })
  const session = sessionCookieOf(answer)
  expect(session).toMatch(/; HttpOnly/)
  expect(session).toMatch(/; SameSite=Strict/)
  expect(session).toMatch(/; Path=\//)
  expect(session).not.toMatch(/Domain=/)
  // The sandbox is plain http on 127.0.0.1: no Secure, so no __Host- prefix either.
  expect(session).not.toMatch(/Secure/)
})

test('a finished sign-in leaves the browser no sign-in cookie', async () => {
  const browser = new AppBrowser(bff)
  await reachCallback(browser, ALICE).then((start) => {
    expect(browser.cookieNames()).toContain('sso_signin')
    return browser.post('/api/sso/login', loginBody(start, ALICE.email))
  })
  expect(browser.cookieNames()).toContain('sso_session')
  expect(browser.cookieNames()).not.toContain('sso_signin')
})

test('finishing the sign-in of one tab leaves the sign-in another tab started bound', async () => {
  const browser = new AppBrowser(bff)
  const other = await browser.post('/api/sso/initiate', { email: ALICE.email })
  const { state, nonce } = (await other.json()) as Record<string, string>
  const start = await reachCallback(browser, ALICE)
  expect((await browser.post('/api/sso/login', loginBody(start, ALICE.email))).status).toBe(200)
  expect(browser.cookieNames()).toContain('sso_signin')
  // The other tab's callback still reaches Indee (which refuses this made-up code).
  const late = await browser.post('/api/sso/login', {
    state,
    nonce,
    email: ALICE.email,
    code: 'not-the-code-the-provider-sent',
  })
  expect(await late.json()).toMatchObject({ error: 'login_failed' })
  expect(late.status).toBe(401)
  expect(logins()).toHaveLength(2)
})

test('an initiate body that is not a lone email is 400 invalid_request, and Indee is not asked', async () => {
  const browser = new AppBrowser(bff)
  for (const body of [{ email: 'not-an-email' }, { email: ALICE.email, extra: 1 }, []]) {
    const answer = await browser.post('/api/sso/initiate', body)
    expect(answer.status).toBe(400)
    expect(await answer.json()).toMatchObject({ error: 'invalid_request' })
  }
  expect(sandbox.control.log('indee')).toEqual([])
})

test('sso/initiate without an Origin (same-origin by Sec-Fetch-Site) is 403 forbidden', async () => {
  const answer = await fetch(`${bff.url}/api/sso/initiate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ email: ALICE.email }),
  })
  expect(answer.status).toBe(403)
  expect(await answer.json()).toMatchObject({ error: 'forbidden' })
  expect(answer.headers.getSetCookie()).toEqual([])
  expect(sandbox.control.log('indee')).toEqual([])
})

test('GET /api/session knows the person in a second request, and no one without the cookie', async () => {
  const browser = new AppBrowser(bff)
  await signIn(browser, ALICE)
  const session = await browser.get('/api/session')
  expect(session.status).toBe(200)
  expect(await session.json()).toMatchObject({ email: ALICE.email })
  const stranger = await new AppBrowser(bff).get('/api/session')
  expect(stranger.status).toBe(401)
  expect(await stranger.json()).toMatchObject({ error: 'signed_out' })
  // Nothing to clear for a browser that has no cookie.
  expect(stranger.headers.getSetCookie()).toEqual([])
})

test('GET /api/session with the cookie of an ended session is session_expired and clears it', async () => {
  const cookie = await endedSessionCookie()
  const answer = await fetch(`${bff.url}/api/session`, { headers: { cookie } })
  expect(answer.status).toBe(401)
  expect(await answer.json()).toMatchObject({ error: 'session_expired' })
  expect(sessionCookieOf(answer)).toMatch(/^sso_session=;/)
})

test('sign-out ends the session at once: a copy of the cookie taken before opens nothing', async () => {
  const browser = new AppBrowser(bff)
  await signIn(browser, ALICE)
  const copy = new AppBrowser(bff)
  const cookie = browser.cookieHeader(bff.url) ?? expect.fail('no cookie')
  const signedOut = await browser.post('/api/session/sign-out', {})
  expect(signedOut.status).toBe(204)
  expect(signedOut.headers.getSetCookie().join()).toMatch(/sso_session=;/)
  expect(browser.cookieNames()).not.toContain('sso_session')
  const replayed = await copy.fetch(`${bff.url}${ASSURESIGN_SSO}`, {
    method: 'POST',
    headers: { cookie, origin: APP_ORIGIN, 'content-type': 'application/json' },
    body: '{}',
  })
  expect(replayed.status).toBe(401)
  expect(await replayed.json()).toMatchObject({ error: 'session_expired' })
  // A partner route clears the ended session's cookie too.
  expect(sessionCookieOf(replayed)).toMatch(/^sso_session=;/)
  await expect.poll(() => logouts().length).toBe(1)
  expect(sandbox.control.log('assuresign')).toEqual([])
})

test('a partner route without any session cookie is signed_out and sets no cookie', async () => {
  const answer = await new AppBrowser(bff).post(ASSURESIGN_SSO, {})
  expect(answer.status).toBe(401)
  expect(await answer.json()).toMatchObject({ error: 'signed_out' })
  expect(answer.headers.getSetCookie()).toEqual([])
})

test('a code and state replayed from another browser are refused before Indee is asked', async () => {
  const victim = new AppBrowser(bff)
  const start = await reachCallback(victim, ALICE)
  const attacker = new AppBrowser(bff)
  const answer = await attacker.post('/api/sso/login', loginBody(start, ALICE.email))
  expect(answer.status).toBe(403)
  expect(await answer.json()).toMatchObject({ error: 'sign_in_not_bound' })
  expect(answer.headers.getSetCookie().some((c) => c.startsWith('sso_session='))).toBe(false)
  expect(logins()).toEqual([])
  // The browser that started it still can.
  const own = await victim.post('/api/sso/login', loginBody(start, ALICE.email))
  expect(own.status).toBe(200)
})

test('a login answer whose token does not verify is 502 backend_unavailable, logged, no session', async () => {
  const browser = new AppBrowser(bff)
  const start = await reachCallback(browser, ALICE)
  sandbox.control.addFault({
    party: 'indee',
    path: '/sso/login',
    status: 200,
    body: JSON.stringify({
      status_code: 'A0000',
      status_message: 'success',
      token: 'not-a-session-token',
      refresh_token: 'some-refresh-token',
    }),
    times: 1,
  })
  const answer = await browser.post('/api/sso/login', loginBody(start, ALICE.email))
  expect(answer.status).toBe(502)
  expect(await answer.json()).toMatchObject({ error: 'backend_unavailable' })
  expect(sessionCookieOf(answer)).toBeUndefined()
  expect(logged('upstream failure')).toMatchObject([
    {
      level: WARN,
      code: 'backend_unavailable',
      reason: 'sso/login answered a token that does not verify',
    },
  ])
})

test('signing in again ends the earlier session; Indee refusing its logout twice is a warning', async () => {
  const earlier = new AppBrowser(bff)
  await signIn(earlier, ALICE)
  const sessionCookie = earlier.cookieHeader(bff.url) ?? expect.fail('no cookie')
  const next = new AppBrowser(bff)
  const start = await reachCallback(next, ALICE)
  failLogouts(2)
  // The callback arrives in the browser that has the earlier session.
  const cookie = `${sessionCookie}; ${next.cookieHeader(bff.url) ?? ''}`
  const answer = await postWithCookie('/api/sso/login', cookie, loginBody(start, ALICE.email))
  expect(answer.status).toBe(200)
  expect((await earlier.get('/api/session')).status).toBe(401)
  await expect.poll(() => logged('indee logout failed')).toHaveLength(1)
  expect(logged('indee logout failed')[0]).toMatchObject({
    level: WARN,
    err: { message: expect.stringContaining('indee logout') as string },
  })
  expect(logouts()).toHaveLength(2)
})

test('a session store failing at sign-in ends the new Indee session; a failed logout is a warning', async () => {
  const memory = createMemorySessionStore({ sweepMs: 0 })
  const store = {
    ...memory,
    set: () => Promise.reject(new SessionStoreUnavailable('set: the store is down')),
  }
  const failing = await startTestBff(
    sandbox,
    {},
    { store, logger: true, logStream: { write: (l) => lines.push(l) } },
  )
  extra.push(failing)
  const browser = new AppBrowser(failing)
  failLogouts(1)
  const answer = await signIn(browser, ALICE)
  expect(answer.status).toBe(503)
  expect(await answer.json()).toMatchObject({ error: 'backend_unavailable' })
  expect(sessionCookieOf(answer)).toBeUndefined()
  expect(logouts()).toHaveLength(1)
  expect(logged('indee logout failed')).toMatchObject([
    { level: WARN, err: { message: expect.stringContaining('indee logout') as string } },
  ])
})

test('sign-out does not wait on Indee; a logout Indee refuses twice is a warning', async () => {
  const browser = new AppBrowser(bff)
  await signIn(browser, ALICE)
  failLogouts(2)
  const answer = await browser.post('/api/session/sign-out', {})
  expect(answer.status).toBe(204)
  await expect.poll(() => logged('indee logout failed after retry')).toHaveLength(1)
  expect(logged('indee logout failed after retry')[0]).toMatchObject({
    level: WARN,
    err: { message: expect.stringContaining('indee logout') as string },
  })
  expect(logouts()).toHaveLength(2)
})

test("a provider's refusal is passed to Indee as an error report, and no session starts", async () => {
  const indee = await startRecordingUpstream({
    '/sso/initiate': {
      body: JSON.stringify({
        status_code: 'A0000',
        status_message: 'success',
        state: 'state-of-the-refused-sign-in',
        nonce: 'nonce-of-the-refused-sign-in',
        redirect: 'https://idp.example/authorize',
      }),
    },
    '/sso/login': {
      status: 401,
      body: JSON.stringify({ status_code: 'A2002', status_message: 'Access Denied' }),
    },
  })
  extra.push(indee)
  const own = await startTestBff(sandbox, { SSO_BFF_INDEE_URL: indee.url })
  extra.push(own)
  const browser = new AppBrowser(own)
  expect((await browser.post('/api/sso/initiate', { email: ALICE.email })).status).toBe(200)
  const answer = await browser.post('/api/sso/login', {
    state: 'state-of-the-refused-sign-in',
    nonce: 'nonce-of-the-refused-sign-in',
    email: ALICE.email,
    error: 'access_denied',
    errorDescription: 'The person cancelled the sign-in.',
  })
  expect(answer.status).toBe(204)
  expect(sessionCookieOf(answer)).toBeUndefined()
  const reports = indee.requests('/sso/login')
  expect(reports.map((r) => JSON.parse(r.body) as unknown)).toEqual([
    {
      state: 'state-of-the-refused-sign-in',
      nonce: 'nonce-of-the-refused-sign-in',
      email: ALICE.email,
      code: '',
      error: true,
      error_description: {
        error: 'access_denied',
        error_description: 'The person cancelled the sign-in.',
      },
    },
  ])
})

for (const [indeeCode, message, code] of [
  ['A2004', 'Sign-in transaction expired', 'sign_in_expired'],
  ['A2002', 'Access Denied', 'login_failed'],
] as const) {
  test(`Indee refusing a sign-in with ${indeeCode} is the BFF's own ${code}, its words the detail`, async () => {
    const indee = await startRecordingUpstream({
      '/sso/initiate': {
        body: JSON.stringify({
          status_code: 'A0000',
          status_message: 'success',
          state: 'state-of-a-refused-sign-in',
          nonce: 'nonce-of-a-refused-sign-in',
          redirect: 'https://idp.example/authorize',
        }),
      },
      '/sso/login': {
        status: 401,
        body: JSON.stringify({ status_code: indeeCode, status_message: message }),
      },
    })
    extra.push(indee)
    const own = await startTestBff(sandbox, { SSO_BFF_INDEE_URL: indee.url })
    extra.push(own)
    const browser = new AppBrowser(own)
    expect((await browser.post('/api/sso/initiate', { email: ALICE.email })).status).toBe(200)
    const answer = await browser.post('/api/sso/login', {
      state: 'state-of-a-refused-sign-in',
      nonce: 'nonce-of-a-refused-sign-in',
      email: ALICE.email,
      code: 'a-code',
    })
    expect(answer.status).toBe(401)
    expect(answer.headers.get('sso-bridge-error')).toBe(code)
    expect(await answer.json()).toMatchObject({ error: code, detail: message })
  })
}

/** The entries of a Server-Timing header, read by this test alone: name, dur and desc. */
function timingEntries(header: string | null) {
  return (header ?? '').split(', ').map((entry) => {
    const match = /^([\w-]+)(?:;dur=(\d+\.\d{1,2}))?(?:;desc="([^"]*)")?$/.exec(entry)
    if (match === null) return expect.fail(`not a Server-Timing entry: ${entry}`)
    return {
      name: match[1],
      dur: match[2] === undefined ? undefined : Number(match[2]),
      desc: match[3],
    }
  })
}
const BFF_PHASES = ['bind', 'indee', 'verify', 'session', 'total']
const INDEE_PHASES = ['indee-idp-token', 'indee-id-token', 'indee-sign', 'indee-total']

test("with SSO_BFF_SERVER_TIMING on, the login answer times every phase and relays Indee's", async () => {
  const timed = await startTestBff(sandbox, { SSO_BFF_SERVER_TIMING: 'true' })
  extra.push(timed)
  const answer = await signIn(new AppBrowser(timed), ALICE)
  expect(answer.status).toBe(200)
  const entries = timingEntries(answer.headers.get('server-timing'))
  expect(entries.map((e) => e.name)).toEqual([...BFF_PHASES, ...INDEE_PHASES])
  for (const entry of entries) expect(entry.dur, entry.name).toEqual(expect.any(Number))
  expect(entries.find((e) => e.name === 'indee')?.desc).toBe('Indee sso/login')
})

test('with SSO_BFF_SERVER_TIMING on, refused logins carry the phases that ran', async () => {
  const timed = await startTestBff(sandbox, { SSO_BFF_SERVER_TIMING: 'true' })
  extra.push(timed)
  const victim = new AppBrowser(timed)
  const start = await reachCallback(victim, ALICE)
  const unbound = await new AppBrowser(timed).post('/api/sso/login', loginBody(start, ALICE.email))
  expect(unbound.status).toBe(403)
  expect(timingEntries(unbound.headers.get('server-timing')).map((e) => e.name)).toEqual([
    'bind',
    'total',
  ])
  const refused = await victim.post('/api/sso/login', {
    ...loginBody(start, ALICE.email),
    code: 'not-the-code-the-provider-sent',
  })
  expect(refused.status).toBe(401)
  expect(timingEntries(refused.headers.get('server-timing')).map((e) => e.name)).toEqual([
    'bind',
    'indee',
    'total',
  ])
})

test("with SSO_BFF_SERVER_TIMING on, a provider's refusal times its report to Indee", async () => {
  const timed = await startTestBff(sandbox, { SSO_BFF_SERVER_TIMING: 'true' })
  extra.push(timed)
  const browser = new AppBrowser(timed)
  const start = await reachCallback(browser, ALICE)
  const { state, nonce, email } = loginBody(start, ALICE.email)
  const answer = await browser.post('/api/sso/login', {
    state,
    nonce,
    email,
    error: 'access_denied',
    errorDescription: 'The person cancelled the sign-in.',
  })
  expect(answer.status).toBe(204)
  expect(timingEntries(answer.headers.get('server-timing')).map((e) => e.name)).toEqual([
    'bind',
    'indee',
    'total',
  ])
  expect(logins()).toHaveLength(1)
})

test('with SSO_BFF_SERVER_TIMING on, a login refused before any phase carries no Server-Timing', async () => {
  const timed = await startTestBff(sandbox, { SSO_BFF_SERVER_TIMING: 'true' })
  extra.push(timed)
  const invalid = await new AppBrowser(timed).post('/api/sso/login', { state: 's' })
  expect(invalid.status).toBe(400)
  expect(invalid.headers.get('server-timing')).toBeNull()
  // Refused by the request guard: the handler never starts.
  const crossSite = await fetch(`${timed.url}/api/sso/login`, {
    method: 'POST',
    headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
    body: '{}',
  })
  expect(crossSite.status).toBe(403)
  expect(await crossSite.json()).toMatchObject({ error: 'forbidden' })
  expect(crossSite.headers.get('server-timing')).toBeNull()
})

test('by default no answer of the sign-in carries Server-Timing', async () => {
  expect(bff.config.serverTiming).toBe(false)
  const browser = new AppBrowser(bff)
  const start = await reachCallback(browser, ALICE)
  const unbound = await new AppBrowser(bff).post('/api/sso/login', loginBody(start, ALICE.email))
  expect(unbound.status).toBe(403)
  expect(unbound.headers.get('server-timing')).toBeNull()
  const answer = await browser.post('/api/sso/login', loginBody(start, ALICE.email))
  expect(answer.status).toBe(200)
  expect(answer.headers.get('server-timing')).toBeNull()
})

test('each successful login logs its phases once at debug, whatever SSO_BFF_SERVER_TIMING says', async () => {
  const debug = await startTestBff(
    sandbox,
    { SSO_BFF_LOG_LEVEL: 'debug' },
    { logger: true, logStream: { write: (l) => lines.push(l) } },
  )
  extra.push(debug)
  await signIn(new AppBrowser(debug), ALICE)
  const exchanges = lines
    .map((line) => JSON.parse(line) as LogLine & { timings?: Record<string, unknown> })
    .filter((line) => line.msg === 'sign-in exchange')
  expect(exchanges).toHaveLength(1)
  const { level, timings } = exchanges[0] ?? expect.fail('no sign-in exchange logged')
  expect(level).toBe(20)
  expect(Object.keys(timings ?? {})).toEqual(BFF_PHASES)
  for (const ms of Object.values(timings ?? {})) expect(ms).toEqual(expect.any(Number))
})

test("two sign-ins fetch Indee's session-token keys once", async () => {
  const keyFetches = () =>
    sandbox.control.log('indee').filter((r) => r.path === '/.well-known/jwks.json')
  await signIn(new AppBrowser(bff), ALICE)
  await signIn(new AppBrowser(bff), ALICE)
  expect(logins()).toHaveLength(2)
  expect(keyFetches()).toHaveLength(1)
})
