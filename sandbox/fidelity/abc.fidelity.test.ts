// Fidelity: the ABC GenerateSSOToken document, row by row, with its own sample body
// {"CIINo":"10001004","LOBId":"01",…}. Values that must exist in the sandbox are adjusted, and
// each test says which.
import http from 'node:http'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { SandboxControl } from '../control/control.ts'
import { listen, type RunningServer } from '../lib/http.ts'
import {
  ABC_GENERATE_PATH,
  ABC_VALIDATE_PATH,
  startAbc,
  type AbcOptions,
} from '../vendors/abc/abc-server.ts'
import {
  startSessionIssuer,
  type SessionIssuerFixture,
} from '../vendors/abc/session-jwt-fixture.ts'
import { postGenerate, type HeaderOverrides } from '../vendors/abc/test-requests.ts'

// Adjusted: the sandbox knows line of business "01" (start option `lines`), and the "Cognito
// JWT" is a sandbox session token whose cii_no is the sample's CII number. Our copy of the
// document does not keep the sample's Functionality: "POL" is a sandbox one.
const SAMPLE = { CIINo: '10001004', LOBId: '01', Functionality: 'POL' }

const control = new SandboxControl()
let issuer: SessionIssuerFixture
let server: RunningServer

async function start(extra: Partial<AbcOptions> = {}) {
  return startAbc({
    control,
    port: 0,
    sessionJwksUrl: issuer.jwksUrl,
    sessionIssuer: issuer.issuer,
    lines: [{ id: '01', label: 'Sample line' }],
    ...extra,
  })
}

beforeAll(async () => {
  issuer = await startSessionIssuer()
  server = await start()
})

afterAll(async () => {
  await server.close()
  await issuer.close()
})

afterEach(() => {
  control.reset()
})

async function generate(body: unknown = SAMPLE, overrides: HeaderOverrides = {}, target = server) {
  return postGenerate(target, await issuer.sign({ ciiNo: SAMPLE.CIINo }), body, overrides)
}

async function status(response: Response, code: number) {
  expect(response.status).toBe(code)
  return (await response.json()) as Record<string, unknown>
}

test('generate-sso-token {"CIINo","LOBId","Functionality"} → ReturnCode "1", TokenRefNo, TokenNo', async () => {
  const body = await status(await generate(), 200)
  expect(Object.keys(body).sort()).toEqual(['ReturnCode', 'ReturnMessage', 'TokenNo', 'TokenRefNo'])
  expect(body).toMatchObject({ ReturnCode: '1', ReturnMessage: 'Token Generated successfully' })
})

test('TokenNo is an HS256 JWT {CIINo, LOBId, Functionality, Date, iat, exp} living 3600 s', async () => {
  const body = await status(await generate(), 200)
  const token = String(body['TokenNo'])
  expect(decodeProtectedHeader(token).alg).toBe('HS256')
  const claims = decodeJwt(token)
  expect(Object.keys(claims).sort()).toEqual(
    ['CIINo', 'Date', 'Functionality', 'LOBId', 'exp', 'iat'].sort(),
  )
  expect(claims).toMatchObject(SAMPLE)
  expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600)
})

test('business failure ReturnCode "0" with HTTP 200 and the reason in ReturnMessage', async () => {
  const body = await status(await generate({ ...SAMPLE, LOBId: '99' }), 200)
  expect(body).toMatchObject({ ReturnCode: '0', ReturnMessage: expect.any(String) as string })
})

test('V1 invalid CII number, HTTP 200', async () => {
  const body = await status(await generate({ ...SAMPLE, CIINo: 'not-a-number' }), 200)
  expect(body['ReturnCode']).toBe('V1')
})

test('V3 LOB id missing, HTTP 200', async () => {
  const body = await status(await generate({ CIINo: SAMPLE.CIINo, Functionality: 'POL' }), 200)
  expect(body['ReturnCode']).toBe('V3')
})

test('V5 functionality missing, HTTP 200', async () => {
  const body = await status(await generate({ CIINo: SAMPLE.CIINo, LOBId: SAMPLE.LOBId }), 200)
  expect(body['ReturnCode']).toBe('V5')
})

test('401 token expired / missing / bad signature / wrong issuer / blank', async () => {
  const cases = [
    await issuer.sign({ ciiNo: SAMPLE.CIINo, expiresInSeconds: -60 }),
    undefined,
    await issuer.sign({ ciiNo: SAMPLE.CIINo, key: 'foreign' }),
    await issuer.sign({ ciiNo: SAMPLE.CIINo, issuer: 'https://cognito.example' }),
    ' ',
  ]
  for (const authorization of cases) {
    expect((await generate(SAMPLE, { Authorization: authorization })).status).toBe(401)
  }
})

test('403 lacks permission', async () => {
  const authorization = await issuer.sign({ ciiNo: SAMPLE.CIINo, permissions: [] })
  await status(await generate(SAMPLE, { Authorization: authorization }), 403)
})

test('406 not reachable: IP restriction', async () => {
  await status(await generate(SAMPLE, { 'x-forwarded-for': '203.0.113.7' }), 406)
})

test('406 not reachable: wrong domain', async () => {
  const code = await new Promise<number>((resolve, reject) => {
    const request = http.request(
      `${server.url}${ABC_GENERATE_PATH}`,
      { method: 'POST', headers: { host: 'abc.example.com', 'content-type': 'application/json' } },
      (response) => {
        response.resume()
        resolve(response.statusCode ?? 0)
      },
    )
    request.on('error', reject)
    request.end(JSON.stringify(SAMPLE))
  })
  expect(code).toBe(406)
})

test('400 missing x-lob-client-id, Content-Type or x-api-version', async () => {
  for (const name of ['x-lob-client-id', 'Content-Type', 'x-api-version']) {
    const response = await generate(SAMPLE, { [name]: undefined })
    const body = await status(response, 400)
    expect(String(body['message']).toLowerCase()).toContain(name.toLowerCase())
  }
})

test('502 internal error (the key set behind the token cannot be fetched)', async () => {
  const closed = await listen((_req, res) => {
    res.end()
  }, 0)
  await closed.close()
  const broken = await start({ sessionJwksUrl: `${closed.url}/.well-known/jwks.json` })
  try {
    await status(await generate(SAMPLE, {}, broken), 502)
  } finally {
    await broken.close()
  }
})

test('504 timed out (the key set does not answer in time)', async () => {
  const silent = await listen(() => undefined, 0)
  const slow = await start({
    sessionJwksUrl: `${silent.url}/.well-known/jwks.json`,
    jwksTimeoutMs: 100,
  })
  try {
    await status(await generate(SAMPLE, {}, slow), 504)
  } finally {
    await slow.close()
    await silent.close()
  }
})

test('validate-sso-token {"ValidateTokenRequest":{"TokenRefNo","TokenNo"}} → Token Verified successfully', async () => {
  const generated = await status(await generate(), 200)
  const response = await fetch(`${server.url}${ABC_VALIDATE_PATH}`, {
    method: 'POST',
    headers: { 'x-api-version': '1.0.0', 'Content-Type': 'application/json' },
    body: JSON.stringify({
      ValidateTokenRequest: { TokenRefNo: generated['TokenRefNo'], TokenNo: generated['TokenNo'] },
    }),
  })
  expect(await status(response, 200)).toEqual({
    ReturnCode: '1',
    ReturnMessage: 'Token Verified successfully',
    ...SAMPLE,
    IsValidToken: true,
  })
})
