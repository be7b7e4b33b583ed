import { request } from 'node:http'
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { sandboxSecretValues } from '../../../sandbox/secrets.ts'
import type { RunningParties } from '../../../sandbox/start-parties.ts'
import { USERS, type SandboxUser } from '../../../sandbox/users.ts'
import {
  APP_ORIGIN,
  AppBrowser,
  reachCallback,
  loginBody,
  signIn,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from './testing/bff-sandbox.ts'

const ALICE: SandboxUser = USERS[0] ?? expect.fail('no alice')

let sandbox: RunningParties
let bff: RunningBff
let alice: AppBrowser

beforeAll(async () => {
  sandbox = await startTestSandbox()
  bff = await startTestBff(sandbox)
  alice = new AppBrowser(bff)
  await signIn(alice, ALICE)
})
afterAll(async () => {
  await bff.close()
  await sandbox.close()
})
beforeEach(() => {
  sandbox.control.reset()
})

/** Every route that changes something, with a body the app would send. */
const STATE_CHANGING: readonly (readonly [string, unknown])[] = [
  ['/api/sso/initiate', { email: ALICE.email }],
  ['/api/sso/login', { state: 's', nonce: 'n', email: ALICE.email, code: 'c' }],
  ['/api/session/sign-out', {}],
  ['/api/assuresign/authentication/sso', {}],
  ['/api/aimbase/Security/SignOnAccount', { AccountUid: ALICE.aimbaseAccounts[0] }],
  ['/api/abc/cmnsrv/user/generate-sso-token', { LOBId: 'ABSLI', Functionality: 'POL' }],
]

const CROSS_SITE: readonly (readonly [string, Record<string, string>])[] = [
  ['a foreign Origin', { origin: 'https://evil.example', 'content-type': 'application/json' }],
  ['a lookalike Origin', { origin: `${APP_ORIGIN}.evil`, 'content-type': 'application/json' }],
  ['text/plain', { origin: APP_ORIGIN, 'content-type': 'text/plain' }],
  ['a form', { origin: APP_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }],
  [
    'Sec-Fetch-Site cross-site',
    { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
  ],
  ['no Origin and no Sec-Fetch-Site', { 'content-type': 'application/json' }],
]

test.each(
  STATE_CHANGING.flatMap(([path, body]) =>
    CROSS_SITE.map(([name, headers]) => [path, name, headers, body] as const),
  ),
)('%s refuses %s with the session cookie, and does nothing', async (path, _name, headers, body) => {
  const cookie = alice.cookieHeader(bff.url) ?? expect.fail('alice has no cookie')
  const answer = await fetch(`${bff.url}${path}`, {
    method: 'POST',
    headers: { ...headers, cookie },
    body: JSON.stringify(body),
  })
  expect(answer.status).toBe(403)
  expect(await answer.json()).toMatchObject({ error: 'forbidden' })
  for (const party of ['indee', 'assuresign', 'aimbase', 'abc'] as const) {
    expect(sandbox.control.log(party)).toEqual([])
  }
  expect((await alice.get('/api/session')).status).toBe(200)
})

test('a Host the BFF does not serve is refused, even for GET', async () => {
  // node:http, because fetch may not set Host.
  const url = new URL(`${bff.url}/api/session`)
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        headers: { host: 'rebound.example' },
      },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    req.end()
  })
  expect(status).toBe(403)
  expect((await alice.get('/api/session')).status).toBe(200)
})

test('a body over the limit gets 413, not 500', async () => {
  const answer = await alice.post('/api/sso/initiate', {
    email: `${'a'.repeat(40_000)}@example.com`,
  })
  expect(answer.status).toBe(413)
  expect(await answer.json()).toMatchObject({ error: 'payload_too_large' })
})

test('malformed JSON gets 400 invalid_request', async () => {
  const answer = await fetch(`${bff.url}/api/sso/initiate`, {
    method: 'POST',
    headers: { origin: APP_ORIGIN, 'content-type': 'application/json' },
    body: '{"email":',
  })
  expect(answer.status).toBe(400)
  expect(await answer.json()).toMatchObject({ error: 'invalid_request' })
})

