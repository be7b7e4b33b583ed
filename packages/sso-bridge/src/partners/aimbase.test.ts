import { http, HttpResponse, type JsonBodyType } from 'msw'
import { expect, test, vi } from 'vitest'
import { mswServer } from '../test/msw-server.ts'
import { failureOf } from '../test/sso-failure.ts'
import { testConfig } from '../test/runtime-config.ts'
import { aimbase } from './aimbase.ts'

const API = 'http://app.test/api'
const ENDPOINT = `${API}/aimbase/Security/SignOnAccount`
const ACCOUNT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'
const NS = 'http://schemas.microsoft.com/2003/10/Serialization/'

const DEALER = 'https://dealer.example'

const server = mswServer()

function handoff(format: 'json' | 'xml' = 'json', landing = '/Dashboard') {
  return aimbase.request(
    { accountUid: ACCOUNT, landing },
    {
      fetch: (input, init) => fetch(input, init),
      apiBase: API,
      timeoutMs: 2000,
      config: testConfig({ partners: { aimbase: { origin: DEALER, format } } }).partners.aimbase,
    },
  )
}

function xmlAnswer(status: number, body: string, contentType = 'application/xml; charset=utf-8') {
  server.use(
    http.post(
      ENDPOINT,
      () =>
        new HttpResponse(body, {
          status,
          headers: { 'Content-Type': contentType },
        }),
    ),
  )
}

function jsonAnswer(status: number, body: JsonBodyType) {
  server.use(http.post(ENDPOINT, () => HttpResponse.json(body, { status })))
}

/** Records what the BFF received and answers with a JSON token. */
function recordRequest() {
  const seen: { headers?: Headers; body?: string } = {}
  server.use(
    http.post(ENDPOINT, async ({ request }) => {
      seen.headers = request.headers
      seen.body = await request.text()
      return HttpResponse.json('tok')
    }),
  )
  return seen
}

test('asks the BFF for a JSON SignOnAccount, naming the format, with no credential', async () => {
  const seen = recordRequest()
  await handoff('json', '/Dashboard?tab=1&x=2')
  expect(seen.headers?.get('content-type')).toBe('application/json')
  expect(seen.headers?.get('accept')).toBe('application/json')
  expect([...(seen.headers?.keys() ?? [])].sort()).toEqual(['accept', 'content-type'])
  expect(JSON.parse(seen.body ?? '')).toEqual({
    AccountUid: ACCOUNT,
    LandingPageUrl: '/Dashboard?tab=1&x=2',
    Format: 'json',
  })
})

test('asks for the XML format when configured for XML, still in a JSON request', async () => {
  const seen = recordRequest()
  await handoff('xml', `/a?b=1&c='<x>"`)
  expect(seen.headers?.get('content-type')).toBe('application/json')
  expect(seen.headers?.get('accept')).toBe('application/xml')
  expect(JSON.parse(seen.body ?? '')).toEqual({
    AccountUid: ACCOUNT,
    LandingPageUrl: `/a?b=1&c='<x>"`,
    Format: 'xml',
  })
})

test('a configured account with its own format overrides the default format', async () => {
  const seen = recordRequest()
  const config = testConfig({
    partners: {
      aimbase: {
        origin: DEALER,
        format: 'json',
        accounts: [
          { uid: ACCOUNT.toUpperCase(), label: 'XML account', landing: '/', format: 'xml' },
        ],
      },
    },
  })
  await aimbase.request(
    { accountUid: ACCOUNT, landing: '/' },
    {
      fetch: (input, init) => fetch(input, init),
      apiBase: API,
      timeoutMs: 2000,
      config: config.partners.aimbase,
    },
  )
  expect(seen.headers?.get('accept')).toBe('application/xml')
  expect(JSON.parse(seen.body ?? '')).toMatchObject({ Format: 'xml' })
})

test('sends the person to SingleSignOn with the token and landing encoded', async () => {
  jsonAnswer(200, 'a/b+c')
  await expect(handoff('json', '/Dashboard?tab=1&x=2')).resolves.toEqual({
    kind: 'redirect',
    url: 'https://dealer.example/Account/SingleSignOn/a%2Fb%2Bc?returnUrl=%2FDashboard%3Ftab%3D1%26x%3D2',
  })
})

test.each([
  ['with the serialization namespace', `<string xmlns="${NS}">xml-token</string>`],
  [
    'with an XML declaration',
    `<?xml version="1.0" encoding="utf-8"?><string xmlns="${NS}">xml-token</string>`,
  ],
  ['without a namespace', '<string>xml-token</string>'],
])('reads an XML token %s', async (_name, body) => {
  xmlAnswer(200, body)
  await expect(handoff('xml')).resolves.toMatchObject({
    url: 'https://dealer.example/Account/SingleSignOn/xml-token?returnUrl=%2FDashboard',
  })
})

