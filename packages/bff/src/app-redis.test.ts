// The production topology: several BFF instances sharing sessions in one Redis (a real
// redis-server this file starts), and what each instance does while Redis is down.
import { single } from './testing/redis-server.ts'
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import type { RunningParties } from '../../../sandbox/start-parties.ts'
import { USERS, type SandboxUser } from '../../../sandbox/users.ts'
import { buildBff } from './app.ts'
import { REFRESH_LEEWAY_MS } from './session/sessions.ts'
import { createRedisSessionStore } from './session/redis-session-store.ts'
import {
  APP_ORIGIN,
  AppBrowser,
  configFor,
  freePort,
  loginBody,
  reachCallback,
  signIn,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from './testing/bff-sandbox.ts'
import { startRedisServer, type RunningRedis } from './testing/redis-server.ts'

const ALICE: SandboxUser = USERS[0] ?? expect.fail('no alice')
const SIGNIN_SECRET = 'the-sign-in-secret-of-every-instance-0123'

let sandbox: RunningParties
let redis: RunningRedis
/** Two instances behind one load balancer: same Redis, same sign-in secret, same clock. */
let a: RunningBff
let b: RunningBff

const redisEnv = () => ({ SSO_SESSION_STORE: redis.url, SSO_BFF_SIGNIN_SECRET: SIGNIN_SECRET })

/** Resolves once `bff` is ready: its store connects in the background after the start. */
async function ready(bff: RunningBff): Promise<void> {
  await vi.waitFor(
    async () => {
      expect((await fetch(`${bff.url}/readyz`)).status).toBe(200)
    },
    { timeout: 10_000, interval: 50 },
  )
}

beforeAll(async () => {
  sandbox = await startTestSandbox()
  redis = await startRedisServer()
  // The sandbox clock, so a test can move both instances (and Indee) to a refresh.
  const now = () => sandbox.control.now()
  a = await startTestBff(sandbox, redisEnv(), { now })
  b = await startTestBff(sandbox, redisEnv(), { now })
  await Promise.all([ready(a), ready(b)])
})
afterAll(async () => {
  await a.close()
  await b.close()
  await redis.close()
  await sandbox.close()
})
beforeEach(() => {
  sandbox.control.reset()
})

const indeeCalls = (suffix: string) =>
  sandbox.control.log('indee').filter((r) => r.path.endsWith(suffix)).length

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now()
  const result = await work()
  return { ms: performance.now() - start, result }
}

test('a sign-in started on one instance finishes on the other, and both know the session', async () => {
  const browser = new AppBrowser(a)
  const start = await reachCallback(browser, ALICE)
  // The load balancer sends the callback's sso/login to B: B checks A's sign-in cookie.
  const login = await browser.postJson(
    `${b.url}/api/sso/login`,
    loginBody(start, ALICE.email),
    APP_ORIGIN,
  )
  expect(login.status).toBe(200)
  for (const bff of [a, b]) {
    const session = await browser.fetch(`${bff.url}/api/session`)
    expect(session.status).toBe(200)
    expect(await session.json()).toMatchObject({ email: ALICE.email })
  }
})

test('sign-out through one instance ends the session on the other at once', async () => {
  const browser = new AppBrowser(a)
  expect((await signIn(browser, ALICE)).status).toBe(200)
  const cookie = browser.cookieHeader(a.url) ?? expect.fail('no session cookie')
  expect((await fetch(`${b.url}/api/session`, { headers: { cookie } })).status).toBe(200)
  expect((await browser.post('/api/session/sign-out', {})).status).toBe(204)
  const onB = await fetch(`${b.url}/api/session`, { headers: { cookie } })
  expect(onB.status).toBe(401)
  expect(await onB.json()).toMatchObject({ error: 'session_expired' })
})

test('a refresh due on both instances at once calls Indee once', async () => {
  const browser = new AppBrowser(a)
  expect((await signIn(browser, ALICE)).status).toBe(200)
  const cookie = browser.cookieHeader(a.url) ?? expect.fail('no session cookie')
  // 30 s before the 15-minute token expires: inside the refresh leeway, still valid.
  sandbox.control.advanceClock(15 * 60_000 - REFRESH_LEEWAY_MS / 2)
  // A slow refresh, so the second request surely reads the old token while the first renews it.
  sandbox.control.addFault({ party: 'indee', path: '/refresh', delayMs: 300, times: 1 })
  const answers = await Promise.all(
    [a, b].map((bff) => fetch(`${bff.url}/api/session`, { headers: { cookie } })),
  )
  expect(answers.map((answer) => answer.status)).toEqual([200, 200])
  expect(indeeCalls('/refresh')).toBe(1)
  // Both instances now hold the renewed session: no more refreshes.
  expect((await fetch(`${b.url}/api/session`, { headers: { cookie } })).status).toBe(200)
  expect((await fetch(`${a.url}/api/session`, { headers: { cookie } })).status).toBe(200)
  expect(indeeCalls('/refresh')).toBe(1)
})

