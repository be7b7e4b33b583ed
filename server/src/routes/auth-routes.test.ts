import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import type { RunningSandbox } from '../../../sandbox/start-sandbox.ts'
import { USERS, type SandboxUser } from '../../../sandbox/users.ts'
import {
  AppBrowser,
  loginBody,
  reachCallback,
  signIn,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from '../testing/bff-sandbox.ts'

const ALICE: SandboxUser = USERS[0] ?? expect.fail('no alice')
const JWT = /[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/

let sandbox: RunningSandbox
let bff: RunningBff

beforeAll(async () => {
  sandbox = await startTestSandbox()
  bff = await startTestBff(sandbox)
})
afterAll(async () => {
  await bff.close()
  await sandbox.close()
})
beforeEach(() => {
  sandbox.control.reset()
})

const logins = () => sandbox.control.log('indee').filter((r) => r.path.endsWith('/sso/login'))

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
  const cookies = answer.headers.getSetCookie()
  const session = cookies.find((c) => c.startsWith('sso_session='))
  expect(session).toMatch(/; HttpOnly/)
  expect(session).toMatch(/; SameSite=Strict/)
  expect(session).toMatch(/; Path=\//)
  expect(session).not.toMatch(/Domain=/)
  // The sandbox is plain http on 127.0.0.1: no Secure, so no __Host- prefix either.
  expect(session).not.toMatch(/Secure/)
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
})

test('sign-out ends the session at once: a copy of the cookie taken before opens nothing', async () => {
  const browser = new AppBrowser(bff)
  await signIn(browser, ALICE)
  const copy = new AppBrowser(bff)
  const cookie = browser.cookieHeader(bff.url) ?? expect.fail('no cookie')
  const signedOut = await browser.post('/api/session/sign-out', {})
  expect(signedOut.status).toBe(204)
  expect(signedOut.headers.getSetCookie().join()).toMatch(/sso_session=;/)
  const replayed = await copy.fetch(`${bff.url}/api/assuresign/authentication/sso`, {
    method: 'POST',
    headers: { cookie, origin: bff.config.appOrigins[0] ?? '', 'content-type': 'application/json' },
    body: '{}',
  })
  expect(replayed.status).toBe(401)
  await expect
    .poll(() => sandbox.control.log('indee').filter((r) => r.path.endsWith('/logout')).length)
    .toBe(1)
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