test('the token lifetime is the documented 15 seconds', () => {
  expect(aimbase.tokenLifetimeMs).toBe(15_000)
})

test.each([
  ['a DOCTYPE', `<!DOCTYPE string><string xmlns="${NS}">tok</string>`],
  ['an entity', `<!DOCTYPE string [<!ENTITY t "tok">]><string xmlns="${NS}">&t;</string>`],
  ['a wrong root', `<token xmlns="${NS}">tok</token>`],
  ['a prefixed root', `<s:string xmlns:s="${NS}">tok</s:string>`],
  ['a foreign namespace', '<string xmlns="urn:evil">tok</string>'],
  ['a parse error', `<string xmlns="${NS}">tok`],
  ['not XML at all', 'tok'],
  ['an empty root', `<string xmlns="${NS}"/>`],
  ['two text nodes', `<string xmlns="${NS}">t<!-- -->ok</string>`],
  ['a child element', `<string xmlns="${NS}"><b>tok</b></string>`],
  ['CDATA', `<string xmlns="${NS}"><![CDATA[tok]]></string>`],
  ['an extra attribute', `<string xmlns="${NS}" id="1">tok</string>`],
  ['white space in the token', `<string xmlns="${NS}"> tok </string>`],
])('refuses an XML token answer with %s', async (_name, body) => {
  xmlAnswer(200, body)
  await expect(handoff('xml')).rejects.toMatchObject({ code: 'invalid_response' })
})

test.each([
  ['a number', 42],
  ['an object', { token: 'tok' }],
  ['an empty string', ''],
  ['a string with a space', 'to k'],
])('refuses a JSON token answer that is %s', async (_name, body) => {
  jsonAnswer(200, body)
  await expect(handoff()).rejects.toMatchObject({ code: 'invalid_response' })
})

test.each([
  [400, 'handoff_bad_request'],
  [404, 'handoff_bad_request'],
  [500, 'handoff_unavailable'],
])('maps a JSON HTTP %i to %s with the Message as detail', async (status, code) => {
  jsonAnswer(status, { Message: 'The AccountUid field is required.' })
  await expect(handoff()).rejects.toMatchObject({
    code,
    detail: 'The AccountUid field is required.',
  })
})

test.each([
  [400, 'handoff_bad_request'],
  [500, 'handoff_unavailable'],
])('maps an XML HTTP %i to %s with the Message as detail', async (status, code) => {
  xmlAnswer(status, '<Error>\n  <Message>The AccountUid field is required.</Message>\n</Error>')
  await expect(handoff('xml')).rejects.toMatchObject({
    code,
    detail: 'The AccountUid field is required.',
  })
})

test('keeps the words of an XML error message that contains markup, as plain text', async () => {
  xmlAnswer(400, '<Error><Message>Customer is <b>blocked</b>.</Message></Error>')
  await expect(handoff('xml')).rejects.toMatchObject({
    code: 'handoff_bad_request',
    detail: 'Customer is blocked.',
  })
})

test('keeps the words of escaped markup in a JSON error message, as plain text', async () => {
  jsonAnswer(400, { Message: '<b>Customer is blocked</b>' })
  await expect(handoff()).rejects.toMatchObject({ detail: 'Customer is blocked' })
})

test.each([
  ['a DOCTYPE', '<!DOCTYPE Error><Error><Message>m</Message></Error>'],
  ['a wrong root', '<Fault><Message>m</Message></Fault>'],
  ['two messages', '<Error><Message>m</Message><Message>n</Message></Error>'],
  ['text beside the message', '<Error>x<Message>m</Message></Error>'],
  ['an attribute on the message', '<Error><Message lang="en">m</Message></Error>'],
])('keeps no detail from an XML error with %s', async (_name, body) => {
  xmlAnswer(400, body)
  await expect(handoff('xml')).rejects.toMatchObject({
    code: 'handoff_bad_request',
    detail: undefined,
  })
})

test.each([
  [401, 'handoff_unauthorized'],
  [403, 'handoff_forbidden'],
  [502, 'handoff_unavailable'],
])('maps HTTP %i to %s', async (status, code) => {
  server.use(http.post(ENDPOINT, () => HttpResponse.html('<h1>no</h1>', { status })))
  await expect(handoff()).rejects.toMatchObject({ code, detail: undefined })
})

test('a network failure is handoff_unavailable', async () => {
  server.use(http.post(ENDPOINT, () => HttpResponse.error()))
  await expect(handoff()).rejects.toMatchObject({ code: 'handoff_unavailable' })
})

