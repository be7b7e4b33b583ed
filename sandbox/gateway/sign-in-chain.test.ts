// The sign-in chain over real HTTP: gateway → auth backend → identity provider and back, with a
// cookie-jar browser in place of the SPA.
import http from 'node:http'
import { createRemoteJWKSet, jwtVerify } from 'jose'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { callbackUrlFor } from '../idp/client-registration.ts'
import { indeeApiKey } from '../indee/api-key.ts'
import { listen, readBody, type RunningServer } from '../lib/http.ts'
import { USERS, type SandboxUser } from '../users.ts'
import { startGateway } from './gateway.ts'
import { createSessionTokenVerifier } from './session-token.ts'
import { TestBrowser } from './test-browser.ts'
import {
  initiate,
  openSignInPage,
  signIn,
  startSignInParties,
  submitSignInPage,
  type SignInParties,
} from './test-sign-in.ts'

function sandboxUser(index: number): SandboxUser {
  return USERS[index] ?? expect.fail(`sandbox user ${index} missing`)
}
const alice = sandboxUser(0)
const bob = sandboxUser(1)

let parties: SignInParties

beforeAll(async () => {
  parties = await startSignInParties('test')
})

afterAll(async () => {
  await parties.close()
})

afterEach(() => {
  parties.control.reset()
})

function api(path: string): string {
  return `${parties.gateway.url}/api/indee/${path}`
}

async function statusOf(response: Response) {
  return { http: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** Runs the chain up to the callback URL the IdP sends the browser to. */
async function reachCallback(browser: TestBrowser, user = alice, fields?: Record<string, string>) {
  const started = await initiate(parties, browser, user.email)
  const page = await openSignInPage(parties, browser, started.redirect)
  const callback = await submitSignInPage(
    parties,
    browser,
    page,
    fields ?? { email: user.email, password: user.password, action: 'login' },
  )
  return { started, callback }
}

function loginBody(started: { state: string; nonce: string }, callback: URL, email = alice.email) {
  return {
    state: callback.searchParams.get('state') ?? started.state,
    nonce: started.nonce,
    email,
    code: callback.searchParams.get('code'),
    error: false,
    error_description: {},
  }
}

test('signs alice in through the gateway, refreshes, and signs her out', async () => {
  const browser = new TestBrowser()
  const started = await initiate(parties, browser, alice.email)
  const authorize = new URL(started.redirect)
  expect(authorize.origin).toBe(parties.idp.issuer)
  expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
    response_type: 'code',
    client_id: 'indee-backend',
    redirect_uri: callbackUrlFor(parties.appOrigin),
    scope: 'openid email profile',
    state: started.state,
    nonce: started.nonce,
    code_challenge_method: 'S256',
    login_hint: alice.email,
  })
  expect(browser.cookieNames()).toContain('indee_sso_txn')

  const page = await openSignInPage(parties, browser, started.redirect)
  const callback = await submitSignInPage(parties, browser, page, {
    email: alice.email,
    password: alice.password,
    action: 'login',
  })
  expect(callback.searchParams.get('state')).toBe(started.state)
  expect(callback.searchParams.get('iss')).toBe(parties.idp.issuer)
  expect(callback.searchParams.get('code')).toMatch(/.+/)

  const login = await browser.postJson(
    api('sso/login'),
    loginBody(started, callback),
    parties.appOrigin,
  )
  const session = (await login.json()) as Record<string, string>
  expect(login.status).toBe(200)
  expect(session).toMatchObject({ status_code: 'A0000', status_message: 'success' })
  expect(browser.cookieNames()).not.toContain('indee_sso_txn')

  const jwks = createRemoteJWKSet(new URL(`${parties.indee.url}/.well-known/jwks.json`))
  const { payload, protectedHeader } = await jwtVerify(session['token'] ?? '', jwks, {
    issuer: parties.indee.url,
    audience: 'sso-bridge',
  })
  expect(protectedHeader.alg).toBe('RS256')
  expect(protectedHeader.kid).toMatch(/.+/)
  expect(payload).toMatchObject({
    sub: alice.email,
    email: alice.email,
    cii_no: alice.ciiNo,
    permissions: ['assuresign', 'aimbase', 'abc'],
  })
  expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(15 * 60)
  const verify = createSessionTokenVerifier({
    control: parties.control,
    indeeOrigin: parties.indee.url,
  })
  expect(await verify(`Bearer ${session['token']}`)).toMatchObject({ email: alice.email })

  const refreshToken = session['refresh_token']
  const refreshed = await statusOf(
    await browser.postJson(api('refresh'), { refresh_token: refreshToken }, parties.appOrigin),
  )
  expect(refreshed.http).toBe(200)
  expect(refreshed.body['status_code']).toBe('A0000')
  expect(refreshed.body['token']).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
  expect(refreshed.body).not.toHaveProperty('refresh_token')

  const out = await statusOf(
    await browser.postJson(api('logout'), { refresh_token: refreshToken }, parties.appOrigin),
  )
  expect(out).toEqual({ http: 200, body: { status_code: 'A0000', status_message: 'success' } })
  const again = await statusOf(
    await browser.postJson(api('refresh'), { refresh_token: refreshToken }, parties.appOrigin),
  )
  expect(again).toEqual({
    http: 401,
    body: { status_code: 'A2003', status_message: 'Refresh failed' },
  })
  const outAgain = await browser.postJson(
    api('logout'),
    { refresh_token: refreshToken },
    parties.appOrigin,
  )
  expect(outAgain.status).toBe(200)
})

