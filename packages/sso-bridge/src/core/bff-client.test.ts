import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { afterFakeTime } from '../test/fake-timers.ts'
import { codeCallback, errorCallback } from '../test/checked-callback.ts'
import { ALICE_SESSION } from '../test/fake-backend.ts'
import { mswServer } from '../test/msw-server.ts'
import { failureOf } from '../test/sso-failure.ts'
import { LIMITS } from '../../../contract/src/contract.ts'
import { createBffClient } from './bff-client.ts'

const API = 'http://app.test/api'
const server = mswServer()
const client = (timeoutMs = 2000) =>
  createBffClient({ fetch: (input, init) => fetch(input, init), apiBase: `${API}/`, timeoutMs })

const LOGIN = () => codeCallback('c1')

test('initiate sends the email as JSON and reads state, nonce and redirect', async () => {
  let seen: unknown
  server.use(
    http.post(`${API}/sso/initiate`, async ({ request }) => {
      seen = await request.json()
      return HttpResponse.json({ state: 's1', nonce: 'n1', redirect: 'https://idp.example/auth' })
    }),
  )
  await expect(client().initiate('alice@example.com')).resolves.toEqual({
    state: 's1',
    nonce: 'n1',
    redirect: 'https://idp.example/auth',
  })
  expect(seen).toEqual({ email: 'alice@example.com' })
})

test('login answers the session view, and nothing else is taken from the answer', async () => {
  server.use(
    http.post(`${API}/sso/login`, () =>
      HttpResponse.json({ ...ALICE_SESSION, token: 'should-not-be-kept' }),
    ),
  )
  const session = await client().login(LOGIN())
  expect(session).toEqual(ALICE_SESSION)
})

test.each([
  [401, { error: 'login_failed', message: 'x', detail: 'Access Denied' }, 'login_failed'],
  [403, { error: 'sign_in_not_bound', message: 'x' }, 'sign_in_not_bound'],
  [429, { error: 'rate_limited', message: 'x' }, 'rate_limited'],
  [504, { error: 'upstream_timeout', message: 'x' }, 'timeout'],
  [502, { error: 'backend_unavailable', message: 'x' }, 'backend_unavailable'],
  [403, { error: 'forbidden', message: 'x' }, 'backend_unavailable'],
  [400, { error: 'invalid_request', message: 'x' }, 'backend_unavailable'],
  [502, '<html>Bad gateway</html>', 'backend_unavailable'],
  [504, '', 'timeout'],
  [200, { email: 'alice@example.com' }, 'invalid_response'],
])('a login answered HTTP %i %j is %s', async (status, body, code) => {
  server.use(
    http.post(`${API}/sso/login`, () =>
      typeof body === 'string'
        ? new HttpResponse(body, { status })
        : HttpResponse.json(body, { status }),
    ),
  )
  await expect(client().login(LOGIN())).rejects.toMatchObject({ code })
})

test("the sign-in service's words reach the error view as detail", async () => {
  server.use(
    http.post(`${API}/sso/login`, () =>
      HttpResponse.json(
        { error: 'login_failed', message: 'x', detail: '  Access Denied  ' },
        { status: 401 },
      ),
    ),
  )
  await expect(client().login(LOGIN())).rejects.toMatchObject({ detail: 'Access Denied' })
})

test('a provider error is reported once and never throws', async () => {
  const seen: unknown[] = []
  server.use(
    http.post(`${API}/sso/login`, async ({ request }) => {
      seen.push(await request.json())
      return HttpResponse.json({ error: 'internal', message: 'x' }, { status: 500 })
    }),
  )
  await client().reportProviderError(errorCallback('access_denied', 'cancelled'))
  expect(seen).toEqual([
    {
      state: 's1',
      nonce: 'n1',
      email: 'alice@example.com',
      error: 'access_denied',
      errorDescription: 'cancelled',
    },
  ])
})