test.each([
  'application/xml',
  'text/xml',
  'application/soap+xml; charset=utf-8',
  'application/vnd.acme-v2+xml',
  'application/xml ; charset=utf-8',
])('reads a token answered as %s as XML', async (contentType) => {
  xmlAnswer(200, `<string xmlns="${NS}">xml-token</string>`, contentType)
  await expect(handoff('xml')).resolves.toMatchObject({
    url: 'https://dealer.example/Account/SingleSignOn/xml-token?returnUrl=%2FDashboard',
  })
})

test.each(['application/xmlx', 'x-text/xml', 'application/json'])(
  'reads a token answered as %s as JSON, not XML',
  async (contentType) => {
    xmlAnswer(200, '"json-token"', contentType)
    await expect(handoff()).resolves.toMatchObject({
      url: 'https://dealer.example/Account/SingleSignOn/json-token?returnUrl=%2FDashboard',
    })
  },
)

test.each([
  ['a DOCTYPE', `<!DOCTYPE string><string xmlns="${NS}">tok</string>`],
  ['a lower-case doctype', `<!doctype string><string xmlns="${NS}">tok</string>`],
  ['an entity', `<!ENTITY t "tok"><string xmlns="${NS}">tok</string>`],
])('never hands an answer with %s to the XML parser', async (_name, body) => {
  const parsing = vi.spyOn(DOMParser.prototype, 'parseFromString')
  try {
    xmlAnswer(200, body)
    await expect(handoff('xml')).rejects.toMatchObject({ code: 'invalid_response' })
    expect(parsing).not.toHaveBeenCalled()
  } finally {
    parsing.mockRestore()
  }
})

test('refuses a token answer in its own words, keeping why as the cause', async () => {
  jsonAnswer(200, { token: 'tok' })
  const failure = await failureOf(handoff())
  expect(failure).toMatchObject({
    code: 'invalid_response',
    message: 'Aimbase answer is not a token string',
  })
  expect(failure).toHaveProperty('cause.issues', expect.any(Array))
})

test('a refused hand-off names Aimbase and the status', async () => {
  jsonAnswer(400, { Message: 'The AccountUid field is required.' })
  await expect(handoff()).rejects.toMatchObject({
    message: 'Aimbase hand-off failed with HTTP 400',
  })
})

test.each([
  ['an attribute on the root', '<Error id="1"><Message>m</Message></Error>'],
  ['an empty comment beside the message', '<Error><!----><Message>m</Message></Error>'],
  ['no message', '<Error>\n</Error>'],
  ['another element instead of the message', '<Error><Reason>m</Reason></Error>'],
])('keeps no detail from an XML error with %s', async (_name, body) => {
  xmlAnswer(400, body)
  await expect(handoff('xml')).rejects.toMatchObject({
    code: 'handoff_bad_request',
    detail: undefined,
  })
})

test('an account not in config uses the default format, whatever other accounts choose', async () => {
  const seen = recordRequest()
  const config = testConfig({
    partners: {
      aimbase: {
        origin: DEALER,
        format: 'json',
        accounts: [
          {
            uid: '9b2c4e6f-1a3d-4c5e-8f70-2b3c4d5e6f70',
            label: 'XML account',
            landing: '/',
            format: 'xml',
          },
        ],
      },
    },
  })
  await aimbase.request(
    { accountUid: ACCOUNT, landing: '/' },
    {
      fetch: (input, init) => fetch(input, init),
      apiBase: API,
      timeoutMs: 2000,
      config: config.partners.aimbase,
    },
  )
  expect(seen.headers?.get('accept')).toBe('application/json')
  expect(JSON.parse(seen.body ?? '')).toMatchObject({ Format: 'json' })
})

test('offers each configured account as a link named after it', () => {
  const config = testConfig({
    partners: {
      aimbase: { accounts: [{ uid: ACCOUNT, label: 'Lakeside Marine', landing: '/Dashboard' }] },
    },
  })
  expect(aimbase.destinations(config.partners.aimbase)).toEqual([
    {
      label: 'Lakeside Marine',
      input: { accountUid: ACCOUNT, landing: '/Dashboard' },
    },
  ])
})

test('an account offers its configured description with its link', () => {
  const config = testConfig({
    partners: {
      aimbase: {
        accounts: [
          { uid: ACCOUNT, label: 'Lakeside Marine', description: 'Orders.', landing: '/Dashboard' },
        ],
      },
    },
  })
  expect(aimbase.destinations(config.partners.aimbase)).toEqual([
    expect.objectContaining({ label: 'Lakeside Marine', description: 'Orders.' }),
  ])
})
