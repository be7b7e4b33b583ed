// Fidelity: the Indee SSO Login document, row by row, sent to the Indee-style backend as the
// document writes it (JSON bodies, `Authorization: Bearer <api key>`, no cookie). Values that
// must exist in the sandbox are adjusted, and each test says which.
import { decodeJwt } from 'jose'
import { expect, test } from 'vitest'
import { INDEE_STATUS } from '../indee/status-codes.ts'
import { reachLogin, useIndeeParties } from '../indee/test-sign-in.ts'
import { USERS, type SandboxUser } from '../users.ts'

// Adjusted: the document's username is a person of its own; the sandbox knows alice.
const alice: SandboxUser = USERS[0] ?? expect.fail('no alice')

const parties = useIndeeParties()

async function answer(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  return { http: response.status, body: (await response.json()) as Record<string, unknown> }
}

const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/

async function signedIn() {
  const { body } = await reachLogin(parties, alice)
  const login = await answer(await parties.call('sso/login', body))
  return login.body as { token: string; refresh_token: string }
}

test('sso/initiate {"username"} → state, nonce, redirect carrying them, A0000 success', async () => {
  const started = await answer(await parties.call('sso/initiate', { username: alice.email }))
  expect(started.http).toBe(200)
  expect(Object.keys(started.body).sort()).toEqual(
    ['nonce', 'redirect', 'state', 'status_code', 'status_message'].sort(),
  )
  expect(started.body).toMatchObject({ status_code: 'A0000', status_message: 'success' })
  const redirect = new URL(String(started.body['redirect']))
  expect(redirect.searchParams.get('state')).toBe(started.body['state'])
  expect(redirect.searchParams.get('nonce')).toBe(started.body['nonce'])
})

test('sso/login {"state","nonce","email","code","error":false,"error_description":{}} → token and refresh_token, A0000', async () => {
  // Adjusted: state, nonce and code are those of a real sign-in at the sandbox IdP.
  const { body } = await reachLogin(parties, alice)
  expect(Object.keys(body)).toEqual([
    'state',
    'nonce',
    'email',
    'code',
    'error',
    'error_description',
  ])
  const response = await parties.call('sso/login', body)
  expect(response.headers.get('set-cookie')).toBeNull()
  const login = await answer(response)
  expect(login.http).toBe(200)
  expect(login.body).toMatchObject({ status_code: 'A0000', status_message: 'success' })
  expect(login.body['token']).toMatch(JWT)
  // The document calls refresh_token a JWT.
  expect(login.body['refresh_token']).toMatch(JWT)
})

test('access token lives 15 min and the refresh token about a day', async () => {
  const { token, refresh_token: refreshToken } = await signedIn()
  const access = decodeJwt(token)
  const refresh = decodeJwt(refreshToken)
  expect((access.exp ?? 0) - (access.iat ?? 0)).toBe(15 * 60)
  expect((refresh.exp ?? 0) - (refresh.iat ?? 0)).toBe(24 * 60 * 60)
})

test('refresh {"refresh_token"} → status_code, status_message, token', async () => {
  const { refresh_token: refreshToken } = await signedIn()
  const refreshed = await answer(await parties.call('refresh', { refresh_token: refreshToken }))
  expect(refreshed.http).toBe(200)
  expect(Object.keys(refreshed.body).sort()).toEqual(['status_code', 'status_message', 'token'])
  expect(refreshed.body['token']).toMatch(JWT)
})

test('logout {"refresh_token"} → A0000 success', async () => {
  const { refresh_token: refreshToken } = await signedIn()
  expect(await answer(await parties.call('logout', { refresh_token: refreshToken }))).toEqual({
    http: 200,
    body: { status_code: 'A0000', status_message: 'success' },
  })
})

test('error A2001: HTTP 401 without the API key', async () => {
  const refused = await answer(
    await parties.call('sso/initiate', { username: alice.email }, { authorization: 'Bearer x' }),
  )
  expect(refused).toEqual({
    http: 401,
    body: { status_code: 'A2001', status_message: 'Invalid or missing API key' },
  })
})

test('error A2002 "Access Denied": a login that reports the provider error', async () => {
  const { body } = await reachLogin(parties, alice)
  const refused = await answer(
    await parties.call('sso/login', {
      ...body,
      code: '',
      error: true,
      error_description: { error: 'access_denied' },
    }),
  )
  expect(refused).toEqual({
    http: 401,
    body: { status_code: 'A2002', status_message: 'Access Denied' },
  })
})

test('error A2003: refresh failed (a refresh token after logout)', async () => {
  const { refresh_token: refreshToken } = await signedIn()
  await parties.call('logout', { refresh_token: refreshToken })
  const refused = await answer(await parties.call('refresh', { refresh_token: refreshToken }))
  expect(refused).toMatchObject({ http: 401, body: { status_code: 'A2003' } })
})

test('error A4xxx validation: a login body without the required error field', async () => {
  const { body } = await reachLogin(parties, alice)
  const withoutError: Partial<typeof body> = { ...body }
  delete withoutError.error
  const refused = await answer(await parties.call('sso/login', withoutError))
  expect(refused.http).toBe(400)
  expect(refused.body['status_code']).toMatch(/^A4\d{3}$/)
})

test('error A5xxx server: the identity provider cannot be reached', async () => {
  const { body } = await reachLogin(parties, alice)
  parties.control.addFault({ party: 'idp', status: 503, times: 10 })
  const refused = await answer(await parties.call('sso/login', body))
  expect(refused).toEqual({
    http: 502,
    body: { status_code: 'A5003', status_message: 'The identity provider is unreachable' },
  })
})

test('every error is {"status_code","status_message"} in a documented class; no A21xx exists here', () => {
  for (const status of Object.values(INDEE_STATUS)) {
    expect(status.code).toMatch(/^A(0\d{3}|20\d{2}|4\d{3}|5\d{3})$/)
  }
})
