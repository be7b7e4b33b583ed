import { afterEach, beforeEach, expect, test } from 'vitest'
import { SandboxControl } from '../../control/control.ts'
import type { RunningServer } from '../../lib/http.ts'
import { ASSURESIGN_SANDBOX_CREDENTIALS, ASSURESIGN_SANDBOX_ENVELOPES } from './credentials.ts'
import { startAssureSign } from './assuresign-server.ts'

/** The app origin the pages link back to in these tests (vite preview). */
const APP = 'http://127.0.0.1:4173'
const BACK_TO_APP = `<a href="${APP}/">Back to Northwind Partner Hub</a>`

const API = '/api/documentnow/v3.3/authentication'
const ENVELOPE = ASSURESIGN_SANDBOX_ENVELOPES[0] ?? ''

let control: SandboxControl
let server: RunningServer

beforeEach(async () => {
  control = new SandboxControl()
  server = await startAssureSign({ control, port: 0, debugEndpoints: true, appOrigin: APP })
})

afterEach(async () => {
  await server.close()
})

function authenticate(request: Record<string, unknown>, contentType = 'application/json') {
  return fetch(`${server.url}${API}/apiUserAuthentication`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: JSON.stringify({ request }),
  })
}

const goodRequest = {
  apiUsername: ASSURESIGN_SANDBOX_CREDENTIALS.apiUsername,
  key: ASSURESIGN_SANDBOX_CREDENTIALS.key,
  contextUsername: 'alice@example.com',
  sessionLengthInMinutes: 10,
}

async function sessionToken(request: Record<string, unknown> = goodRequest): Promise<string> {
  const response = await authenticate(request)
  expect(response.status).toBe(200)
  const body = (await response.json()) as { result: { token: string } }
  return body.result.token
}

function sso(headers: Record<string, string>) {
  return fetch(`${server.url}${API}/sso`, { method: 'POST', headers })
}

async function ssoToken(): Promise<string> {
  const response = await sso({ authorization: `bearer ${await sessionToken()}` })
  expect(response.status).toBe(200)
  const body = (await response.json()) as { result: { ssoToken: string } }
  return body.result.ssoToken
}

function land(envelopeId: string, token: string | undefined, headers: Record<string, string> = {}) {
  const query = token === undefined ? '' : `?ssoToken=${encodeURIComponent(token)}`
  return fetch(`${server.url}/ui/simpleSetup/${envelopeId}${query}`, { headers })
}

test('issues a session token for the sandbox API user', async () => {
  const token = await sessionToken()
  expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/)
})

test('refuses a wrong API key with 401 UNAUTHORIZED', async () => {
  const response = await authenticate({ ...goodRequest, key: 'wrong' })
  expect(response.status).toBe(401)
  expect(await response.json()).toEqual({
    errorCode: 'UNAUTHORIZED',
    summary: expect.any(String) as string,
    details: [],
  })
})

test('refuses an unknown API username with 401 UNAUTHORIZED', async () => {
  const response = await authenticate({ ...goodRequest, apiUsername: 'someone-else' })
  expect(response.status).toBe(401)
  expect(((await response.json()) as { errorCode: string }).errorCode).toBe('UNAUTHORIZED')
})

test('refuses a context user who is not a user of the account with 403 FORBIDDEN', async () => {
  const response = await authenticate({ ...goodRequest, contextUsername: 'bob@example.com' })
  expect(response.status).toBe(403)
  expect(((await response.json()) as { errorCode: string }).errorCode).toBe('FORBIDDEN')
})

test('refuses a request without contextUsername with 400 BAD_REQUEST naming the field', async () => {
  const response = await authenticate({ ...goodRequest, contextUsername: undefined })
  expect(response.status).toBe(400)
  const body = (await response.json()) as { errorCode: string; summary: string }
  expect(body.errorCode).toBe('BAD_REQUEST')
  expect(body.summary).toContain('request.contextUsername')
})