test.each([
  [{ error: 'signed_out', message: 'x' }, 'signed_out'],
  [{ error: 'session_expired', message: 'x' }, 'session_expired'],
] as const)('GET /api/session 401 %j is signed out (%s)', async (body, reason) => {
  server.use(http.get(`${API}/session`, () => HttpResponse.json(body, { status: 401 })))
  await expect(client().session()).resolves.toEqual({ signedIn: false, reason })
})

test('GET /api/session 200 is signed in with the view', async () => {
  server.use(http.get(`${API}/session`, () => HttpResponse.json(ALICE_SESSION)))
  await expect(client().session()).resolves.toEqual({ signedIn: true, session: ALICE_SESSION })
})

test('a 401 without the BFF error shape is not taken for a sign-out', async () => {
  server.use(http.get(`${API}/session`, () => new HttpResponse('', { status: 401 })))
  await expect(client().session()).rejects.toMatchObject({ code: 'invalid_response' })
})

test('sign-out posts JSON and expects 204', async () => {
  let type: string | null = null
  server.use(
    http.post(`${API}/session/sign-out`, ({ request }) => {
      type = request.headers.get('content-type')
      return new HttpResponse(null, { status: 204 })
    }),
  )
  await client().signOut()
  expect(type).toBe('application/json')
})

test('a BFF slower than the timeout is timeout', async () => {
  server.use(http.get(`${API}/session`, () => new Promise<never>(() => undefined)))
  await expect(afterFakeTime(500, () => client(500).session())).rejects.toMatchObject({
    code: 'timeout',
  })
})

test('login sends only the state, nonce, email and code of the checked callback', async () => {
  let seen: unknown
  server.use(
    http.post(`${API}/sso/login`, async ({ request }) => {
      seen = await request.json()
      return HttpResponse.json(ALICE_SESSION)
    }),
  )
  await client().login(codeCallback('c9', { state: 's9', nonce: 'n9', email: 'bob@example.com' }))
  expect(seen).toEqual({ state: 's9', nonce: 'n9', email: 'bob@example.com', code: 'c9' })
})

test('the client names its provider as bff, as stored in each transaction', () => {
  expect(client().provider).toBe('bff')
})

test('a failed initiate names the call and status', async () => {
  server.use(http.post(`${API}/sso/initiate`, () => new HttpResponse('', { status: 500 })))
  await expect(client().initiate('alice@example.com')).rejects.toMatchObject({
    code: 'backend_unavailable',
    message: 'sso/initiate answered HTTP 500',
  })
})

test('an initiate answer without state, nonce and redirect is invalid_response', async () => {
  server.use(http.post(`${API}/sso/initiate`, () => HttpResponse.json({ state: 's1' })))
  const failure = await failureOf(client().initiate('alice@example.com'))
  expect(failure).toMatchObject({
    code: 'invalid_response',
    message: 'sso/initiate answered an unexpected body',
  })
})

test.each([
  ['an empty state', { state: '', nonce: 'n1', redirect: 'https://idp.example/authorize' }],
  ['a nonce over its limit', { state: 's1', nonce: 'n'.repeat(LIMITS.nonce + 1), redirect: 'r' }],
  ['a redirect that is not text', { state: 's1', nonce: 'n1', redirect: 42 }],
  ['an array', ['s1', 'n1', 'r']],
])('an initiate answer with %s is invalid_response', async (_, body) => {
  server.use(http.post(`${API}/sso/initiate`, () => HttpResponse.json(body)))
  await expect(client().initiate('alice@example.com')).rejects.toMatchObject({
    code: 'invalid_response',
  })
})

test('an initiate answer keeps state, nonce and redirect only', async () => {
  server.use(
    http.post(`${API}/sso/initiate`, () =>
      HttpResponse.json({ state: 's1', nonce: 'n1', redirect: 'r', extra: true }),
    ),
  )
  await expect(client().initiate('alice@example.com')).resolves.toStrictEqual({
    state: 's1',
    nonce: 'n1',
    redirect: 'r',
  })
})

