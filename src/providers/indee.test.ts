import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { SsoError } from '../sso/errors.ts'
import { mswServer, silentPost } from '../sso/testing/msw-server.ts'
import { codeOfRejection, failureOf } from '../sso/testing/sso-failure.ts'
import { classifyIndeeStatus, createIndeeClient } from './indee.ts'

const server = mswServer()

const client = createIndeeClient({
  fetch: (input, init) => fetch(input, init),
  apiBase: '/api',
  timeoutMs: 2000,
})
const IDP_AUTHORIZE = 'http://127.0.0.1:4010/auth?client_id=indee&state=s1&nonce=n1'
const TOKENS = { token: 'h.p.s', refresh_token: 'refresh-1' }

interface Seen {
  readonly url: string
  readonly headers: Headers
  readonly body: unknown
}

/** Answers POST `path` with `respond` and records every request it receives. */
function answer(path: string, respond: () => Response | Promise<Response>): Seen[] {
  const seen: Seen[] = []
  server.use(
    http.post(path, async ({ request }) => {
      seen.push({ url: request.url, headers: request.headers, body: await request.clone().json() })
      return respond()
    }),
  )
  return seen
}

const success = (extra: Record<string, unknown> = {}, status = 200) =>
  HttpResponse.json({ status_code: 'A0000', status_message: 'success', ...extra }, { status })
const failure = (code: string, message: string, status: number) =>
  HttpResponse.json({ status_code: code, status_message: message }, { status })

/** The code and detail of the SsoError `promise` rejects with (see failureOf). */
async function codeAndDetailOf(
  promise: Promise<unknown>,
): Promise<{ code: string; detail: string | undefined }> {
  const failure = await failureOf(promise)
  return failure instanceof SsoError
    ? { code: failure.code, detail: failure.detail }
    : { code: failure, detail: undefined }
}

const loginParams = { state: 's1', nonce: 'n1', email: 'alice@example.com', code: 'c1' }

test('initiate posts the username and returns state, nonce and redirect', async () => {
  const seen = answer('/api/indee/sso/initiate', () =>
    success({ state: 's1', nonce: 'n1', redirect: IDP_AUTHORIZE }),
  )
  await expect(client.initiate('alice@example.com')).resolves.toEqual({
    state: 's1',
    nonce: 'n1',
    redirect: IDP_AUTHORIZE,
  })
  expect(seen).toHaveLength(1)
  expect(seen[0]?.body).toEqual({ username: 'alice@example.com' })
})

test('sends JSON headers and never an Authorization header', async () => {
  const seen = answer('/api/indee/sso/initiate', () =>
    success({ state: 's1', nonce: 'n1', redirect: IDP_AUTHORIZE }),
  )
  await client.initiate('alice@example.com')
  const headers = seen[0]?.headers
  expect(headers?.get('content-type')).toBe('application/json')
  expect(headers?.get('accept')).toBe('application/json')
  expect(headers?.has('authorization')).toBe(false)
})

test('uses an absolute apiBase with a trailing slash as given', async () => {
  const absolute = createIndeeClient({
    fetch: (input, init) => fetch(input, init),
    apiBase: 'http://127.0.0.1:4020/api/',
    timeoutMs: 2000,
  })
  const seen = answer('http://127.0.0.1:4020/api/indee/logout', () => success())
  await absolute.logout('refresh-1')
  expect(seen[0]?.url).toBe('http://127.0.0.1:4020/api/indee/logout')
})

test('initiate refused by validation is login_failed with the status message', async () => {
  answer('/api/indee/sso/initiate', () =>
    failure('A4002', 'username must be an email address', 400),
  )
  expect(await codeAndDetailOf(client.initiate('nope'))).toEqual({
    code: 'login_failed',
    detail: 'username must be an email address',
  })
})