test('refuses a body that is not application/json with 415', async () => {
  const response = await authenticate(goodRequest, 'text/plain')
  expect(response.status).toBe(415)
  expect(((await response.json()) as { errorCode: string }).errorCode).toBe(
    'UNSUPPORTED_MEDIA_TYPE',
  )
})

test('issues an ssoToken for a bearer session token, whatever the scheme case', async () => {
  const token = await sessionToken()
  for (const scheme of ['bearer', 'Bearer', 'BEARER']) {
    const response = await sso({ authorization: `${scheme} ${token}` })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { result: { ssoToken: string } }
    // Standard base64, as documented: the token holds characters a URL must encode.
    expect(body.result.ssoToken).toMatch(/^[A-Za-z0-9+/]{40,}={0,2}$/)
  }
})

test('accepts the legacy X-AS-UserSessionToken scheme and header', async () => {
  const token = await sessionToken()
  expect((await sso({ authorization: `X-AS-UserSessionToken ${token}` })).status).toBe(200)
  expect((await sso({ 'x-as-usersessiontoken': token })).status).toBe(200)
})

test('refuses an SSO request without a session token with 403 FORBIDDEN', async () => {
  const response = await sso({})
  expect(response.status).toBe(403)
  expect(await response.json()).toEqual({
    errorCode: 'FORBIDDEN',
    summary: expect.stringContaining('required') as string,
    details: [],
  })
})

test('refuses an unknown session token with 403 FORBIDDEN', async () => {
  const response = await sso({ authorization: 'bearer not-a-token' })
  expect(response.status).toBe(403)
  expect(((await response.json()) as { errorCode: string }).errorCode).toBe('FORBIDDEN')
})

test('refuses an Authorization header with another scheme', async () => {
  const token = await sessionToken()
  const response = await sso({ authorization: `Basic ${token}` })
  expect(response.status).toBe(403)
})

test('refuses a session token after sessionLengthInMinutes on the sandbox clock', async () => {
  const token = await sessionToken({ ...goodRequest, sessionLengthInMinutes: 1 })
  control.advanceClock(59_000)
  expect((await sso({ authorization: `bearer ${token}` })).status).toBe(200)
  control.advanceClock(2_000)
  const response = await sso({ authorization: `bearer ${token}` })
  expect(response.status).toBe(403)
  expect(((await response.json()) as { summary: string }).summary).toContain('expired')
})

test('caps the session length at 1440 minutes', async () => {
  const token = await sessionToken({ ...goodRequest, sessionLengthInMinutes: 100_000 })
  control.advanceClock(1440 * 60_000 + 1_000)
  expect((await sso({ authorization: `bearer ${token}` })).status).toBe(403)
})

test('Simple Setup signs the context user in with a fresh ssoToken', async () => {
  const response = await land(ENVELOPE, await ssoToken())
  expect(response.status).toBe(200)
  const page = await response.text()
  expect(page).toContain('<h1>AssureSign Simple Setup</h1>')
  expect(page).toContain(BACK_TO_APP)
  expect(page).toContain('Signed in as alice@example.com')
  expect(page).toContain(`Envelope ${ENVELOPE}`)
  expect(response.headers.get('referrer-policy')).toBe('no-referrer')
})

test('Simple Setup refuses a reused ssoToken as already used', async () => {
  const token = await ssoToken()
  expect((await land(ENVELOPE, token)).status).toBe(200)
  const again = await land(ENVELOPE, token)
  expect(again.status).toBe(401)
  const page = await again.text()
  expect(page).toContain('<h1>Sign-on rejected</h1>')
  expect(page).toContain('already used')
})

test('Simple Setup accepts an ssoToken within 30 s and refuses it after', async () => {
  const onTime = await ssoToken()
  const late = await ssoToken()
  control.advanceClock(29_000)
  expect((await land(ENVELOPE, onTime)).status).toBe(200)
  control.advanceClock(2_000)
  const response = await land(ENVELOPE, late)
  expect(response.status).toBe(401)
  expect(await response.text()).toContain('expired')
})

