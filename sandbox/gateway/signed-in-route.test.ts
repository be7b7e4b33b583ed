// What each partner route sends upstream, seen by a stand-in vendor that records every header
// and body: the gateway's credentials go out, the browser's never do.
import type http from 'node:http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { listen, readBody, sendJson, type RunningServer } from '../lib/http.ts'
import { ABC_API_VERSION, ABC_SANDBOX_CREDENTIALS } from '../vendors/abc/credentials.ts'
import { readFieldsFromText } from '../vendors/aimbase/wire-format.ts'
import { ALICE, BOB, post, startPartnerSandbox, type PartnerSandbox } from './test-partners.ts'

interface Recorded {
  readonly path: string
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
}

/** Vendor answers good enough for each route to reach its final call. */
const STAND_IN_ANSWERS: Readonly<Record<string, unknown>> = {
  '/api/documentnow/v3.3/authentication/apiUserAuthentication': { result: { token: 'as-session' } },
  '/api/documentnow/v3.3/authentication/sso': { result: { ssoToken: 'sso' } },
  '/api/Security/Login': 'sso-bridge-sandbox:api-token',
  '/api/Security/SignOnAccount': '00000000-0000-4000-8000-000000000000',
  '/cmnsrv/user/generate-sso-token': { ReturnCode: '1', TokenRefNo: 'r', TokenNo: 't' },
}

/** Every credential or forwarding header a browser (or an attacker's page) could add. */
const FORGED = {
  cookie: 'indee_sso_txn=stolen',
  apitoken: 'forged:token',
  authenticate: 'Avala-Api forged:token',
  'x-as-usersessiontoken': 'forged',
  'x-lob-client-id': 'forged',
  'proxy-authorization': 'Basic Zm9yZ2Vk',
  'x-forwarded-for': '203.0.113.7',
  'x-forwarded-host': 'evil.example',
  forwarded: 'for=203.0.113.7',
}

let partners: PartnerSandbox
let vendor: RunningServer
let gateway: RunningServer
let alice: string
const recorded: Recorded[] = []

beforeAll(async () => {
  partners = await startPartnerSandbox()
  alice = await partners.signIn(ALICE)
  vendor = await listen(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://vendor.invalid').pathname
    recorded.push({ path, headers: req.headers, body: await readBody(req) })
    sendJson(res, 200, STAND_IN_ANSWERS[path] ?? {})
  }, 0)
  gateway = await partners.startGateway({
    assuresign: vendor.url,
    aimbase: vendor.url,
    abc: vendor.url,
  })
})

afterAll(async () => {
  await gateway.close()
  await vendor.close()
  await partners.close()
})

/** The requests the stand-in vendor received while `run` ran, by path. */
async function upstreamRequests(run: () => Promise<Response>) {
  recorded.length = 0
  const response = await run()
  expect(response.status).toBe(200)
  return new Map(recorded.map((r) => [r.path, r]))
}

/** Headers of the requests the stand-in vendor received while `run` ran. */
async function upstreamHeaders(run: () => Promise<Response>) {
  const requests = await upstreamRequests(run)
  return new Map([...requests].map(([path, r]) => [path, r.headers]))
}

const SIGN_ON = '/api/aimbase/Security/SignOnAccount'
const [JSON_ACCOUNT = '', XML_ACCOUNT = ''] = ALICE.aimbaseAccounts
const BOBS_ACCOUNT = BOB.aimbaseAccounts[0] ?? ''

/** The SignOnAccount request Aimbase gets for this browser request. */
async function signOnSentFor(contentType: string, body: string) {
  const requests = await upstreamRequests(() =>
    post(gateway, SIGN_ON, { authorization: `Bearer ${alice}`, 'content-type': contentType }, body),
  )
  const signOn = requests.get('/api/Security/SignOnAccount')
  return { contentType: signOn?.headers['content-type'], body: signOn?.body }
}

function expectNoBrowserCredential(headers: http.IncomingHttpHeaders | undefined): void {
  expect(headers).toBeDefined()
  for (const [name, value] of Object.entries(FORGED)) {
    expect(headers?.[name], name).not.toBe(value)
  }
  for (const name of ['cookie', 'x-as-usersessiontoken', 'authenticate', 'proxy-authorization']) {
    expect(headers?.[name], name).toBeUndefined()
  }
  for (const name of ['x-forwarded-for', 'x-forwarded-host', 'forwarded']) {
    expect(headers?.[name], name).toBeUndefined()
  }
}

test('AssureSign gets the gateway API user and bearer session, nothing the browser sent', async () => {
  const seen = await upstreamHeaders(() =>
    post(gateway, '/api/assuresign/authentication/sso', {
      ...FORGED,
      authorization: `Bearer ${alice}`,
    }),
  )
  const login = seen.get('/api/documentnow/v3.3/authentication/apiUserAuthentication')
  const sso = seen.get('/api/documentnow/v3.3/authentication/sso')
  expectNoBrowserCredential(login)
  expectNoBrowserCredential(sso)
  expect(login?.authorization).toBeUndefined()
  expect(sso?.authorization).toBe('bearer as-session')
})

