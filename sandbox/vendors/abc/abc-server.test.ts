import http from 'node:http'
import { decodeJwt } from 'jose'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import { SandboxControl } from '../../control/control.ts'
import { listen, type RunningServer } from '../../lib/http.ts'
import { ABC_GENERATE_PATH, ABC_VALIDATE_PATH, startAbc, type AbcOptions } from './abc-server.ts'
import { startSessionIssuer, type SessionIssuerFixture } from './session-jwt-fixture.ts'
import { postGenerate, type HeaderOverrides } from './test-requests.ts'

const ALICE_CII = '1001234567'

let issuer: SessionIssuerFixture
let control: SandboxControl
let server: RunningServer

beforeAll(async () => {
  issuer = await startSessionIssuer()
})

afterAll(async () => {
  await issuer.close()
})

async function start(extra: Partial<AbcOptions> = {}): Promise<RunningServer> {
  return startAbc({
    control,
    port: 0,
    sessionJwksUrl: issuer.jwksUrl,
    sessionIssuer: issuer.issuer,
    ...extra,
  })
}

beforeEach(async () => {
  control = new SandboxControl()
  server = await start()
})

afterEach(async () => {
  await server.close()
})

const goodBody = { CIINo: ALICE_CII, LOBId: 'ABSLI', Functionality: 'POL' }

async function generate(body: unknown = goodBody, overrides: HeaderOverrides = {}, base = server) {
  return postGenerate(base, await issuer.sign(), body, overrides)
}

interface Generated {
  ReturnCode: string
  ReturnMessage: string
  TokenRefNo: string
  TokenNo: string
}

async function generated(body: unknown = goodBody): Promise<Generated> {
  const response = await generate(body)
  expect(response.status).toBe(200)
  return (await response.json()) as Generated
}

function validate(request: unknown, extraHeaders: Record<string, string> = {}) {
  return fetch(`${server.url}${ABC_VALIDATE_PATH}`, {
    method: 'POST',
    headers: { 'x-api-version': '1.0.0', 'content-type': 'application/json', ...extraHeaders },
    body: JSON.stringify({ ValidateTokenRequest: request }),
  })
}

async function validated(request: unknown): Promise<Record<string, unknown>> {
  const response = await validate(request)
  expect(response.status).toBe(200)
  return (await response.json()) as Record<string, unknown>
}

async function expectMessage(response: Response, status: number, message: string | RegExp) {
  expect(response.status).toBe(status)
  const body = (await response.json()) as { message: string }
  if (typeof message === 'string') expect(body.message).toBe(message)
  else expect(body.message).toMatch(message)
}

test('generates a TokenRefNo and an HS256 TokenNo valid for 3600 s, as the sample shows', async () => {
  const body = await generated()
  expect(body.ReturnCode).toBe('1')
  expect(body.ReturnMessage).toBe('Token Generated successfully')
  expect(body.TokenRefNo).toMatch(/^[0-9A-F]{20}$/)
  const claims = decodeJwt(body.TokenNo)
  expect(claims).toMatchObject({ CIINo: ALICE_CII, LOBId: 'ABSLI', Functionality: 'POL' })
  expect(typeof claims.Date).toBe('string')
  expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600)
  const header = JSON.parse(
    Buffer.from(body.TokenNo.split('.')[0] ?? '', 'base64url').toString(),
  ) as {
    alg: string
  }
  expect(header.alg).toBe('HS256')
})

test('accepts the session JWT raw or after "Bearer "', async () => {
  const jwt = await issuer.sign()
  expect((await generate(goodBody, { authorization: jwt })).status).toBe(200)
  expect((await generate(goodBody, { authorization: `Bearer ${jwt}` })).status).toBe(200)
  expect((await generate(goodBody, { authorization: `bearer ${jwt}` })).status).toBe(200)
})

test('answers 400 naming each missing header', async () => {
  await expectMessage(
    await generate(goodBody, { 'x-api-version': undefined }),
    400,
    /x-api-version/,
  )
  await expectMessage(
    await generate(goodBody, { 'x-lob-client-id': undefined }),
    400,
    /x-lob-client-id/,
  )
  const noType = await generate(goodBody, { 'content-type': undefined })
  await expectMessage(noType, 400, /Content-Type/)
})

test('answers 400 for another API version or content type', async () => {
  await expectMessage(
    await generate(goodBody, { 'x-api-version': '2.0.0' }),
    400,
    /x-api-version: 2\.0\.0/,
  )
  await expectMessage(
    await generate(goodBody, { 'content-type': 'text/plain' }),
    400,
    /application\/json/,
  )
})