test('with Redis stopped, GET /api/session and /readyz answer 503; after a restart /readyz is 200', async () => {
  const port = await freePort()
  const config = configFor(sandbox, port, redisEnv())
  const store = createRedisSessionStore({ target: single(redis.url) })
  const app = await buildBff({ config, store, logger: false })
  const host = `127.0.0.1:${port}`
  const inject = (url: string, cookie?: string) =>
    app.inject({ method: 'GET', url, headers: { host, ...(cookie !== undefined && { cookie }) } })
  try {
    await expect.poll(async () => (await inject('/readyz')).statusCode).toBe(200)
    await redis.stop()
    try {
      const { ms, result: session } = await timed(() =>
        inject('/api/session', 'sso_session=some-session-id'),
      )
      expect(session.statusCode).toBe(503)
      expect(session.json()).toEqual({
        error: 'backend_unavailable',
        message: 'The sign-in service is not available.',
      })
      expect(ms).toBeLessThan(1_500)
      const readiness = await inject('/readyz')
      expect(readiness.statusCode).toBe(503)
      expect(readiness.json()).toEqual({ status: 'unavailable', sessionStore: 'redis' })
      // No cookie, no store: still the plain 401.
      expect((await inject('/api/session')).statusCode).toBe(401)
    } finally {
      await redis.start()
    }
    await expect
      .poll(async () => (await inject('/readyz')).statusCode, { timeout: 10_000 })
      .toBe(200)
    expect((await inject('/readyz')).json()).toEqual({ status: 'ready', sessionStore: 'redis' })
  } finally {
    await app.close()
  }
})

test('with Redis stopped, every route that needs the session answers 503 at once and logs one warning', async () => {
  const lines: string[] = []
  const logged = await startTestBff(
    sandbox,
    { ...redisEnv(), SSO_BFF_LOG_LEVEL: 'warn' },
    { logger: true, logStream: { write: (line) => lines.push(line) } },
  )
  try {
    await ready(logged)
    const browser = new AppBrowser(logged)
    expect((await signIn(browser, ALICE)).status).toBe(200)
    const cookie = browser.cookieHeader(logged.url) ?? ''
    // Another browser's sign-in, up to the callback: its sso/login comes while Redis is down.
    const other = new AppBrowser(logged)
    const pendingLogin = loginBody(await reachCallback(other, ALICE), ALICE.email)
    sandbox.control.reset()
    lines.length = 0
    await redis.stop()
    try {
      const requests: readonly (readonly [string, () => Promise<Response>])[] = [
        ['session', () => browser.get('/api/session')],
        ['login', () => other.post('/api/sso/login', pendingLogin)],
        ['assuresign', () => browser.post('/api/assuresign/authentication/sso', {})],
        [
          'aimbase',
          () =>
            browser.post('/api/aimbase/Security/SignOnAccount', {
              AccountUid: ALICE.aimbaseAccounts[0],
            }),
        ],
        [
          'abc',
          () =>
            browser.post(
              '/api/abc/cmnsrv/user/generate-sso-token',
              { LOBId: 'ABSLI', Functionality: 'POL' },
              { 'x-api-version': '1.0.0' },
            ),
        ],
        ['sign-out', () => browser.post('/api/session/sign-out', {})],
      ]
      for (const [name, send] of requests) {
        const { ms, result: answer } = await timed(send)
        expect(answer.status, name).toBe(503)
        expect(await answer.json(), name).toMatchObject({ error: 'backend_unavailable' })
        expect(ms, name).toBeLessThan(1_500)
      }
      for (const party of ['assuresign', 'aimbase', 'abc'] as const) {
        expect(sandbox.control.log(party)).toEqual([])
      }
      // The login reached Indee before the store failed: Indee's new session is ended at once.
      expect(sandbox.control.log('indee').map((r) => r.path)).toEqual([
        '/v1/admin/auth/sso/login',
        '/v1/admin/auth/logout',
      ])
      const warnings = lines.filter((line) => line.includes('"msg":"session store unavailable"'))
      expect(warnings).toHaveLength(requests.length)
      const text = lines.join('')
      for (const secret of [...cookie.split(/[=;] ?/), pendingLogin.code, pendingLogin.state]) {
        if (secret.length >= 8) expect(text).not.toContain(secret)
      }
    } finally {
      await redis.start()
    }
    await ready(logged)
    // The store's own connection warning went through the BFF's log, then the recovery.
    expect(lines.join('')).toContain('"msg":"session store connection lost; reconnecting"')
    // This Redis keeps nothing on disk: the session did not survive its restart.
    expect((await browser.get('/api/session')).status).toBe(401)
    expect((await signIn(new AppBrowser(logged), ALICE)).status).toBe(200)
  } finally {
    await logged.close()
  }
})