test('refuses a wrong password and an unknown person with the same message', async () => {
  const browser = new TestBrowser()
  const started = await initiate(parties, browser, alice.email)
  const page = await openSignInPage(parties, browser, started.redirect)
  const form = await (await browser.fetch(page)).text()
  expect(form).toMatch(/<label for="email">Email<\/label>/)
  expect(form).toMatch(/<label for="password">Password<\/label>/)
  expect(form).toContain(`value="${alice.email}"`)

  const wrong = await browser.submitForm(page, {
    email: alice.email,
    password: 'nope',
    action: 'login',
  })
  const unknown = await browser.submitForm(page, {
    email: '<b>mallory@example.com</b>',
    password: alice.password,
    action: 'login',
  })
  expect(wrong.status).toBe(401)
  expect(unknown.status).toBe(401)
  const wrongText = await wrong.text()
  const unknownText = await unknown.text()
  const message = 'The email or password is incorrect.'
  expect(wrongText).toContain(message)
  expect(unknownText).toContain(message)
  expect(unknownText).toContain('&lt;b&gt;mallory@example.com&lt;/b&gt;')
  expect(unknownText).not.toContain('<b>mallory')

  // The interaction is still usable after the failures.
  const callback = await submitSignInPage(parties, browser, page, {
    email: alice.email,
    password: alice.password,
    action: 'login',
  })
  expect(callback.searchParams.get('code')).toMatch(/.+/)
})

test('Cancel returns access_denied with its description and iss, and the backend refuses', async () => {
  const browser = new TestBrowser()
  const { started, callback } = await reachCallback(browser, alice, { action: 'cancel' })
  expect(Object.fromEntries(callback.searchParams)).toEqual({
    error: 'access_denied',
    error_description: 'The user cancelled the sign-in.',
    state: started.state,
    iss: parties.idp.issuer,
  })
  const login = await browser.postJson(
    api('sso/login'),
    {
      state: started.state,
      nonce: started.nonce,
      email: alice.email,
      code: '',
      error: true,
      error_description: 'The user cancelled the sign-in.',
    },
    parties.appOrigin,
  )
  expect(await statusOf(login)).toEqual({
    http: 401,
    body: { status_code: 'A2002', status_message: 'Access Denied' },
  })
})