test('answers 403 for an unregistered client id', async () => {
  await expectMessage(
    await generate(goodBody, { 'x-lob-client-id': 'someone-else' }),
    403,
    /x-lob-client-id/,
  )
})

test('answers 401 for a missing or blank Authorization', async () => {
  await expectMessage(
    await generate(goodBody, { authorization: undefined }),
    401,
    /missing or blank/,
  )
  await expectMessage(
    await generate(goodBody, { authorization: 'Bearer ' }),
    401,
    /missing or blank/,
  )
})

test('answers 401 for a session token past its expiry on the sandbox clock', async () => {
  const jwt = await issuer.sign({ expiresInSeconds: 60 })
  expect((await generate(goodBody, { authorization: jwt })).status).toBe(200)
  control.advanceClock(61_000)
  await expectMessage(await generate(goodBody, { authorization: jwt }), 401, 'Token expired')
})

test('answers 401 for an already expired session token', async () => {
  const jwt = await issuer.sign({ expiresInSeconds: -5 })
  await expectMessage(await generate(goodBody, { authorization: jwt }), 401, 'Token expired')
})

test('answers 401 for a wrong issuer or audience', async () => {
  const wrongIssuer = await issuer.sign({ issuer: 'http://127.0.0.1:9999' })
  await expectMessage(
    await generate(goodBody, { authorization: wrongIssuer }),
    401,
    'Invalid token issuer',
  )
  const wrongAudience = await issuer.sign({ audience: 'someone-else' })
  await expectMessage(
    await generate(goodBody, { authorization: wrongAudience }),
    401,
    'Invalid token audience',
  )
})

test('answers 401 for a token signed by another key', async () => {
  const jwt = await issuer.sign({ key: 'foreign' })
  await expectMessage(
    await generate(goodBody, { authorization: jwt }),
    401,
    'Invalid token signature',
  )
})

test('answers 401 for a token that is not a JWT', async () => {
  await expectMessage(
    await generate(goodBody, { authorization: 'not.a.jwt' }),
    401,
    'Invalid token',
  )
})

test('answers 403 for a user without the abc permission', async () => {
  const bob = await issuer.sign({ email: 'bob@example.com' })
  await expectMessage(
    await generate({ ...goodBody, CIINo: '1007654321' }, { authorization: bob }),
    403,
    /not permitted/,
  )
})

test("answers 403 for a CIINo that is not the token's cii_no", async () => {
  await expectMessage(await generate({ ...goodBody, CIINo: '1007654321' }), 403, /does not belong/)
})

test('answers V1 with HTTP 200 for a CII number that is not a string of digits', async () => {
  for (const CIINo of ['1001-4567', '1'.repeat(21), 'abcdefghij', 1001234567, undefined]) {
    const response = await generate({ ...goodBody, CIINo })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ReturnCode: 'V1', ReturnMessage: 'Invalid CII number' })
  }
})

test('answers V3 without LOBId and V5 without Functionality', async () => {
  const noLob = await generate({ CIINo: ALICE_CII, Functionality: 'POL' })
  expect(await noLob.json()).toEqual({ ReturnCode: 'V3', ReturnMessage: 'LOB Id is required' })
  const noFunctionality = await generate({ CIINo: ALICE_CII, LOBId: 'ABSLI', Functionality: '' })
  expect(await noFunctionality.json()).toEqual({
    ReturnCode: 'V5',
    ReturnMessage: 'Functionality is required',
  })
})

test('answers ReturnCode 0 for an unknown LOBId', async () => {
  const response = await generate({ ...goodBody, LOBId: 'NOPE' })
  expect(response.status).toBe(200)
  expect(await response.json()).toEqual({ ReturnCode: '0', ReturnMessage: 'Unknown LOB Id NOPE' })
})

test('answers 400 for a body that is not a JSON object', async () => {
  await expectMessage(await generate([goodBody]), 400, 'Request body must be a JSON object')
})

test('answers 406 for a client outside the IP allowlist', async () => {
  await expectMessage(
    await generate(goodBody, { 'x-forwarded-for': '203.0.113.7' }),
    406,
    'Not reachable (IP restriction)',
  )
  expect((await generate(goodBody, { 'x-forwarded-for': '127.0.0.1' })).status).toBe(200)
})

test('answers 406 for a request addressed to another domain', async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const request = http.request(
      `${server.url}${ABC_GENERATE_PATH}`,
      { method: 'POST', headers: { host: 'abc.example.com', 'content-type': 'application/json' } },
      (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      },
    )
    request.on('error', reject)
    request.end('{}')
  })
  expect(status).toBe(406)
})

