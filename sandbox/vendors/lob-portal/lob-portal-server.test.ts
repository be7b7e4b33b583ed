import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest'
import { SandboxControl } from '../../control/control.ts'
import { listen, type RunningServer } from '../../lib/http.ts'
import { ABC_GENERATE_PATH, startAbc } from '../abc/abc-server.ts'
import { ABC_SANDBOX_CREDENTIALS } from '../abc/credentials.ts'
import { startSessionIssuer, type SessionIssuerFixture } from '../abc/session-jwt-fixture.ts'
import { startLobPortal } from './lob-portal-server.ts'

/** The app origin the pages link back to in these tests (vite preview). */
const APP = 'http://127.0.0.1:4173'
const BACK_TO_APP = `<a href="${APP}/">Back to Northwind Partner Hub</a>`

let issuer: SessionIssuerFixture
let control: SandboxControl
let abc: RunningServer
let portal: RunningServer

beforeAll(async () => {
  issuer = await startSessionIssuer()
})

afterAll(async () => {
  await issuer.close()
})

function startPortal(abcUrl: string, debugEndpoints = true) {
  return startLobPortal({ control, port: 0, abcUrl, debugEndpoints, appOrigin: APP })
}

beforeEach(async () => {
  control = new SandboxControl()
  abc = await startAbc({
    control,
    port: 0,
    sessionJwksUrl: issuer.jwksUrl,
    sessionIssuer: issuer.issuer,
  })
  portal = await startPortal(abc.url)
})

afterEach(async () => {
  await portal.close()
  await abc.close()
})

interface TokenPair {
  TokenRefNo: string
  TokenNo: string
}

async function tokens(lobId = 'ABSLI', functionality = 'POL'): Promise<TokenPair> {
  const response = await fetch(`${abc.url}${ABC_GENERATE_PATH}`, {
    method: 'POST',
    headers: {
      'x-api-version': '1.0.0',
      'x-lob-client-id': ABC_SANDBOX_CREDENTIALS.clientId,
      'content-type': 'application/json',
      authorization: await issuer.sign(),
    },
    body: JSON.stringify({ CIINo: '1001234567', LOBId: lobId, Functionality: functionality }),
  })
  const body = (await response.json()) as TokenPair & { ReturnCode: string }
  expect(body.ReturnCode).toBe('1')
  return { TokenRefNo: body.TokenRefNo, TokenNo: body.TokenNo }
}

function postForm(
  lobId: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
  base = portal,
) {
  return fetch(`${base.url}/lob/${lobId}/sso`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  })
}

test('signs the customer in to the line of business from a form POST', async () => {
  const response = await postForm('ABSLI', { ...(await tokens()) })
  expect(response.status).toBe(200)
  const page = await response.text()
  expect(page).toContain('<h1>Life insurance</h1>')
  expect(page).toContain(BACK_TO_APP)
  expect(page).toContain('CII number 1001234567')
  expect(page).toContain('Functionality POL')
})

test('serves the second line of business with its own label', async () => {
  const response = await postForm('ABSLAMC', { ...(await tokens('ABSLAMC', 'INV')) })
  expect(response.status).toBe(200)
  expect(await response.text()).toContain('<h1>Mutual funds</h1>')
})

test('refuses a token pair posted a second time', async () => {
  const pair = await tokens()
  expect((await postForm('ABSLI', { ...pair })).status).toBe(200)
  const again = await postForm('ABSLI', { ...pair })
  expect(again.status).toBe(401)
  const page = await again.text()
  expect(page).toContain('<h1>Sign-on rejected</h1>')
  expect(page).toContain('Token already used')
})

test('refuses a token after its 3600 s on the sandbox clock', async () => {
  const pair = await tokens()
  control.advanceClock(3601_000)
  const response = await postForm('ABSLI', { ...pair })
  expect(response.status).toBe(401)
  expect(await response.text()).toContain('Token expired')
})

test('refuses a token issued for another line of business', async () => {
  const response = await postForm('ABSLAMC', { ...(await tokens('ABSLI')) })
  expect(response.status).toBe(403)
  expect(await response.text()).toContain('issued for ABSLI, not for ABSLAMC')
})

test('refuses tokens in the URL, on GET and on POST', async () => {
  const pair = await tokens()
  const query = new URLSearchParams({ ...pair }).toString()
  const get = await fetch(`${portal.url}/lob/ABSLI/sso?${query}`)
  expect(get.status).toBe(400)
  expect(await get.text()).toContain('Tokens in a URL are refused')
  const post = await fetch(`${portal.url}/lob/ABSLI/sso?tokenno=x`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: query,
  })
  expect(post.status).toBe(400)
  expect((await postForm('ABSLI', { ...pair })).status).toBe(200)
})

test('answers a GET without tokens with 405', async () => {
  const response = await fetch(`${portal.url}/lob/ABSLI/sso`)
  expect(response.status).toBe(405)
  expect(response.headers.get('allow')).toBe('POST')
})

test('refuses a form in another content type, or without both tokens', async () => {
  const json = await fetch(`${portal.url}/lob/ABSLI/sso`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(await tokens()),
  })
  expect(json.status).toBe(415)
  const missing = await postForm('ABSLI', { TokenRefNo: 'X' })
  expect(missing.status).toBe(400)
  expect(await missing.text()).toContain('one TokenRefNo and one TokenNo')
})

test('answers 404 for an unknown line of business', async () => {
  const response = await postForm('NOPE', { ...(await tokens()) })
  expect(response.status).toBe(404)
  expect(await response.text()).toContain('Unknown line of business')
})

test('shows a rejection page when ABC cannot be reached or fails', async () => {
  const closed = await listen((_req, res) => {
    res.end()
  }, 0)
  await closed.close()
  const orphan = await startPortal(closed.url)
  try {
    const unreachable = await postForm('ABSLI', { ...(await tokens()) }, {}, orphan)
    expect(unreachable.status).toBe(502)
    expect(await unreachable.text()).toContain('ABC could not be reached')
  } finally {
    await orphan.close()
  }
  control.addFault({ party: 'abc', path: '/validate-sso-token', status: 502, body: '{}', times: 1 })
  const faulted = await postForm('ABSLI', { ...(await tokens()) })
  expect(faulted.status).toBe(502)
  expect(await faulted.text()).toContain('ABC answered HTTP 502')
})

test('escapes hostile claims on the page', async () => {
  const response = await postForm('ABSLI', { ...(await tokens('ABSLI', '<script>x</script>')) })
  const page = await response.text()
  expect(response.status).toBe(200)
  expect(page).not.toContain('<script>')
  expect(page).toContain('Functionality &lt;script&gt;x&lt;/script&gt;')
})

test('records the Referer of the last landing and only the names of query parameters', async () => {
  await postForm('ABSLI', { ...(await tokens()) }, { referer: 'http://127.0.0.1:5173/' })
  const record = (await (await fetch(`${portal.url}/__emulator/last-landing`)).json()) as Record<
    string,
    unknown
  >
  expect(record).toMatchObject({
    method: 'POST',
    path: '/lob/ABSLI/sso',
    queryKeys: [],
    referer: 'http://127.0.0.1:5173/',
  })
})

test('serves no last-landing record when the debug endpoints are off (production mode)', async () => {
  const production = await startPortal(abc.url, false)
  try {
    await postForm(
      'ABSLI',
      { ...(await tokens()) },
      { referer: 'http://127.0.0.1:4173/' },
      production,
    )
    const record = await fetch(`${production.url}/__emulator/last-landing`)
    expect(record.status).toBe(404)
    expect(await record.text()).toContain('Page not found')
  } finally {
    await production.close()
  }
})