test('refuses calls without the right API key with A2001', async () => {
  const url = `${parties.indee.url}/v1/admin/auth/sso/initiate`
  const body = JSON.stringify({ username: alice.email })
  for (const authorization of [undefined, 'Bearer wrong-key', indeeApiKey()]) {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: parties.appOrigin,
        ...(authorization !== undefined && { authorization }),
      },
      body,
    })
    expect((await statusOf(response)).body['status_code']).toBe('A2001')
    expect(response.status).toBe(401)
  }
})

test('refuses a replayed login with A2004', async () => {
  const browser = new TestBrowser()
  const { started, callback } = await reachCallback(browser)
  const first = await browser.postJson(
    api('sso/login'),
    loginBody(started, callback),
    parties.appOrigin,
  )
  expect(first.status).toBe(200)
  const replay = await statusOf(
    await browser.postJson(api('sso/login'), loginBody(started, callback), parties.appOrigin),
  )
  expect(replay.http).toBe(401)
  expect(replay.body['status_code']).toBe('A2004')
})

test('refuses a login whose state or nonce does not match with A2004, and uses the transaction up', async () => {
  const browser = new TestBrowser()
  const { started, callback } = await reachCallback(browser)
  const wrongState = await statusOf(
    await browser.postJson(
      api('sso/login'),
      { ...loginBody(started, callback), state: 'forged-state' },
      parties.appOrigin,
    ),
  )
  expect(wrongState).toMatchObject({ http: 401, body: { status_code: 'A2004' } })

  const wrongNonce = await statusOf(
    await browser.postJson(
      api('sso/login'),
      { ...loginBody(started, callback), nonce: 'forged-nonce' },
      parties.appOrigin,
    ),
  )
  expect(wrongNonce).toMatchObject({ http: 401, body: { status_code: 'A2004' } })
  const afterwards = await statusOf(
    await browser.postJson(api('sso/login'), loginBody(started, callback), parties.appOrigin),
  )
  expect(afterwards.body['status_code']).toBe('A2004')
})

test('refuses a login from another browser (no transaction cookie) with A2004', async () => {
  const { started, callback } = await reachCallback(new TestBrowser())
  const other = await statusOf(
    await new TestBrowser().postJson(
      api('sso/login'),
      loginBody(started, callback),
      parties.appOrigin,
    ),
  )
  expect(other).toMatchObject({ http: 401, body: { status_code: 'A2004' } })
})

test('refuses a sign-in transaction older than 10 minutes on the sandbox clock', async () => {
  const browser = new TestBrowser()
  const { started, callback } = await reachCallback(browser)
  parties.control.advanceClock(10 * 60 * 1000)
  const late = await statusOf(
    await browser.postJson(api('sso/login'), loginBody(started, callback), parties.appOrigin),
  )
  expect(late).toMatchObject({ http: 401, body: { status_code: 'A2004' } })
})

test('refuses with A2002 when the person who signed in is not the one who started', async () => {
  const browser = new TestBrowser()
  const { started, callback } = await reachCallback(browser, alice, {
    email: bob.email,
    password: bob.password,
    action: 'login',
  })
  const login = await statusOf(
    await browser.postJson(api('sso/login'), loginBody(started, callback), parties.appOrigin),
  )
  expect(login).toEqual({
    http: 401,
    body: { status_code: 'A2002', status_message: 'Access Denied' },
  })
})

test('refuses with A2002 when the sign-in was started for someone else, whatever the body says', async () => {
  const browser = new TestBrowser()
  const { started, callback } = await reachCallback(browser, alice, {
    email: bob.email,
    password: bob.password,
    action: 'login',
  })
  const body = loginBody(started, callback, bob.email)
  const login = await statusOf(await browser.postJson(api('sso/login'), body, parties.appOrigin))
  expect(login).toEqual({
    http: 401,
    body: { status_code: 'A2002', status_message: 'Access Denied' },
  })
})

test('refuses a code the IdP does not know with A2005', async () => {
  const browser = new TestBrowser()
  const { started, callback } = await reachCallback(browser)
  const body = { ...loginBody(started, callback), code: 'made-up-code' }
  const login = await statusOf(await browser.postJson(api('sso/login'), body, parties.appOrigin))
  expect(login).toMatchObject({ http: 401, body: { status_code: 'A2005' } })
})