test('GET /api/session failing with 500 is backend_unavailable, naming the call', async () => {
  server.use(http.get(`${API}/session`, () => HttpResponse.json(ALICE_SESSION, { status: 500 })))
  await expect(client().session()).rejects.toMatchObject({
    code: 'backend_unavailable',
    message: 'session answered HTTP 500',
  })
})

test('GET /api/session 200 with another body is invalid_response, naming the call', async () => {
  server.use(http.get(`${API}/session`, () => HttpResponse.json({ email: 'alice@example.com' })))
  await expect(client().session()).rejects.toMatchObject({
    code: 'invalid_response',
    message: 'session answered an unexpected body',
  })
})

test('sign-out answered anything but 204 fails, naming the call', async () => {
  server.use(
    http.post(`${API}/session/sign-out`, () => HttpResponse.json({ ok: true }, { status: 200 })),
  )
  await expect(client().signOut()).rejects.toMatchObject({
    code: 'invalid_response',
    message: 'session/sign-out answered HTTP 200',
  })
})

test('a session check is a GET asking for JSON, with no body and no content type', async () => {
  let seen: Request | undefined
  server.use(
    http.all(`${API}/session`, ({ request }) => {
      seen = request.clone()
      return HttpResponse.json(ALICE_SESSION)
    }),
  )
  await client().session()
  expect(seen?.method).toBe('GET')
  expect(seen?.headers.get('accept')).toBe('application/json')
  expect(seen?.headers.get('content-type')).toBeNull()
  expect(await seen?.text()).toBe('')
})

test('a login is a POST of JSON that asks for JSON', async () => {
  let seen: Request | undefined
  server.use(
    http.all(`${API}/sso/login`, ({ request }) => {
      seen = request
      return HttpResponse.json(ALICE_SESSION)
    }),
  )
  await client().login(LOGIN())
  expect(seen?.method).toBe('POST')
  expect(seen?.headers.get('accept')).toBe('application/json')
  expect(seen?.headers.get('content-type')).toBe('application/json')
})

test('a session check hands fetch a GET asking for JSON, and no body at all', async () => {
  const inits: RequestInit[] = []
  const bff = createBffClient({
    fetch: (_input, init) => {
      inits.push(init)
      return Promise.resolve(Response.json(ALICE_SESSION))
    },
    apiBase: API,
    timeoutMs: 2000,
  })
  await bff.session()
  expect(inits).toHaveLength(1)
  expect(inits[0]?.method).toBe('GET')
  expect(inits[0]?.headers).toEqual({ Accept: 'application/json' })
  expect(Object.hasOwn(inits[0] ?? {}, 'body')).toBe(false)
})

test('every trailing slash of the API base is dropped', async () => {
  server.use(http.get(`${API}/session`, () => HttpResponse.json(ALICE_SESSION)))
  const bff = createBffClient({
    fetch: (input, init) => fetch(input, init),
    apiBase: `${API}///`,
    timeoutMs: 2000,
  })
  await expect(bff.session()).resolves.toEqual({ signedIn: true, session: ALICE_SESSION })
})

test('a login with no answer at all (network failure) is backend_unavailable', async () => {
  server.use(http.post(`${API}/sso/login`, () => HttpResponse.error()))
  await expect(client().login(LOGIN())).rejects.toMatchObject({ code: 'backend_unavailable' })
})

test('a refused login names the call, status and BFF code', async () => {
  server.use(
    http.post(`${API}/sso/login`, () =>
      HttpResponse.json({ error: 'login_failed', message: 'x' }, { status: 401 }),
    ),
  )
  await expect(client().login(LOGIN())).rejects.toMatchObject({
    code: 'login_failed',
    message: 'sso/login answered HTTP 401 (login_failed)',
  })
})

test('a login answer that is no session view names the call', async () => {
  server.use(http.post(`${API}/sso/login`, () => HttpResponse.json({ email: 'x' })))
  await expect(client().login(LOGIN())).rejects.toMatchObject({
    code: 'invalid_response',
    message: 'sso/login answered an unexpected body',
  })
})
