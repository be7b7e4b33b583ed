import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { fakeJwt } from '../sso/testing/jwt.ts'
import { mswServer } from '../sso/testing/msw-server.ts'
import { testConfig } from '../sso/testing/runtime-config.ts'
import { runHandoff, type HandoffInput } from './handoff-run.ts'
import { createServices } from './services.ts'

const MINUTE = 60_000
const ENVELOPE = '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f'
const api = (path: string) => `${window.location.origin}/api${path}`
const handoff: HandoffInput = { partner: 'assuresign', input: { envelopeId: ENVELOPE } }
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

function signedIn(tokenMinutes: number) {
  const services = createServices(testConfig())
  const token = fakeJwt({ email: 'alice@example.com', exp: Date.now() / 1000 + tokenMinutes * 60 })
  services.sessions.save({
    token,
    refreshToken: 'refresh-1',
    email: 'alice@example.com',
    expiresAt: Date.now() + tokenMinutes * MINUTE,
  })
  return { services, token }
}

/** Answers AssureSign hand-offs and records the session token each one carried. */
function assureSignAnswers() {
  const tokens: (string | null)[] = []
  server.use(
    http.post(api('/assuresign/authentication/sso'), ({ request }) => {
      tokens.push(request.headers.get('authorization'))
      return HttpResponse.json({ result: { ssoToken: `sso-${tokens.length}` } })
    }),
  )
  return tokens
}

test('one key shares one request (StrictMode runs the effect twice)', async () => {
  const { services } = signedIn(15)
  const tokens = assureSignAnswers()
  const [first, second] = [runHandoff('k', handoff, services), runHandoff('k', handoff, services)]
  expect(second).toBe(first)
  await first
  expect(tokens).toHaveLength(1)
})

test('a settled run is forgotten, so its token is not kept and the key can run again', async () => {
  const { services } = signedIn(15)
  const tokens = assureSignAnswers()
  const first = await runHandoff('k', handoff, services)
  const again = await runHandoff('k', handoff, services)
  expect(tokens).toHaveLength(2)
  expect(again).not.toEqual(first)
})

test('the retry after a long hidden wait renews the session first and sends the new token', async () => {
  const { services, token } = signedIn(20)
  const renewed = fakeJwt({ email: 'alice@example.com', exp: Date.now() / 1000 + 40 * 60 })
  server.use(
    http.post(api('/indee/refresh'), () =>
      HttpResponse.json({ status_code: 'A0000', status_message: 'success', token: renewed }),
    ),
  )
  const tokens = assureSignAnswers()
  visibility = 'hidden'
  const listening = vi.spyOn(document, 'addEventListener')
  const run = runHandoff('k', handoff, services)
  // The first answer is in and the guard waits for the tab: the token ages while it is hidden.
  await vi.waitFor(() => {
    expect(listening).toHaveBeenCalledWith('visibilitychange', expect.any(Function))
  })
  vi.setSystemTime(Date.now() + 19.5 * MINUTE)
  visibility = 'visible'
  document.dispatchEvent(new Event('visibilitychange'))
  const target = await run
  expect(tokens).toEqual([`Bearer ${token}`, `Bearer ${renewed}`])
  expect(target).toMatchObject({ kind: 'redirect' })
  expect(String(target.kind === 'redirect' ? target.url : '')).toContain('ssoToken=sso-2')
})