test('validates initiate: bad body A4001, bad email A4002, unregistered Origin A4003', async () => {
  const browser = new TestBrowser()
  const malformed = await browser.fetch(api('sso/initiate'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: parties.appOrigin },
    body: '{not json',
  })
  expect(await statusOf(malformed)).toMatchObject({ http: 400, body: { status_code: 'A4001' } })
  const badEmail = await browser.postJson(
    api('sso/initiate'),
    { username: 'alice' },
    parties.appOrigin,
  )
  expect(await statusOf(badEmail)).toMatchObject({ http: 400, body: { status_code: 'A4002' } })
  const evil = await browser.postJson(
    api('sso/initiate'),
    { username: alice.email },
    'http://evil.example',
  )
  expect(await statusOf(evil)).toMatchObject({ http: 400, body: { status_code: 'A4003' } })
  expect(browser.cookieNames()).not.toContain('indee_sso_txn')
})

test('expires the refresh token after a day on the sandbox clock', async () => {
  const browser = new TestBrowser()
  const session = await signIn(parties, browser, alice)
  parties.control.advanceClock(24 * 60 * 60 * 1000)
  const refreshed = await statusOf(
    await browser.postJson(
      api('refresh'),
      { refresh_token: session.refresh_token },
      parties.appOrigin,
    ),
  )
  expect(refreshed).toMatchObject({ http: 401, body: { status_code: 'A2003' } })
})

test('answers 405 for other methods and 404 for other paths under /api/indee', async () => {
  const get = await fetch(api('sso/initiate'))
  expect(await statusOf(get)).toMatchObject({ http: 405, body: { status_code: 'A4005' } })
  expect(get.headers.get('allow')).toBe('POST')
  const other = await fetch(api('users'), { method: 'POST' })
  expect(await statusOf(other)).toMatchObject({ http: 404, body: { status_code: 'A4004' } })
  const traversal = await fetch(`${parties.gateway.url}/api/indee/sso/..%2F..%2Fjwks`, {
    method: 'POST',
  })
  expect(traversal.status).toBe(404)
})

