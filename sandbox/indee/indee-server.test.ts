// The Indee-style backend called directly, as sso-bridge's backend-for-frontend calls it: API
// key, JSON, no cookie. The identity provider's pages run in a cookie-jar browser of their own.
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose'
import { expect, test } from 'vitest'
import { USERS, type SandboxUser } from '../users.ts'
import { REFRESH_TOKEN_AUDIENCE } from './refresh-tokens.ts'
import {
  TEST_HOST_APP,
  callbackAfterIdp,
  initiate,
  reachLogin,
  startIndeeParties,
  useIndeeParties,
} from './test-sign-in.ts'
import { TRANSACTION_TTL_MS } from './transactions.ts'

const alice: SandboxUser = USERS[0] ?? expect.fail('no alice')

const parties = useIndeeParties()

async function answer(response: Response) {
  return { http: response.status, body: (await response.json()) as Record<string, unknown> }
}

test('signs in with the documented login body and no cookie at all', async () => {
  const { body } = await reachLogin(parties, alice)
  const login = await parties.call('sso/login', body)
  expect(login.headers.get('set-cookie')).toBeNull()
  const session = (await login.json()) as Record<string, string>
  expect(login.status).toBe(200)
  expect(session).toMatchObject({ status_code: 'A0000', status_message: 'success' })

  const jwks = createRemoteJWKSet(new URL(`${parties.indee.url}/.well-known/jwks.json`))
  const { payload } = await jwtVerify(session['token'] ?? '', jwks, {
    issuer: parties.indee.url,
    audience: 'sso-bridge',
  })
  expect(payload).toMatchObject({
    sub: alice.email,
    email: alice.email,
    cii_no: alice.ciiNo,
    permissions: ['assuresign', 'aimbase', 'abc'],
    aimbase_accounts: alice.aimbaseAccounts.map((uid) => uid.toLowerCase()),
  })
})

test('a sign-in started from a registered host app comes back to its own callback path and logs in', async () => {
  const hostApp = TEST_HOST_APP.origin
  const started = await parties.call('sso/initiate', { username: alice.email }, { origin: hostApp })
  expect(started.status).toBe(200)
  const { state, nonce, redirect } = (await started.json()) as Record<string, string>
  const redirectUri = new URL(redirect ?? '').searchParams.get('redirect_uri')
  expect(redirectUri).toBe(`${hostApp}/login/complete`)

  const fields = { email: alice.email, password: alice.password, action: 'login' }
  const callback = await callbackAfterIdp(parties, redirect ?? '', fields, undefined, hostApp)
  expect(callback.origin + callback.pathname).toBe(`${hostApp}/login/complete`)
  expect(callback.searchParams.get('state')).toBe(state)
  const login = await parties.call('sso/login', {
    state,
    nonce,
    email: alice.email,
    code: callback.searchParams.get('code'),
    error: false,
    error_description: {},
  })
  expect(await answer(login)).toMatchObject({ http: 200, body: { status_code: 'A0000' } })
})

test('refuses a sign-in started from an origin nobody registered (A4003)', async () => {
  const refused = await parties.call(
    'sso/initiate',
    { username: alice.email },
    { origin: 'http://127.0.0.1:4999' },
  )
  expect(await answer(refused)).toMatchObject({ http: 400, body: { status_code: 'A4003' } })
})

test('issues a refresh token that is a JWT of its own kind, unusable as a session token', async () => {
  const { body } = await reachLogin(parties, alice)
  const session = (await (await parties.call('sso/login', body)).json()) as Record<string, string>
  const refreshToken = session['refresh_token'] ?? ''
  const claims = decodeJwt(refreshToken)
  expect(claims).toMatchObject({
    iss: parties.indee.url,
    aud: REFRESH_TOKEN_AUDIENCE,
    token_use: 'refresh',
    sub: alice.email,
    email: alice.email,
  })
  expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(24 * 60 * 60)
  const jwks = createRemoteJWKSet(new URL(`${parties.indee.url}/.well-known/jwks.json`))
  await expect(
    jwtVerify(refreshToken, jwks, { issuer: parties.indee.url, audience: 'sso-bridge' }),
  ).rejects.toThrow()
})

test('refreshes without rotating, then refuses the refresh token after logout with A2003', async () => {
  const { body } = await reachLogin(parties, alice)
  const session = (await (await parties.call('sso/login', body)).json()) as Record<string, string>
  const refresh = { refresh_token: session['refresh_token'] }
  for (let i = 0; i < 2; i += 1) {
    const refreshed = await answer(await parties.call('refresh', refresh))
    expect(refreshed.http).toBe(200)
    expect(refreshed.body['status_code']).toBe('A0000')
    expect(refreshed.body['token']).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    expect(refreshed.body).not.toHaveProperty('refresh_token')
  }
  expect(await answer(await parties.call('logout', refresh))).toEqual({
    http: 200,
    body: { status_code: 'A0000', status_message: 'success' },
  })
  expect(await answer(await parties.call('refresh', refresh))).toEqual({
    http: 401,
    body: { status_code: 'A2003', status_message: 'Refresh failed' },
  })
})

test('refuses an unknown refresh token with A2003', async () => {
  const refreshed = await answer(await parties.call('refresh', { refresh_token: 'a.b.c' }))
  expect(refreshed).toMatchObject({ http: 401, body: { status_code: 'A2003' } })
})