test('answers 502 when the session key set cannot be fetched', async () => {
  const closed = await listen((_req, res) => {
    res.end()
  }, 0)
  await closed.close()
  const broken = await start({ sessionJwksUrl: `${closed.url}/.well-known/jwks.json` })
  try {
    await expectMessage(await generate(goodBody, {}, broken), 502, 'Internal server error')
  } finally {
    await broken.close()
  }
})

test('answers 504 when the session key set does not answer in time', async () => {
  const silent = await listen(() => undefined, 0)
  const slow = await start({
    sessionJwksUrl: `${silent.url}/.well-known/jwks.json`,
    jwksTimeoutMs: 100,
  })
  try {
    await expectMessage(await generate(goodBody, {}, slow), 504, 'Timed out')
  } finally {
    await slow.close()
    await silent.close()
  }
})

test('answers 502 and 504 from control faults, as QA injects them', async () => {
  control.addFault({
    party: 'abc',
    path: ABC_GENERATE_PATH,
    status: 502,
    body: '{"message":"Internal server error"}',
    times: 1,
  })
  control.addFault({
    party: 'abc',
    path: ABC_GENERATE_PATH,
    status: 504,
    body: '{"message":"Endpoint request timed out"}',
    times: 1,
  })
  await expectMessage(await generate(), 502, 'Internal server error')
  await expectMessage(await generate(), 504, 'Endpoint request timed out')
  expect((await generate()).status).toBe(200)
})

test('validates a generated token once', async () => {
  const { TokenRefNo, TokenNo } = await generated()
  expect(await validated({ TokenRefNo, TokenNo })).toEqual({
    ReturnCode: '1',
    ReturnMessage: 'Token Verified successfully',
    CIINo: ALICE_CII,
    LOBId: 'ABSLI',
    Functionality: 'POL',
    IsValidToken: true,
  })
  expect(await validated({ TokenRefNo, TokenNo })).toEqual({
    ReturnCode: '0',
    ReturnMessage: 'Token already used',
    IsValidToken: false,
  })
})

test('refuses a token validated after its 3600 s', async () => {
  const onTime = await generated()
  const late = await generated()
  // Lifetimes are whole seconds of real time plus the sandbox clock's offset: margins of several
  // seconds on both sides keep a second boundary crossed while the test runs from mattering.
  control.advanceClock(3590_000)
  expect((await validated(onTime)).IsValidToken).toBe(true)
  control.advanceClock(15_000)
  expect(await validated(late)).toMatchObject({
    ReturnCode: '0',
    ReturnMessage: 'Token expired',
    IsValidToken: false,
  })
})

test('refuses a token whose signature does not verify', async () => {
  const { TokenRefNo, TokenNo } = await generated()
  const [head = '', , signature = ''] = TokenNo.split('.')
  const forged = Buffer.from(
    JSON.stringify({ ...decodeJwt(TokenNo), CIINo: '1007654321' }),
  ).toString('base64url')
  expect(await validated({ TokenRefNo, TokenNo: `${head}.${forged}.${signature}` })).toMatchObject({
    ReturnCode: '0',
    ReturnMessage: 'Invalid token',
    IsValidToken: false,
  })
})

test('refuses an unknown TokenRefNo or one paired with another TokenNo', async () => {
  const first = await generated()
  const second = await generated()
  expect(
    await validated({ TokenRefNo: 'FFFFFFFFFFFFFFFFFFFF', TokenNo: first.TokenNo }),
  ).toMatchObject({
    ReturnMessage: 'Unknown TokenRefNo',
    IsValidToken: false,
  })
  expect(await validated({ TokenRefNo: first.TokenRefNo, TokenNo: second.TokenNo })).toMatchObject({
    ReturnMessage: 'TokenNo does not match TokenRefNo',
    IsValidToken: false,
  })
  expect((await validated(first)).IsValidToken).toBe(true)
})

test('answers ReturnCode 0 when the validate request lacks a field', async () => {
  expect(await validated({ TokenRefNo: 'X' })).toEqual({
    ReturnCode: '0',
    ReturnMessage: 'TokenRefNo and TokenNo are required',
    IsValidToken: false,
  })
})

test('validate answers 400 without x-api-version', async () => {
  const response = await fetch(`${server.url}${ABC_VALIDATE_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  await expectMessage(response, 400, /x-api-version/)
})

test('accepts the document\'s sample formats: an 8-digit CIINo and LOBId "01"', async () => {
  const sample = await start({ lines: [{ id: '01', label: 'Sample line' }] })
  try {
    const authorization = await issuer.sign({ ciiNo: '10001004' })
    const response = await generate(
      { CIINo: '10001004', LOBId: '01', Functionality: 'POL' },
      { authorization },
      sample,
    )
    expect(await response.json()).toMatchObject({ ReturnCode: '1' })
  } finally {
    await sample.close()
  }
})