test('initiate answer without a redirect is invalid_response', async () => {
  answer('/api/indee/sso/initiate', () => success({ state: 's1', nonce: 'n1' }))
  expect(await codeOfRejection(client.initiate('alice@example.com'))).toBe('invalid_response')
})

test('login posts the Indee body and returns both tokens', async () => {
  const seen = answer('/api/indee/sso/login', () => success(TOKENS))
  await expect(client.login(loginParams)).resolves.toEqual({
    token: 'h.p.s',
    refreshToken: 'refresh-1',
  })
  expect(seen.map((request) => request.body)).toEqual([
    {
      state: 's1',
      nonce: 'n1',
      email: 'alice@example.com',
      code: 'c1',
      error: false,
      error_description: {},
    },
  ])
})

test.each([
  ['A2001', 401],
  ['A2002', 401],
  ['A2004', 401],
  ['A2101', 403],
  ['A4001', 400],
  ['A2002', 200],
])(
  'login answered %s (HTTP %i) is login_failed with the status message as text',
  async (code, status) => {
    answer('/api/indee/sso/login', () => failure(code, '<b>Access Denied</b>', status))
    expect(await codeAndDetailOf(client.login(loginParams))).toEqual({
      code: 'login_failed',
      detail: '<b>Access Denied</b>',
    })
  },
)

test('a very long status message is shortened', async () => {
  answer('/api/indee/sso/login', () => failure('A2002', 'x'.repeat(1500), 401))
  const { detail } = await codeAndDetailOf(client.login(loginParams))
  expect(detail).toHaveLength(501)
})

test('login answered A5xxx is backend_unavailable', async () => {
  answer('/api/indee/sso/login', () =>
    failure('A5003', 'The identity provider is unreachable', 502),
  )
  expect(await codeAndDetailOf(client.login(loginParams))).toEqual({
    code: 'backend_unavailable',
    detail: 'The identity provider is unreachable',
  })
})

test.each([500, 502, 503, 504])(
  'login answered a bare HTTP %i is backend_unavailable',
  async (status) => {
    answer(
      '/api/indee/sso/login',
      () =>
        new HttpResponse('<h1>Bad gateway</h1>', {
          status,
          headers: { 'content-type': 'text/html' },
        }),
    )
    expect(await codeOfRejection(client.login(loginParams))).toBe('backend_unavailable')
  },
)

test('login is sent once and never retried after a failure', async () => {
  const seen = answer('/api/indee/sso/login', () => new HttpResponse(null, { status: 503 }))
  await failureOf(client.login(loginParams))
  expect(seen).toHaveLength(1)
})

test('a network failure is backend_unavailable', async () => {
  answer('/api/indee/sso/login', () => HttpResponse.error())
  expect(await codeOfRejection(client.login(loginParams))).toBe('backend_unavailable')
})

test('no answer within the timeout is timeout', async () => {
  silentPost(server, '/api/indee/sso/login')
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  try {
    const failure = codeOfRejection(client.login(loginParams))
    await vi.advanceTimersByTimeAsync(1999)
    let settled = false
    void failure.then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await failure).toBe('timeout')
  } finally {
    vi.useRealTimers()
  }
})

test.each([
  ['a body missing the tokens', () => success()],
  ['an empty token', () => success({ token: '', refresh_token: 'r' })],
  ['a body that is not JSON', () => new HttpResponse('ok', { status: 200 })],
  ['a JSON body without a status', () => HttpResponse.json(TOKENS)],
  ['a success code on an error status', () => success(TOKENS, 500)],
  ['a status code outside the documented classes', () => failure('A3001', 'what', 200)],
  ['a status code that is not an A-code', () => failure('OK', 'success', 200)],
])('login answered with %s is invalid_response', async (_name, respond) => {
  answer('/api/indee/sso/login', respond)
  expect(await codeOfRejection(client.login(loginParams))).toBe('invalid_response')
})

test('a bare 404 is invalid_response', async () => {
  answer('/api/indee/sso/login', () => new HttpResponse('not here', { status: 404 }))
  expect(await codeOfRejection(client.login(loginParams))).toBe('invalid_response')
})

