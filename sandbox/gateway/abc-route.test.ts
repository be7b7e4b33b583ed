// /api/abc over real HTTP: the whole sandbox, alice and bob signed in for real, a gateway of its
// own per test, the ABC emulator (which verifies the session token itself) and the portal.
import { expect, test } from 'vitest'
import { ABC_VALIDATE_PATH } from '../vendors/abc/abc-server.ts'
import { ABC_API_VERSION } from '../vendors/abc/credentials.ts'
import {
  ALICE,
  BOB,
  answerWithUpstreamDown,
  callsTo,
  expectSignInRequired,
  post,
  usePartnerSandbox,
} from './test-partners.ts'

const GENERATE = '/api/abc/cmnsrv/user/generate-sso-token'

const fixture = usePartnerSandbox([ALICE, BOB])
const alice = () => fixture.sessionOf(ALICE)
const bob = () => fixture.sessionOf(BOB)

const ABC_HEADERS = { 'x-api-version': ABC_API_VERSION, 'content-type': 'application/json' }

function generate(
  authorization: string | undefined,
  headers: Readonly<Record<string, string>> = ABC_HEADERS,
  ciiNo = ALICE.ciiNo,
) {
  return post(
    fixture.gateway,
    GENERATE,
    { ...headers, ...(authorization !== undefined && { authorization }) },
    JSON.stringify({ CIINo: ciiNo, LOBId: 'ABSLI', Functionality: 'POL' }),
  )
}

interface TokenPair {
  readonly TokenRefNo: string
  readonly TokenNo: string
}

async function tokenPair(response: Response): Promise<TokenPair> {
  expect(response.status).toBe(200)
  const body = (await response.json()) as TokenPair & { ReturnCode: string }
  expect(body.ReturnCode).toBe('1')
  return body
}

const generateCalls = () => callsTo(fixture.partners.control, 'abc', '/generate-sso-token')

test('gives alice a token pair that ABC validates for her CII number (raw JWT, as ABC documents)', async () => {
  const pair = await tokenPair(await generate(alice()))
  const validated = await fetch(`${fixture.partners.sandbox.abc.url}${ABC_VALIDATE_PATH}`, {
    method: 'POST',
    headers: ABC_HEADERS,
    body: JSON.stringify({ ValidateTokenRequest: pair }),
  })
  expect(await validated.json()).toMatchObject({
    ReturnCode: '1',
    IsValidToken: true,
    CIINo: ALICE.ciiNo,
    LOBId: 'ABSLI',
  })
})

test('gives alice a token pair the line-of-business portal accepts (Bearer JWT too)', async () => {
  const pair = await tokenPair(await generate(`Bearer ${alice()}`))
  const page = await fetch(`${fixture.partners.sandbox.lob.url}/lob/ABSLI/sso`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...pair }).toString(),
  })
  expect(page.status).toBe(200)
  const text = await page.text()
  expect(text).toContain('Life insurance')
  expect(text).toContain(`CII number ${ALICE.ciiNo}`)
})

test("sends the gateway's client id and no forwarding headers, whatever the browser sent", async () => {
  // ABC answers 403 to an unregistered client id and 406 to a foreign X-Forwarded-For, so a 200
  // proves neither browser header arrived.
  const response = await generate(alice(), {
    ...ABC_HEADERS,
    'x-lob-client-id': 'forged',
    'x-forwarded-for': '203.0.113.7',
  })
  await tokenPair(response)
})

test("passes ABC's own 400s for the browser's headers back unchanged", async () => {
  const noVersion = await generate(alice(), { 'content-type': 'application/json' })
  expect(noVersion.status).toBe(400)
  expect(await noVersion.json()).toEqual({ message: 'Missing required header: x-api-version' })
  const noType = await generate(alice(), { 'x-api-version': ABC_API_VERSION })
  expect(noType.status).toBe(400)
  expect(await noType.json()).toEqual({ message: 'Missing required header: Content-Type' })
  expect(generateCalls()).toBe(2)
})

test("passes ABC's 403 for bob back unchanged", async () => {
  const response = await generate(bob(), ABC_HEADERS, BOB.ciiNo)
  expect(response.status).toBe(403)
  expect(await response.json()).toEqual({
    message: 'User is not permitted to generate an SSO token',
  })
  expect(generateCalls()).toBe(1)
})

test('answers 401 Sign-in required without calling ABC for a missing, forged or expired session', async () => {
  const refused = [await generate(undefined), await generate('not-a-jwt'), await generate('Bearer')]
  fixture.partners.control.advanceClock(15 * 60_000 + 1_000)
  refused.push(await generate(alice()))
  await expectSignInRequired(refused)
  expect(fixture.partners.control.log('abc')).toEqual([])
})

test('answers 405 to other methods and 404 to other paths, without calling ABC', async () => {
  const get = await fetch(`${fixture.gateway.url}${GENERATE}`, {
    headers: { authorization: alice() },
  })
  expect(get.status).toBe(405)
  expect(get.headers.get('allow')).toBe('POST')
  const validate = await post(fixture.gateway, `/api/abc${ABC_VALIDATE_PATH}`, {
    ...ABC_HEADERS,
    authorization: alice(),
  })
  expect(validate.status).toBe(404)
  expect(fixture.partners.control.log('abc')).toEqual([])
})

test('answers 502 when ABC cannot be reached', async () => {
  const answer = await answerWithUpstreamDown(fixture.partners, 'abc', (gateway) =>
    post(gateway, GENERATE, { ...ABC_HEADERS, authorization: alice() }, '{}'),
  )
  expect(answer).toEqual({ status: 502, body: { message: 'ABC is unreachable' } })
})
