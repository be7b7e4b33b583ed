import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type CryptoKey } from 'jose'
import { beforeAll, expect, test } from 'vitest'
import { createSessionTokenVerifier } from './session-token.ts'

const ISSUER = 'http://127.0.0.1:4025'
const AUDIENCE = 'sso-bridge'
const NOW = 1_700_000_000_000

let privateKey: CryptoKey
let verify: ReturnType<typeof createSessionTokenVerifier>

beforeAll(async () => {
  const pair = await generateKeyPair('RS256')
  privateKey = pair.privateKey
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' }
  verify = createSessionTokenVerifier({
    issuer: ISSUER,
    audience: AUDIENCE,
    jwksUrl: `${ISSUER}/.well-known/jwks.json`,
    now: () => NOW,
    keys: createLocalJWKSet({ keys: [jwk] }),
  })
})

function token(overrides: { iss?: string; aud?: string; exp?: number } = {}) {
  const iat = NOW / 1000
  return new SignJWT({
    email: 'alice@example.com',
    permissions: ['assuresign'],
    cii_no: '1001234567',
    aimbase_accounts: ['3F2504E0-4F89-41D3-9A0C-0305E82C3301'],
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(overrides.iss ?? ISSUER)
    .setAudience(overrides.aud ?? AUDIENCE)
    .setSubject('alice-sub')
    .setIssuedAt(iat)
    .setExpirationTime(overrides.exp ?? iat + 900)
    .sign(privateKey)
}

test('a token of the configured issuer and audience gives who the person is', async () => {
  expect(await verify(await token())).toEqual({
    subject: 'alice-sub',
    email: 'alice@example.com',
    permissions: ['assuresign'],
    ciiNo: '1001234567',
    expiresAt: NOW + 900_000,
  })
})

test('a token of another issuer, signed with the right key, is refused', async () => {
  expect(await verify(await token({ iss: 'http://127.0.0.1:4026' }))).toBeUndefined()
})

test('a token for another audience, signed with the right key, is refused', async () => {
  expect(await verify(await token({ aud: 'sso-bridge-refresh' }))).toBeUndefined()
})

test('an expired token is refused', async () => {
  expect(await verify(await token({ exp: NOW / 1000 - 1 }))).toBeUndefined()
})

test('a token signed by another key is refused', async () => {
  const other = await generateKeyPair('RS256')
  const forged = await new SignJWT({ email: 'alice@example.com' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject('alice-sub')
    .setExpirationTime(NOW / 1000 + 900)
    .sign(other.privateKey)
  expect(await verify(forged)).toBeUndefined()
})
