import { afterAll, beforeAll, expect, test } from 'vitest'
import { SandboxControl } from '../control/control.ts'
import { createSessionTokenIssuer, type SessionTokenIssuer } from '../indee/session-tokens.ts'
import { listen, sendJson, type RunningServer } from '../lib/http.ts'
import { USERS, type SandboxUser } from '../users.ts'
import { createSessionTokenVerifier, type SessionTokenVerifier } from './session-token.ts'

const alice: SandboxUser = USERS[0] ?? expect.fail('alice missing')
const TTL_SECONDS = 15 * 60

let control: SandboxControl
let backend: RunningServer
let issuer: SessionTokenIssuer
let verify: SessionTokenVerifier

beforeAll(async () => {
  control = new SandboxControl()
  let jwks: unknown = { keys: [] }
  // Serves the JWKS the way the auth backend does, at its origin.
  backend = await listen((req, res) => {
    if (req.url === '/.well-known/jwks.json') sendJson(res, 200, jwks)
    else sendJson(res, 404, {})
  }, 0)
  issuer = await createSessionTokenIssuer(backend.url)
  jwks = issuer.jwks
  verify = createSessionTokenVerifier({ control, indeeOrigin: backend.url })
})

afterAll(async () => {
  await backend.close()
})

function tokenFor(nowMs = control.now()) {
  return issuer.issue(alice, alice.email, nowMs, TTL_SECONDS)
}

test('returns the claims of a valid session token', async () => {
  const claims = await verify(`Bearer ${await tokenFor()}`)
  expect(claims).toMatchObject({
    sub: alice.email,
    email: alice.email,
    cii_no: alice.ciiNo,
    permissions: ['assuresign', 'aimbase', 'abc'],
  })
})

test('refuses a token that has expired on the sandbox clock', async () => {
  const token = await tokenFor()
  const sandboxClock = new SandboxControl()
  const verifyLater = createSessionTokenVerifier({
    control: sandboxClock,
    indeeOrigin: backend.url,
  })
  expect(await verifyLater(`Bearer ${token}`)).toBeDefined()
  sandboxClock.advanceClock((TTL_SECONDS + 1) * 1000)
  expect(await verifyLater(`Bearer ${token}`)).toBeUndefined()
})

test('refuses a token from another issuer with its own keys', async () => {
  const other = await createSessionTokenIssuer('http://127.0.0.1:1')
  const foreign = await other.issue(alice, alice.email, control.now(), TTL_SECONDS)
  expect(await verify(`Bearer ${foreign}`)).toBeUndefined()
})

test('refuses a token signed by another key even with the right issuer', async () => {
  const impostor = await createSessionTokenIssuer(backend.url)
  const forged = await impostor.issue(alice, alice.email, control.now(), TTL_SECONDS)
  expect(await verify(`Bearer ${forged}`)).toBeUndefined()
})

test('refuses a missing, non-bearer or malformed Authorization header', async () => {
  const token = await tokenFor()
  expect(await verify(undefined)).toBeUndefined()
  expect(await verify(token)).toBeUndefined()
  expect(await verify(`Basic ${token}`)).toBeUndefined()
  expect(await verify('Bearer not-a-jwt')).toBeUndefined()
  expect(await verify(`Bearer ${token}x`)).toBeUndefined()
})

test('accepts a bare JWT only where the route allows it (ABC)', async () => {
  const token = await tokenFor()
  expect(await verify(token, 'bearer-or-raw')).toMatchObject({ email: alice.email })
  expect(await verify(`Bearer ${token}`, 'bearer-or-raw')).toMatchObject({ email: alice.email })
  expect(await verify(token, 'bearer')).toBeUndefined()
  expect(await verify('Bearer', 'bearer-or-raw')).toBeUndefined()
  expect(await verify(`${token} x`, 'bearer-or-raw')).toBeUndefined()
})
