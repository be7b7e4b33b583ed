import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose'
import { expect, test } from 'vitest'
import { REFRESH_TOKEN_AUDIENCE, REFRESH_TOKEN_TYPE, RefreshTokenStore } from './refresh-tokens.ts'

const ISSUER = 'http://127.0.0.1:4025'
const owner = { sub: 'alice@example.com', email: 'alice@example.com' }

function storeWithClock() {
  const clock = { now: 1_700_000_000_000 }
  return { clock, store: new RefreshTokenStore(() => clock.now, ISSUER) }
}

test('issues a JWT with its own type, audience and token_use, never a session token', async () => {
  const { clock, store } = storeWithClock()
  const token = await store.issue(owner, 86_400)
  expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: REFRESH_TOKEN_TYPE })
  const iat = Math.floor(clock.now / 1000)
  const claims = decodeJwt(token)
  expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/)
  expect(claims).toEqual({
    iss: ISSUER,
    aud: REFRESH_TOKEN_AUDIENCE,
    sub: owner.sub,
    email: owner.email,
    token_use: 'refresh',
    jti: claims.jti,
    iat,
    exp: iat + 86_400,
  })
})

test('keeps a refresh token usable, without rotating it, until it expires', async () => {
  const { clock, store } = storeWithClock()
  const token = await store.issue(owner, 60)
  expect(await store.use(token)).toEqual(owner)
  clock.now += 59_999
  expect(await store.use(token)).toEqual(owner)
  clock.now += 1
  expect(await store.use(token)).toBeUndefined()
})

test('refuses a revoked refresh token, and revoking twice is harmless', async () => {
  const { store } = storeWithClock()
  const token = await store.issue(owner, 60)
  const other = await store.issue(owner, 60)
  await store.revoke(token)
  await store.revoke(token)
  expect(await store.use(token)).toBeUndefined()
  expect(await store.use(other)).toEqual(owner)
})

test('refuses a value it never issued: random text, or a JWT signed with another key', async () => {
  const { store } = storeWithClock()
  expect(await store.use('never-issued')).toBeUndefined()
  const forged = await new SignJWT({ email: owner.email, token_use: 'refresh' })
    .setProtectedHeader({ alg: 'HS256', typ: REFRESH_TOKEN_TYPE })
    .setIssuer(ISSUER)
    .setAudience(REFRESH_TOKEN_AUDIENCE)
    .setSubject(owner.sub)
    .setJti('00000000-0000-4000-8000-000000000000')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode('x'.repeat(32)))
  expect(await store.use(forged)).toBeUndefined()
})

test("refuses another backend's token, even one of the same shape", async () => {
  const token = await storeWithClock().store.issue(owner, 60)
  expect(await storeWithClock().store.use(token)).toBeUndefined()
})