test('refresh tokens follow refreshTokenTtlSeconds on the sandbox clock', async () => {
  parties.control.settings.refreshTokenTtlSeconds = 60
  const { body } = await reachLogin(parties, alice)
  const session = (await (await parties.call('sso/login', body)).json()) as Record<string, string>
  parties.control.advanceClock(60_000)
  const late = await answer(
    await parties.call('refresh', { refresh_token: session['refresh_token'] }),
  )
  expect(late.body['status_code']).toBe('A2003')
})

test('a state works once: the replayed login is A2004', async () => {
  const { body } = await reachLogin(parties, alice)
  expect((await parties.call('sso/login', body)).status).toBe(200)
  const replay = await answer(await parties.call('sso/login', body))
  expect(replay).toMatchObject({ http: 401, body: { status_code: 'A2004' } })
})

test('a wrong nonce uses the transaction up', async () => {
  const { body } = await reachLogin(parties, alice)
  const wrong = await answer(await parties.call('sso/login', { ...body, nonce: 'other' }))
  expect(wrong).toMatchObject({ http: 401, body: { status_code: 'A2004' } })
  const right = await answer(await parties.call('sso/login', body))
  expect(right.body['status_message']).toMatch(/unknown state/)
})

test('a transaction older than ten minutes is A2004 (expired)', async () => {
  const { body } = await reachLogin(parties, alice)
  parties.control.advanceClock(TRANSACTION_TTL_MS)
  const late = await answer(await parties.call('sso/login', body))
  expect(late).toMatchObject({
    http: 401,
    body: { status_code: 'A2004', status_message: 'Sign-in transaction expired' },
  })
})

test('a login body without the error field is malformed (A4001)', async () => {
  const { body } = await reachLogin(parties, alice)
  const withoutError: Partial<typeof body> = { ...body }
  delete withoutError.error
  const refused = await answer(await parties.call('sso/login', withoutError))
  expect(refused).toMatchObject({ http: 400, body: { status_code: 'A4001' } })
  const stringError = await answer(await parties.call('sso/login', { ...body, error: 'false' }))
  expect(stringError).toMatchObject({ http: 400, body: { status_code: 'A4001' } })
})

test('error true closes the transaction and is refused (A2002)', async () => {
  const started = await initiate(parties, alice.email)
  const callback = await callbackAfterIdp(parties, started.redirect, { action: 'cancel' })
  const body = {
    state: callback.searchParams.get('state'),
    nonce: started.nonce,
    email: alice.email,
    code: '',
    error: true,
    error_description: { error: callback.searchParams.get('error') },
  }
  expect(await answer(await parties.call('sso/login', body))).toMatchObject({
    http: 401,
    body: { status_code: 'A2002' },
  })
  const again = await answer(await parties.call('sso/login', { ...body, error: false, code: 'x' }))
  expect(again.body['status_code']).toBe('A2004')
})

test('refuses a new sign-in with A5004 when the transaction store is full', async () => {
  const small = await startIndeeParties({ maxPendingTransactions: 2 })
  try {
    await initiate(small, alice.email)
    await initiate(small, alice.email)
    const full = await answer(await small.call('sso/initiate', { username: alice.email }))
    expect(full).toEqual({
      http: 503,
      body: {
        status_code: 'A5004',
        status_message: 'Too many sign-ins in progress; try again later',
      },
    })
    small.control.advanceClock(TRANSACTION_TTL_MS)
    expect((await small.call('sso/initiate', { username: alice.email })).status).toBe(200)
  } finally {
    await small.close()
  }
})

test('a successful sso/login says where its time went: IdP token call, ID token, signing, total', async () => {
  const { body } = await reachLogin(parties, alice)
  const login = await parties.call('sso/login', body)
  expect(login.status).toBe(200)
  const entries = (login.headers.get('server-timing') ?? '').split(', ').map((entry) => {
    const match = /^([\w-]+);dur=(\d+\.\d+)(?:;desc="[^"\\]*")?$/.exec(entry)
    return match === null ? entry : { name: match[1], dur: Number(match[2]) }
  })
  expect(entries).toEqual(
    ['idp-token', 'id-token', 'sign', 'total'].map((name) => ({
      name,
      dur: expect.any(Number) as number,
    })),
  )
})

test('a refused sso/login carries no Server-Timing', async () => {
  const { body } = await reachLogin(parties, alice)
  const refused = await parties.call('sso/login', { ...body, nonce: 'other' })
  expect(refused.status).toBe(401)
  expect(refused.headers.get('server-timing')).toBeNull()
})

test("the identity provider's discovery document and keys are fetched once, not per sign-in", async () => {
  const fresh = await startIndeeParties()
  try {
    for (let i = 0; i < 3; i += 1) {
      const { body } = await reachLogin(fresh, alice)
      expect((await fresh.call('sso/login', body)).status).toBe(200)
    }
    const fetched = (path: string) =>
      fresh.control.log('idp').filter((r) => r.method === 'GET' && r.path === path)
    expect(fetched('/.well-known/openid-configuration')).toHaveLength(1)
    expect(fetched('/jwks')).toHaveLength(1)
    expect(fresh.control.log('idp').filter((r) => r.path === '/token')).toHaveLength(3)
  } finally {
    await fresh.close()
  }
})
