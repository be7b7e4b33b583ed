// The Simple Setup landing as the AssureSign document describes it: `&ssoToken=` appended to
// the Simple Setup URL, a token that needs URL-encoding, and pages that never show the token.
import { afterEach, beforeEach, expect, test } from 'vitest'
import { SandboxControl } from '../../control/control.ts'
import type { RunningServer } from '../../lib/http.ts'
import { ASSURESIGN_SANDBOX_CREDENTIALS, ASSURESIGN_SANDBOX_ENVELOPES } from './credentials.ts'
import { startAssureSign } from './assuresign-server.ts'

const API = '/api/documentnow/v3.3/authentication'
const ENVELOPE = ASSURESIGN_SANDBOX_ENVELOPES[0] ?? ''

let control: SandboxControl
let server: RunningServer

beforeEach(async () => {
  control = new SandboxControl()
  server = await startAssureSign({ control, port: 0, debugEndpoints: true })
})

afterEach(async () => {
  await server.close()
})

async function ssoToken(): Promise<string> {
  const auth = await fetch(`${server.url}${API}/apiUserAuthentication`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      request: {
        apiUsername: ASSURESIGN_SANDBOX_CREDENTIALS.apiUsername,
        key: ASSURESIGN_SANDBOX_CREDENTIALS.key,
        contextUsername: 'alice@example.com',
      },
    }),
  })
  const { token } = ((await auth.json()) as { result: { token: string } }).result
  const sso = await fetch(`${server.url}${API}/sso`, {
    method: 'POST',
    headers: { authorization: `bearer ${token}` },
  })
  return ((await sso.json()) as { result: { ssoToken: string } }).result.ssoToken
}

function land(envelopeId: string, token: string) {
  return fetch(`${server.url}/ui/simpleSetup/${envelopeId}?ssoToken=${encodeURIComponent(token)}`)
}

test('Simple Setup takes &ssoToken= appended to a URL with a query, or without one', async () => {
  const withQuery = await ssoToken()
  const withoutQuery = await ssoToken()
  const base = `${server.url}/ui/simpleSetup/${ENVELOPE}`
  const first = await fetch(`${base}?foo=bar&ssoToken=${encodeURIComponent(withQuery)}`)
  expect(first.status).toBe(200)
  const second = await fetch(`${base}&ssoToken=${encodeURIComponent(withoutQuery)}`)
  expect(second.status).toBe(200)
  expect(await second.text()).toContain('Signed in as alice@example.com')
  expect(control.log('assuresign').map((r) => r.path)).toContain(
    `/ui/simpleSetup/${ENVELOPE}&{appended}`,
  )
})

test('shows no token on any refusal page', async () => {
  const token = await ssoToken()
  const pages = [
    await fetch(`${server.url}/ui/simpleSetup/not-a-guid&ssoToken=${encodeURIComponent(token)}`),
    await land('11111111-2222-4333-8444-555555555555', token),
    await land(ENVELOPE, token),
    await land(ENVELOPE, `${token}x`),
  ]
  for (const page of pages) {
    expect(page.status).toBeGreaterThanOrEqual(400)
    const text = await page.text()
    expect(text).not.toContain(token)
    expect(text).not.toContain(encodeURIComponent(token))
  }
})

test('refuses a token sent without URL-encoding: its + arrives as a space', async () => {
  const token = await ssoToken()
  const response = await fetch(`${server.url}/ui/simpleSetup/${ENVELOPE}?ssoToken=${token}`)
  expect(response.status).toBe(401)
  expect(await response.text()).toContain('unknown')
})