test('Simple Setup refuses an unknown or missing ssoToken', async () => {
  const unknown = await land(ENVELOPE, 'forged')
  expect(unknown.status).toBe(401)
  expect(await unknown.text()).toContain('unknown')
  const missing = await land(ENVELOPE, undefined)
  expect(missing.status).toBe(401)
  expect(await missing.text()).toContain('no ssoToken')
})

test('Simple Setup answers 404 for an envelope id that is not a GUID, without spending the token', async () => {
  const token = await ssoToken()
  const response = await land('not-a-guid', token)
  expect(response.status).toBe(404)
  expect(await response.text()).toContain('<h1>Envelope not found</h1>')
  expect((await land(ENVELOPE, token)).status).toBe(200)
})

test('Simple Setup answers 404 for an unknown envelope', async () => {
  const response = await land('11111111-2222-4333-8444-555555555555', await ssoToken())
  expect(response.status).toBe(404)
  expect(await response.text()).toContain(
    'No prepared envelope 11111111-2222-4333-8444-555555555555',
  )
})

test('repeats no part of a bad address on the page, hostile or not', async () => {
  const response = await land(encodeURIComponent('<script>alert(1)</script>'), 'x')
  const page = await response.text()
  expect(response.status).toBe(404)
  expect(page).not.toContain('script')
  expect(page).toContain('does not name a prepared envelope id')
})

test('records the Referer and path of the last landing request, without query values', async () => {
  expect((await fetch(`${server.url}/__emulator/last-landing`)).status).toBe(404)
  const token = await ssoToken()
  await land(ENVELOPE, token, { referer: 'http://127.0.0.1:5173/' })
  const record = (await (await fetch(`${server.url}/__emulator/last-landing`)).json()) as Record<
    string,
    unknown
  >
  expect(record).toMatchObject({
    method: 'GET',
    path: `/ui/simpleSetup/${ENVELOPE}`,
    queryKeys: ['ssoToken'],
    referer: 'http://127.0.0.1:5173/',
    at: expect.any(Number) as number,
  })
  expect(JSON.stringify(record)).not.toContain(token)
  await land(ENVELOPE, 'x')
  const second = (await (await fetch(`${server.url}/__emulator/last-landing`)).json()) as {
    referer: unknown
  }
  expect(second.referer).toBeNull()
})

test('serves no last-landing record when the debug endpoints are off (production mode)', async () => {
  const production = await startAssureSign({ control, port: 0, debugEndpoints: false })
  try {
    await fetch(`${production.url}/ui/simpleSetup/${ENVELOPE}?ssoToken=x`, {
      headers: { referer: 'http://127.0.0.1:4173/handoff/assuresign' },
    })
    const record = await fetch(`${production.url}/__emulator/last-landing`)
    expect(record.status).toBe(404)
    expect(await record.json()).toEqual({
      errorCode: 'NOT_FOUND',
      summary: 'No such resource.',
      details: [],
    })
  } finally {
    await production.close()
  }
})

test('answers an injected control fault instead of the emulator', async () => {
  control.addFault({
    party: 'assuresign',
    path: '/authentication/sso',
    status: 503,
    body: '{}',
    times: 1,
  })
  const token = await sessionToken()
  expect((await sso({ authorization: `bearer ${token}` })).status).toBe(503)
  expect((await sso({ authorization: `bearer ${token}` })).status).toBe(200)
})

test('answers 405 for the wrong method and 404 for unknown paths', async () => {
  const wrongMethod = await fetch(`${server.url}${API}/sso`)
  expect(wrongMethod.status).toBe(405)
  expect(wrongMethod.headers.get('allow')).toBe('POST')
  expect((await fetch(`${server.url}/nope`)).status).toBe(404)
})