test('Aimbase gets the gateway API token and nothing the browser sent', async () => {
  const seen = await upstreamHeaders(() =>
    post(
      gateway,
      SIGN_ON,
      { ...FORGED, authorization: `Bearer ${alice}`, 'content-type': 'text/xml' },
      `<SignOnAccount><AccountUid>${XML_ACCOUNT}</AccountUid></SignOnAccount>`,
    ),
  )
  const signOn = seen.get('/api/Security/SignOnAccount')
  expectNoBrowserCredential(seen.get('/api/Security/Login'))
  expectNoBrowserCredential(signOn)
  expect(signOn?.apitoken).toBe('sso-bridge-sandbox:api-token')
  expect(signOn?.authorization).toBeUndefined()
  expect(signOn?.['content-type']).toBe('text/xml; charset=utf-8')
})

test("Aimbase gets a JSON body written from the checked fields, not the browser's bytes", async () => {
  // Duplicate keys: JSON.parse keeps the last (alice's), a first-wins reader would take bob's.
  const duplicate = `{"AccountUid":"${BOBS_ACCOUNT}","AccountUid":" ${JSON_ACCOUNT} ","LandingPageUrl":"/Dashboard","Note":{"AccountUid":"${BOBS_ACCOUNT}"}}`
  expect(await signOnSentFor('application/json; charset=utf-16', duplicate)).toEqual({
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ AccountUid: JSON_ACCOUNT, LandingPageUrl: '/Dashboard' }),
  })
})

test('Aimbase gets an XML body written from the checked fields, values escaped', async () => {
  const browserXml = `<?xml version="1.0"?><SignOnAccount xmlns="urn:x">\n  <AccountUid>${XML_ACCOUNT}</AccountUid><LandingPageUrl>/Service/Orders?a=1&amp;b=&lt;'"x"&gt;</LandingPageUrl></SignOnAccount>`
  const sent = await signOnSentFor('text/xml', browserXml)
  expect(sent).toEqual({
    contentType: 'text/xml; charset=utf-8',
    body: `<SignOnAccount><AccountUid>${XML_ACCOUNT}</AccountUid><LandingPageUrl>/Service/Orders?a=1&amp;b=&lt;&#39;&quot;x&quot;&gt;</LandingPageUrl></SignOnAccount>`,
  })
  const readBack = readFieldsFromText(sent.body ?? '', 'xml', 'SignOnAccount', [
    'AccountUid',
    'LandingPageUrl',
  ])
  expect(readBack.ok && Object.fromEntries(readBack.fields)).toEqual({
    AccountUid: XML_ACCOUNT,
    LandingPageUrl: `/Service/Orders?a=1&b=<'"x">`,
  })
})

test('Aimbase gets no LandingPageUrl when the browser sent an empty one', async () => {
  const sent = await signOnSentFor(
    'application/xml',
    `<SignOnAccount><AccountUid>${XML_ACCOUNT}</AccountUid><LandingPageUrl/></SignOnAccount>`,
  )
  expect(sent.body).toBe(`<SignOnAccount><AccountUid>${XML_ACCOUNT}</AccountUid></SignOnAccount>`)
})

test('ABC gets the bare session JWT and the gateway client id, nothing else the browser sent', async () => {
  const seen = await upstreamHeaders(() =>
    post(
      gateway,
      '/api/abc/cmnsrv/user/generate-sso-token',
      {
        ...FORGED,
        authorization: `Bearer ${alice}`,
        'x-api-version': ABC_API_VERSION,
        'content-type': 'application/json',
      },
      '{}',
    ),
  )
  const generate = seen.get('/cmnsrv/user/generate-sso-token')
  expectNoBrowserCredential(generate)
  expect(generate?.authorization).toBe(alice)
  expect(generate?.['x-lob-client-id']).toBe(ABC_SANDBOX_CREDENTIALS.clientId)
  expect(generate?.['x-api-version']).toBe(ABC_API_VERSION)
  expect(generate?.host).toBe(new URL(vendor.url).host)
})

test('no vendor cookie reaches the app origin', async () => {
  const cookieVendor = await listen((_req, res) => {
    sendJson(res, 200, { ReturnCode: '1' }, { 'set-cookie': 'vendor=1; Path=/' })
  }, 0)
  const cookieGateway = await partners.startGateway({ abc: cookieVendor.url })
  try {
    const response = await post(
      cookieGateway,
      '/api/abc/cmnsrv/user/generate-sso-token',
      { authorization: alice },
      '{}',
    )
    expect(response.status).toBe(200)
    expect(response.headers.getSetCookie()).toEqual([])
  } finally {
    await cookieGateway.close()
    await cookieVendor.close()
  }
})