test('injects faults and reads the request log through the control API', async () => {
  const control = `${parties.gateway.url}/__sandbox`
  const fault = await fetch(`${control}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      party: 'indee',
      path: '/sso/initiate',
      status: 503,
      body: '{"status_code":"A5001","status_message":"down"}',
      times: 1,
    }),
  })
  expect(fault.status).toBe(201)

  const browser = new TestBrowser()
  const faulted = await browser.postJson(
    api('sso/initiate'),
    { username: alice.email },
    parties.appOrigin,
  )
  expect(await statusOf(faulted)).toEqual({
    http: 503,
    body: { status_code: 'A5001', status_message: 'down' },
  })
  await initiate(parties, browser, alice.email)

  const log = (await (await fetch(`${control}/log?party=indee`)).json()) as {
    requests: { path: string; status: number; faulted: boolean }[]
  }
  expect(log.requests.map((r) => [r.path, r.status, r.faulted])).toEqual([
    ['/v1/admin/auth/sso/initiate', 503, true],
    ['/v1/admin/auth/sso/initiate', 200, false],
  ])
  const gatewayLog = (await (await fetch(`${control}/log?party=gateway`)).json()) as {
    requests: { path: string }[]
  }
  expect(gatewayLog.requests.map((r) => r.path)).toEqual([
    '/api/indee/sso/initiate',
    '/api/indee/sso/initiate',
  ])
})

test('answers 502 A5002 when the auth backend cannot be reached', async () => {
  const closed = await listen(() => undefined, 0)
  await closed.close()
  const gateway = await startGateway({
    control: parties.control,
    port: 0,
    mode: 'test',
    upstreams: { indee: closed.url },
  })
  try {
    const response = await fetch(`${gateway.url}/api/indee/refresh`, {
      method: 'POST',
      body: JSON.stringify({ refresh_token: 'x' }),
    })
    expect(await statusOf(response)).toMatchObject({ http: 502, body: { status_code: 'A5002' } })
  } finally {
    await gateway.close()
  }
})

test('has no control API in production mode', async () => {
  const gateway = await startGateway({
    control: parties.control,
    port: 0,
    mode: 'production',
    upstreams: { indee: parties.indee.url },
  })
  try {
    const log = await fetch(`${gateway.url}/__sandbox/log`)
    expect(log.status).toBe(404)
    const reset = await fetch(`${gateway.url}/__sandbox/reset`, { method: 'POST' })
    expect(reset.status).toBe(404)
    expect(await reset.json()).not.toEqual({ ok: true })
  } finally {
    await gateway.close()
  }
})

test('replaces browser credentials with the API key and relays only status, type and cookies', async () => {
  let received: http.IncomingHttpHeaders = {}
  let receivedBody = ''
  const upstream: RunningServer = await listen(async (req, res) => {
    received = req.headers
    receivedBody = await readBody(req)
    res.writeHead(302, {
      location: 'http://evil.example/',
      'content-type': 'application/json',
      'set-cookie': ['indee_sso_txn=abc; HttpOnly; SameSite=Strict; Path=/'],
      'x-internal': 'secret',
    })
    res.end('{"status_code":"A0000"}')
  }, 0)
  const gateway = await startGateway({
    control: parties.control,
    port: 0,
    mode: 'test',
    upstreams: { indee: upstream.url },
  })
  try {
    const response = await fetch(`${gateway.url}/api/indee/logout?extra=1`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        authorization: 'Bearer browser-session-token',
        'proxy-authorization': 'Basic Zm9vOmJhcg==',
        'x-api-key': 'browser-key',
        cookie: 'indee_sso_txn=abc',
        origin: parties.appOrigin,
        'content-type': 'application/json',
      },
      body: '{"refresh_token":"r"}',
    })
    expect(received['authorization']).toBe(`Bearer ${indeeApiKey()}`)
    expect(received['proxy-authorization']).toBeUndefined()
    expect(received['x-api-key']).toBeUndefined()
    expect(received).toMatchObject({
      cookie: 'indee_sso_txn=abc',
      origin: parties.appOrigin,
      'content-type': 'application/json',
    })
    expect(receivedBody).toBe('{"refresh_token":"r"}')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBeNull()
    expect(response.headers.get('x-internal')).toBeNull()
    expect(response.headers.getSetCookie()).toEqual([
      'indee_sso_txn=abc; HttpOnly; SameSite=Strict; Path=/',
    ])
    expect(await response.text()).toBe('{"status_code":"A0000"}')
  } finally {
    await Promise.all([gateway.close(), upstream.close()])
  }
})

test('a browser-sent Authorization header does not stop the gateway call', async () => {
  const browser = new TestBrowser()
  const response = await browser.postJson(
    api('sso/initiate'),
    { username: alice.email },
    parties.appOrigin,
    { authorization: 'Bearer something-the-browser-had' },
  )
  expect(response.status).toBe(200)
})

test('signs the same person in again silently, and asks again for someone else', async () => {
  const browser = new TestBrowser()
  await signIn(parties, browser, alice)
  const again = await initiate(parties, browser, alice.email)
  const silent = await browser.followUntil(again.redirect, callbackUrlFor(parties.appOrigin))
  expect(new URL(silent.url).searchParams.get('state')).toBe(again.state)

  // login_hint names bob: the IdP shows its form instead of answering for alice.
  const session = await signIn(parties, browser, bob)
  const verify = createSessionTokenVerifier({
    control: parties.control,
    indeeOrigin: parties.indee.url,
  })
  expect(await verify(`Bearer ${session.token}`)).toMatchObject({
    email: bob.email,
    cii_no: bob.ciiNo,
    permissions: [],
  })
})
