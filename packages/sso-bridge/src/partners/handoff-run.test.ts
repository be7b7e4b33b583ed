import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { mswServer } from '../test/msw-server.ts'
import { testConfig } from '../test/runtime-config.ts'
import { runHandoff, whenVisible } from '../core/handoff-run.ts'
import { assureSign } from './assuresign.ts'

const MINUTE = 60_000
const ENVELOPE = '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f'
const api = (path: string) => `${window.location.origin}/api${path}`

/** The AssureSign hand-off as the app runs it: app-relative fetch, the tab's visibility. */
function handoff() {
  return runHandoff(assureSign, { envelopeId: ENVELOPE }, testConfig().partners.assuresign, {
    fetch: (input, init) => fetch(new URL(input, window.location.origin).href, init),
    apiBase: '/api',
    timeoutMs: 8000,
    now: Date.now,
    waitUntilNavigable: whenVisible(document),
  })
}
const server = mswServer()

let visibility: DocumentVisibilityState = 'visible'
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: 1_700_000_000_000 })
  visibility = 'visible'
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility)
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** Answers AssureSign hand-offs with a new ssoToken each, and counts them. */
function assureSignAnswers() {
  const calls = { count: 0, authorization: [] as (string | null)[] }
  server.use(
    http.post(api('/assuresign/authentication/sso'), ({ request }) => {
      calls.count += 1
      calls.authorization.push(request.headers.get('authorization'))
      return HttpResponse.json({ result: { ssoToken: `sso-${calls.count}` } })
    }),
  )
  return calls
}

test('each run is a new hand-off with its own token', async () => {
  const calls = assureSignAnswers()
  const first = await handoff()
  const again = await handoff()
  expect(calls.count).toBe(2)
  expect(again).not.toEqual(first)
})

test('a token that aged in a hidden tab is dropped for a fresh one; no credential is ever sent', async () => {
  const calls = assureSignAnswers()
  visibility = 'hidden'
  const listening = vi.spyOn(document, 'addEventListener')
  const run = handoff()
  // The first answer is in and the guard waits for the tab: the token ages while it is hidden.
  await vi.waitFor(() => {
    expect(listening).toHaveBeenCalledWith('visibilitychange', expect.any(Function))
  })
  vi.setSystemTime(Date.now() + 19.5 * MINUTE)
  visibility = 'visible'
  document.dispatchEvent(new Event('visibilitychange'))
  const target = await run
  expect(calls.authorization).toEqual([null, null])
  expect(String(target.kind === 'redirect' ? target.url : '')).toContain('ssoToken=sso-2')
})

test.each(['signed_out', 'session_expired'])(
  "the BFF's 401 %s ends the hand-off as session_expired",
  async (error) => {
    server.use(
      http.post(api('/assuresign/authentication/sso'), () =>
        HttpResponse.json(
          { error, message: 'Sign-in required.' },
          { status: 401, headers: { 'sso-bridge-error': error } },
        ),
      ),
    )
    await expect(handoff()).rejects.toMatchObject({
      code: 'session_expired',
    })
  },
)

test("the BFF's own refusal is its code, never AssureSign's, with the request id and time", async () => {
  server.use(
    http.post(api('/assuresign/authentication/sso'), () =>
      HttpResponse.json(
        {
          error: 'handoff_not_permitted',
          message: 'The signed-in person may not use this partner.',
        },
        {
          status: 403,
          headers: { 'sso-bridge-error': 'handoff_not_permitted', 'x-request-id': 'req-42' },
        },
      ),
    ),
  )
  const failure = await handoff().catch((error: unknown) => error)
  expect(failure).toMatchObject({
    code: 'handoff_not_permitted',
    detail: undefined,
    requestId: 'req-42',
    at: 1_700_000_000_000,
  })
})

test("a vendor's refusal read by the adapter carries the BFF's request id and time", async () => {
  vendorRefused(400, { errorCode: 'BAD_REQUEST', summary: 'The envelope is closed.', details: [] })
  await expect(handoff()).rejects.toMatchObject({
    code: 'handoff_bad_request',
    requestId: 'req-7',
    at: 1_700_000_000_000,
  })
})

/** The BFF's answer to a vendor's error: the vendor's own inside a 502 partner_refused. */
function vendorRefused(status: number, body: unknown) {
  server.use(
    http.post(api('/assuresign/authentication/sso'), () =>
      HttpResponse.json(
        {
          error: 'partner_refused',
          message: 'The partner service refused the request.',
          partner: 'assuresign',
          vendor: { status, contentType: 'application/json', body: JSON.stringify(body) },
        },
        {
          status: 502,
          headers: { 'sso-bridge-error': 'partner_refused', 'x-request-id': 'req-7' },
        },
      ),
    ),
  )
}

test("a vendor's own 401 stays the partner's refusal, not a sign-out", async () => {
  vendorRefused(401, { Message: 'Authorization has been denied.' })
  await expect(handoff()).rejects.toMatchObject({
    code: 'handoff_unauthorized',
  })
})

test("a vendor's 401 in the BFF's words is still the partner's refusal, not a sign-out", async () => {
  vendorRefused(401, { error: 'session_expired', message: 'The session has ended.' })
  await expect(handoff()).rejects.toMatchObject({
    code: 'handoff_unauthorized',
  })
})

test("the adapter reads a wrapped vendor error as the vendor's: AssureSign's errorCode and summary", async () => {
  vendorRefused(400, { errorCode: 'BAD_REQUEST', summary: 'The envelope is closed.', details: [] })
  await expect(handoff()).rejects.toMatchObject({
    code: 'handoff_bad_request',
    detail: 'The envelope is closed.',
  })
})
