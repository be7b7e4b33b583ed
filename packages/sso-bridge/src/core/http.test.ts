import { http, HttpResponse } from 'msw'
import { afterEach, expect, test, vi } from 'vitest'
import { afterFakeTime } from '../test/fake-timers.ts'
import { mswServer } from '../test/msw-server.ts'
import { failureOf } from '../test/sso-failure.ts'
import { sendRequest, type FetchLike } from './http.ts'

const URL_ = 'http://app.test/api/thing'
const server = mswServer()
const viaMsw: FetchLike = (input, init) => fetch(input, init)

afterEach(() => {
  vi.useRealTimers()
})

test('sends same-origin credentials, no cache and no redirects, as the request the server sees', async () => {
  let seen: Request | undefined
  server.use(
    http.post(URL_, ({ request }) => {
      seen = request
      return HttpResponse.json({ ok: true })
    }),
  )
  await sendRequest({
    fetch: viaMsw,
    url: URL_,
    headers: { 'Content-Type': 'application/json' },
    body: '{"a":1}',
    timeoutMs: 1000,
    unavailableCode: 'backend_unavailable',
  })
  expect(seen?.method).toBe('POST')
  expect(seen?.credentials).toBe('same-origin')
  expect(seen?.cache).toBe('no-store')
  expect(seen?.redirect).toBe('error')
  expect(seen?.headers.get('content-type')).toBe('application/json')
})

test('passes fetch exactly the request options, and no body when there is none', async () => {
  const calls: RequestInit[] = []
  const fake: FetchLike = (_input, init) => {
    calls.push(init)
    return Promise.resolve(new Response(null, { status: 204 }))
  }
  await sendRequest({
    fetch: fake,
    url: URL_,
    method: 'GET',
    timeoutMs: 1000,
    unavailableCode: 'backend_unavailable',
  })
  expect(Object.keys(calls[0] ?? {}).sort()).toEqual(
    ['cache', 'credentials', 'headers', 'method', 'redirect', 'signal'].sort(),
  )
  expect(calls[0]).toMatchObject({
    method: 'GET',
    headers: {},
    credentials: 'same-origin',
    cache: 'no-store',
    redirect: 'error',
  })
})

test('answers status, content type and text; a missing content type is ""', async () => {
  server.use(
    http.post(
      URL_,
      () => new HttpResponse('<p>hi</p>', { headers: { 'Content-Type': 'text/html' } }),
    ),
  )
  await expect(
    sendRequest({
      fetch: viaMsw,
      url: URL_,
      timeoutMs: 1000,
      unavailableCode: 'backend_unavailable',
      now: () => 1_000,
    }),
  ).resolves.toEqual({ status: 200, contentType: 'text/html', text: '<p>hi</p>', at: 1_000 })

  const bare: FetchLike = () => Promise.resolve(new Response(null, { status: 204 }))
  await expect(
    sendRequest({
      fetch: bare,
      url: URL_,
      timeoutMs: 1000,
      unavailableCode: 'backend_unavailable',
      now: () => 2_000,
    }),
  ).resolves.toEqual({ status: 204, contentType: '', text: '', at: 2_000 })
})

test("keeps the BFF's request id of an answer, and only one that looks like an id", async () => {
  const answering =
    (id: string): FetchLike =>
    () =>
      Promise.resolve(new Response('{}', { status: 401, headers: { 'X-Request-Id': id } }))
  const send = (fetch: FetchLike) =>
    sendRequest({ fetch, url: URL_, timeoutMs: 1000, unavailableCode: 'backend_unavailable' })
  const id = '0b6f4b8e-6f1e-4d39-9a52-7c1c2f0e9a10'
  expect((await send(answering(id))).requestId).toBe(id)
  expect((await send(answering('<script>'))).requestId).toBeUndefined()
})

test('a call that gets no answer says when it gave up', async () => {
  const failing: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'))
  const failure = await failureOf(
    sendRequest({
      fetch: failing,
      url: URL_,
      timeoutMs: 1000,
      unavailableCode: 'backend_unavailable',
      now: () => 3_000,
    }),
  )
  expect(failure).toMatchObject({ code: 'backend_unavailable', at: 3_000 })
})

test('no answer within the timeout is timeout, naming the URL and the limit', async () => {
  server.use(http.post(URL_, () => new Promise<never>(() => undefined)))
  const failure = await failureOf(
    afterFakeTime(300, () =>
      sendRequest({
        fetch: viaMsw,
        url: URL_,
        timeoutMs: 300,
        unavailableCode: 'backend_unavailable',
      }),
    ),
  )
  expect(failure).toMatchObject({
    code: 'timeout',
    message: `no answer from ${URL_} within 300 ms`,
  })
  expect((failure as Error).cause).toBeDefined()
})

test('a network failure is the caller’s unavailable code, naming the URL, with the cause', async () => {
  const cause = new TypeError('Failed to fetch')
  const failure = await failureOf(
    sendRequest({
      fetch: () => Promise.reject(cause),
      url: URL_,
      timeoutMs: 1000,
      unavailableCode: 'handoff_unavailable',
    }),
  )
  expect(failure).toMatchObject({
    code: 'handoff_unavailable',
    message: `request to ${URL_} failed`,
  })
  expect((failure as Error).cause).toBe(cause)
})

test('an answer in time leaves no timer behind to abort anything later', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  const ok: FetchLike = () => Promise.resolve(new Response('{}', { status: 200 }))
  await sendRequest({
    fetch: ok,
    url: URL_,
    timeoutMs: 1000,
    unavailableCode: 'backend_unavailable',
  })
  expect(vi.getTimerCount()).toBe(0)
})