test('sign-in requests are rate-limited per client address', async () => {
  const limited = await startTestBff(sandbox, { SSO_BFF_RATE_LIMIT_PER_MINUTE: '3' })
  try {
    const browser = new AppBrowser(limited)
    const statuses: number[] = []
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await browser.post('/api/sso/initiate', { email: ALICE.email })).status)
    }
    expect(statuses).toEqual([200, 200, 200, 429])
    const logins: number[] = []
    for (let i = 0; i < 4; i += 1) {
      const body = { state: 's', nonce: 'n', email: ALICE.email, code: 'c' }
      logins.push((await browser.post('/api/sso/login', body)).status)
    }
    // Three refusals (no sign-in of this browser), then the limit.
    expect(logins).toEqual([403, 403, 403, 429])
  } finally {
    await limited.close()
  }
})

test('health and readiness answer from any Host; every answer is no-store', async () => {
  const health = await fetch(`${bff.url}/healthz`)
  expect(health.status).toBe(200)
  expect(health.headers.get('cache-control')).toBe('no-store')
  const ready = await fetch(`${bff.url}/readyz`)
  expect(await ready.json()).toEqual({ status: 'ready', sessionStore: 'memory' })
})

/** The headers of every answer of the BFF: none is a page, none may be cached or embedded. */
const EVERY_ANSWER = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
}

test.each([
  ['a BFF answer', 200, () => alice.get('/api/session')],
  ['a relayed vendor answer', 200, () => alice.post('/api/assuresign/authentication/sso', {})],
  ['an error', 401, () => new AppBrowser(bff).get('/api/session')],
  [
    'a refusal of the request guard',
    403,
    () => fetch(`${bff.url}/api/session/sign-out`, { method: 'POST', body: '{}' }),
  ],
  ['a 404', 404, () => alice.get('/api/nowhere')],
  ['the health check', 200, () => fetch(`${bff.url}/healthz`)],
  ['the readiness check', 200, () => fetch(`${bff.url}/readyz`)],
])('%s (%i) carries the headers of every answer', async (_name, status, send) => {
  const answer = await send()
  expect(answer.status).toBe(status)
  const headers = Object.fromEntries(
    Object.keys(EVERY_ANSWER).map((name) => [name, answer.headers.get(name)]),
  )
  expect(headers).toEqual(EVERY_ANSWER)
})

test('a wrapped vendor error carries them too', async () => {
  sandbox.control.addFault({
    party: 'abc',
    path: '/generate-sso-token',
    status: 401,
    body: '{"message":"Token expired"}',
    times: 1,
  })
  const answer = await alice.post(
    '/api/abc/cmnsrv/user/generate-sso-token',
    { LOBId: 'ABSLI', Functionality: 'POL' },
    { 'x-api-version': '1.0.0' },
  )
  expect(answer.status).toBe(502)
  expect(answer.headers.get('content-security-policy')).toBe(
    EVERY_ANSWER['content-security-policy'],
  )
  expect(answer.headers.get('cross-origin-resource-policy')).toBe('same-origin')
})

test('the logs carry no token, code, cookie or credential', async () => {
  const lines: string[] = []
  const logged = await startTestBff(
    sandbox,
    { SSO_BFF_LOG_LEVEL: 'debug' },
    { logger: true, logStream: { write: (line) => lines.push(line) } },
  )
  try {
    const browser = new AppBrowser(logged)
    const start = await reachCallback(browser, ALICE)
    const body = loginBody(start, ALICE.email)
    const login = await browser.post('/api/sso/login', body)
    expect(login.status).toBe(200)
    await browser.post('/api/assuresign/authentication/sso', {})
    await browser.post(
      '/api/abc/cmnsrv/user/generate-sso-token',
      { LOBId: 'ABSLI', Functionality: 'POL' },
      { 'x-api-version': '1.0.0' },
    )
    const cookie = browser.cookieHeader(logged.url) ?? ''
    await browser.post('/api/session/sign-out', {})
    const text = lines.join('')
    expect(lines.length).toBeGreaterThan(5)
    expect(text).not.toMatch(/[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/)
    for (const secret of [
      body.code,
      body.state,
      ...cookie.split(/[=;] ?/),
      ...sandboxSecretValues(),
    ]) {
      if (secret.length >= 8) expect(text).not.toContain(secret)
    }
  } finally {
    await logged.close()
  }
})
