// Fidelity: the AssureSign DocumentNOW v3.3 Authentication/SSO document, row by row. Values
// that must exist in the sandbox are adjusted, and each test says which.
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { SandboxControl } from '../control/control.ts'
import type { RunningServer } from '../lib/http.ts'
import {
  ASSURESIGN_SANDBOX_CREDENTIALS,
  ASSURESIGN_SANDBOX_ENVELOPES,
} from '../vendors/assuresign/credentials.ts'
import { startAssureSign } from '../vendors/assuresign/assuresign-server.ts'

const API = '/api/documentnow/v3.3/authentication'
// Adjusted: the sandbox's prepared envelope and account user stand for the document's.
const ENVELOPE = ASSURESIGN_SANDBOX_ENVELOPES[0] ?? expect.fail('no sandbox envelope')
const request = {
  apiUsername: ASSURESIGN_SANDBOX_CREDENTIALS.apiUsername,
  key: ASSURESIGN_SANDBOX_CREDENTIALS.key,
  contextUsername: 'alice@example.com',
  sessionLengthInMinutes: 60,
}

const control = new SandboxControl()
let server: RunningServer

beforeAll(async () => {
  server = await startAssureSign({ control, port: 0, debugEndpoints: true })
})

afterAll(async () => {
  await server.close()
})

afterEach(() => {
  control.reset()
})

function post(path: string, headers: Record<string, string>, body?: string) {
  return fetch(`${server.url}${API}/${path}`, {
    method: 'POST',
    headers,
    ...(body !== undefined && { body }),
  })
}

async function sessionToken(): Promise<string> {
  const response = await post(
    'apiUserAuthentication',
    { 'content-type': 'application/json' },
    JSON.stringify({ request }),
  )
  return ((await response.json()) as { result: { token: string } }).result.token
}

async function ssoToken(): Promise<string> {
  const response = await post('sso', { authorization: `bearer ${await sessionToken()}` })
  return ((await response.json()) as { result: { ssoToken: string } }).result.ssoToken
}

function expectForbidden(body: unknown) {
  expect(body).toEqual({
    errorCode: 'FORBIDDEN',
    summary: expect.any(String) as string,
    details: [],
  })
}

test('apiUserAuthentication {"request":{apiUsername,key,contextUsername,sessionLengthInMinutes}} → {"result":{"token"}}', async () => {
  const response = await post(
    'apiUserAuthentication',
    { 'content-type': 'application/json' },
    JSON.stringify({ request }),
  )
  expect(response.status).toBe(200)
  const body = (await response.json()) as { result: Record<string, unknown> }
  expect(Object.keys(body)).toEqual(['result'])
  expect(Object.keys(body.result)).toEqual(['token'])
})

test('sso with Authorization: bearer <token> and no body → {"result":{"ssoToken"}}', async () => {
  const response = await post('sso', { authorization: `bearer ${await sessionToken()}` })
  expect(response.status).toBe(200)
  const body = (await response.json()) as { result: Record<string, unknown> }
  expect(Object.keys(body.result)).toEqual(['ssoToken'])
})

test('sso with the legacy X-AS-UserSessionToken scheme → {"result":{"ssoToken"}}', async () => {
  const response = await post('sso', {
    authorization: `X-AS-UserSessionToken ${await sessionToken()}`,
  })
  expect(response.status).toBe(200)
})

test('the ssoToken is standard base64 of {"validUntil","ssoTokenId","signature"}', async () => {
  const token = await ssoToken()
  expect(token).toMatch(/^[A-Za-z0-9+/]+={0,2}$/)
  // The sandbox makes every token hold the characters a URL must encode.
  expect(token).toMatch(/\+/)
  expect(token).toMatch(/\//)
  expect(token).toMatch(/=$/)
  const json = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Record<string, unknown>
  expect(Object.keys(json)).toEqual(['validUntil', 'ssoTokenId', 'signature'])
  expect(Date.parse(String(json['validUntil'])) - control.now()).toBeLessThanOrEqual(30_000)
})

test('sso with an invalid token → FORBIDDEN {"errorCode","summary","details":[]}', async () => {
  const response = await post('sso', { authorization: 'bearer not-a-token' })
  // Assumption: 403, the status the code's name implies; the client keys on errorCode.
  expect(response.status).toBe(403)
  expectForbidden(await response.json())
})

test('sso with an expired token → FORBIDDEN', async () => {
  const token = await sessionToken()
  control.advanceClock(61 * 60_000)
  const response = await post('sso', { authorization: `bearer ${token}` })
  expect(response.status).toBe(403)
  expectForbidden(await response.json())
})

test('other errors use the same errorCode/summary shape (a wrong key)', async () => {
  const response = await post(
    'apiUserAuthentication',
    { 'content-type': 'application/json' },
    JSON.stringify({ request: { ...request, key: 'wrong' } }),
  )
  const body = (await response.json()) as Record<string, unknown>
  expect(Object.keys(body)).toEqual(['errorCode', 'summary', 'details'])
  expect(body['details']).toEqual([])
})

test('landing GET /ui/simpleSetup/{preparedEnvelopeID}?ssoToken={token}', async () => {
  const token = await ssoToken()
  const page = await fetch(
    `${server.url}/ui/simpleSetup/${ENVELOPE}?ssoToken=${encodeURIComponent(token)}`,
  )
  expect(page.status).toBe(200)
  expect(page.headers.get('content-type')).toMatch(/^text\/html/)
  expect(await page.text()).toContain('Signed in as alice@example.com')
})

test('landing with &ssoToken= appended, to a Simple Setup URL with or without a query', async () => {
  const base = `${server.url}/ui/simpleSetup/${ENVELOPE}`
  const withQuery = await fetch(`${base}?foo=bar&ssoToken=${encodeURIComponent(await ssoToken())}`)
  expect(withQuery.status).toBe(200)
  const without = await fetch(`${base}&ssoToken=${encodeURIComponent(await ssoToken())}`)
  expect(without.status).toBe(200)
})

test('the ssoToken is valid 30 s', async () => {
  const token = await ssoToken()
  control.advanceClock(31_000)
  const page = await fetch(
    `${server.url}/ui/simpleSetup/${ENVELOPE}?ssoToken=${encodeURIComponent(token)}`,
  )
  expect(page.status).toBe(401)
  const text = await page.text()
  expect(text).toContain('expired')
  expect(text).not.toContain(token)
})