test('reportProviderError posts error true with the description and code ""', async () => {
  const seen = answer('/api/indee/sso/login', () => failure('A2002', 'Access Denied', 401))
  await expect(
    client.reportProviderError({
      state: 's1',
      nonce: 'n1',
      email: 'alice@example.com',
      error: 'access_denied',
      errorDescription: 'End-User aborted interaction',
    }),
  ).resolves.toBeUndefined()
  expect(seen.map((request) => request.body)).toEqual([
    {
      state: 's1',
      nonce: 'n1',
      email: 'alice@example.com',
      code: '',
      error: true,
      error_description: {
        error: 'access_denied',
        error_description: 'End-User aborted interaction',
      },
    },
  ])
})

test('reportProviderError swallows a network failure', async () => {
  const seen = answer('/api/indee/sso/login', () => HttpResponse.error())
  await expect(
    client.reportProviderError({
      state: 's1',
      nonce: 'n1',
      email: 'a@b.example',
      error: 'x',
      errorDescription: '',
    }),
  ).resolves.toBeUndefined()
  expect(seen).toHaveLength(1)
})

test('refresh posts the refresh token and returns the new token', async () => {
  const seen = answer('/api/indee/refresh', () => success({ token: 'h.p2.s' }))
  await expect(client.refresh('refresh-1')).resolves.toEqual({ token: 'h.p2.s' })
  expect(seen[0]?.body).toEqual({ refresh_token: 'refresh-1' })
})

test('refresh answered A2003 is session_expired', async () => {
  answer('/api/indee/refresh', () => failure('A2003', 'Refresh failed', 401))
  expect(await codeAndDetailOf(client.refresh('refresh-1'))).toEqual({
    code: 'session_expired',
    detail: 'Refresh failed',
  })
})

test('refresh answered A2003 with HTTP 200 is session_expired', async () => {
  answer('/api/indee/refresh', () => failure('A2003', 'Refresh failed', 200))
  expect(await codeOfRejection(client.refresh('refresh-1'))).toBe('session_expired')
})

test('refresh answered a bare 401 is session_expired', async () => {
  answer('/api/indee/refresh', () => new HttpResponse(null, { status: 401 }))
  expect(await codeOfRejection(client.refresh('refresh-1'))).toBe('session_expired')
})

test('refresh answered A5xxx is backend_unavailable, not a sign-out', async () => {
  answer('/api/indee/refresh', () => failure('A5001', 'Unexpected server error', 500))
  expect(await codeOfRejection(client.refresh('refresh-1'))).toBe('backend_unavailable')
})

test('refresh answer without a token is invalid_response', async () => {
  answer('/api/indee/refresh', () => success())
  expect(await codeOfRejection(client.refresh('refresh-1'))).toBe('invalid_response')
})

test('logout posts the refresh token', async () => {
  const seen = answer('/api/indee/logout', () => success())
  await expect(client.logout('refresh-1')).resolves.toBeUndefined()
  expect(seen[0]?.body).toEqual({ refresh_token: 'refresh-1' })
})

test('logout failures are reported to the caller', async () => {
  answer('/api/indee/logout', () => failure('A5001', 'Unexpected server error', 500))
  expect(await codeOfRejection(client.logout('refresh-1'))).toBe('backend_unavailable')
})

test('classifies the documented status classes', () => {
  expect(classifyIndeeStatus('A0000')).toBe('success')
  expect(classifyIndeeStatus('A2003')).toBe('authentication')
  expect(classifyIndeeStatus('A2101')).toBe('authorization')
  expect(classifyIndeeStatus('A4001')).toBe('validation')
  expect(classifyIndeeStatus('A5002')).toBe('server')
  expect(classifyIndeeStatus('A3000')).toBeUndefined()
  expect(classifyIndeeStatus('A2200')).toBeUndefined()
})
