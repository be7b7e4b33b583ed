import { http, HttpResponse, type JsonBodyType } from 'msw'
import { expect, test } from 'vitest'
import type { HandoffRequest } from '../core/handoff.ts'
import { afterFakeTime } from '../test/fake-timers.ts'
import { mswServer, silentPost } from '../test/msw-server.ts'
import { failureOf } from '../test/sso-failure.ts'
import { testConfig } from '../test/runtime-config.ts'

import { assureSign, type AssureSignConfig } from './assuresign.ts'

const API = 'http://app.test/api'
const ENDPOINT = `${API}/assuresign/authentication/sso`
const ENVELOPE = '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f'

const config = testConfig({ partners: { assuresign: { origin: 'https://sign.example' } } })

const server = mswServer()

function handoff(overrides: Partial<HandoffRequest<AssureSignConfig>> = {}) {
  return assureSign.request(
    { envelopeId: ENVELOPE },
    {
      fetch: (input, init) => fetch(input, init),
      apiBase: API,
      timeoutMs: 2000,
      config: config.partners.assuresign,
      ...overrides,
    },
  )
}

function answer(status: number, body: JsonBodyType) {
  server.use(http.post(ENDPOINT, () => HttpResponse.json(body, { status })))
}

test('asks the BFF for an ssoToken with an empty JSON body and no credential of its own', async () => {
  let seen: Request | undefined
  let body = ''
  server.use(
    http.post(ENDPOINT, async ({ request }) => {
      seen = request
      body = await request.text()
      return HttpResponse.json({ result: { ssoToken: 'tok' } })
    }),
  )
  await handoff()
  expect(seen?.headers.get('authorization')).toBeNull()
  expect(body).toBe('{}')
  expect(seen?.headers.get('content-type')).toBe('application/json')
  expect(seen?.headers.get('accept')).toBe('application/json')
  expect([...(seen?.headers.keys() ?? [])].sort()).toEqual(['accept', 'content-type'])
})

test('sends the person to Simple Setup of the envelope with the token encoded', async () => {
  answer(200, { result: { ssoToken: 'a+b/c=&d' } })
  await expect(handoff()).resolves.toEqual({
    kind: 'redirect',
    url: `https://sign.example/ui/simpleSetup/${ENVELOPE}?ssoToken=a%2Bb%2Fc%3D%26d`,
  })
})

test('the token lifetime is the documented 30 seconds', () => {
  expect(assureSign.tokenLifetimeMs).toBe(30_000)
})

test.each([
  ['FORBIDDEN with an undocumented 200', 200, 'FORBIDDEN', 'handoff_forbidden'],
  ['FORBIDDEN with 403', 403, 'FORBIDDEN', 'handoff_forbidden'],
  ['FORBIDDEN with 500', 500, 'FORBIDDEN', 'handoff_forbidden'],
  ['UNAUTHORIZED', 401, 'UNAUTHORIZED', 'handoff_unavailable'],
  ['another code with 400', 400, 'VALIDATION_FAILED', 'handoff_bad_request'],
  ['another code with 404', 404, 'NOT_FOUND', 'handoff_bad_request'],
  ['another code with 500', 500, 'INTERNAL_ERROR', 'handoff_unavailable'],
])(
  'maps errorCode %s to its code with the summary as plain-text detail',
  async (_name, status, errorCode, code) => {
    answer(status, { errorCode, summary: 'Token <b>expired</b>.', details: [] })
    await expect(handoff()).rejects.toMatchObject({ code, detail: 'Token expired.' })
  },
)

test.each([
  [401, 'handoff_unauthorized'],
  [403, 'handoff_forbidden'],
  [400, 'handoff_bad_request'],
  [502, 'handoff_unavailable'],
  [503, 'handoff_unavailable'],
])('maps HTTP %i without an errorCode to %s', async (status, code) => {
  server.use(http.post(ENDPOINT, () => HttpResponse.html('<h1>Gateway says no</h1>', { status })))
  await expect(handoff()).rejects.toMatchObject({ code, detail: undefined })
})

test.each([
  ['no token', { result: {} }],
  ['an empty token', { result: { ssoToken: '' } }],
  ['a number token', { result: { ssoToken: 42 } }],
  ['not JSON', 'tok'],
])('rejects a success answer with %s', async (_name, body) => {
  server.use(
    http.post(ENDPOINT, () =>
      typeof body === 'string' ? HttpResponse.text(body) : HttpResponse.json(body),
    ),
  )
  await expect(handoff()).rejects.toMatchObject({ code: 'invalid_response' })
})

test('a network failure is handoff_unavailable', async () => {
  server.use(http.post(ENDPOINT, () => HttpResponse.error()))
  await expect(handoff()).rejects.toMatchObject({ code: 'handoff_unavailable' })
})

test('a silent gateway times out', async () => {
  silentPost(server, ENDPOINT)
  await expect(afterFakeTime(5000, () => handoff({ timeoutMs: 5000 }))).rejects.toMatchObject({
    code: 'timeout',
  })
})

test('names the errorCode and the status of a refusal', async () => {
  answer(403, { errorCode: 'FORBIDDEN', summary: 'No access.' })
  await expect(handoff()).rejects.toMatchObject({
    code: 'handoff_forbidden',
    message: 'AssureSign refused the hand-off: errorCode FORBIDDEN (HTTP 403)',
  })
})

test('a refusal without an errorCode names AssureSign and the status', async () => {
  server.use(http.post(ENDPOINT, () => HttpResponse.html('<h1>Bad gateway</h1>', { status: 502 })))
  await expect(handoff()).rejects.toMatchObject({
    message: 'AssureSign hand-off failed with HTTP 502',
  })
})

test('refuses a success answer without a token in its own words, keeping why as the cause', async () => {
  answer(200, { result: {} })
  const failure = await failureOf(handoff())
  expect(failure).toMatchObject({
    code: 'invalid_response',
    message: 'AssureSign answer lacks "result.ssoToken"',
  })
  expect(failure).toHaveProperty('cause.issues', expect.any(Array))
})

test('offers each configured envelope as a link named after it', () => {
  const withEnvelope = testConfig({
    partners: { assuresign: { envelopes: [{ id: ENVELOPE, label: 'Lease 2026' }] } },
  })
  expect(assureSign.destinations(withEnvelope.partners.assuresign)).toEqual([
    { label: 'Lease 2026', input: { envelopeId: ENVELOPE } },
  ])
})

test('an envelope offers its configured description with its link', () => {
  const config = testConfig({
    partners: {
      assuresign: {
        envelopes: [{ id: ENVELOPE, label: 'Lease 2026', description: 'The new office lease.' }],
      },
    },
  })
  expect(assureSign.destinations(config.partners.assuresign)).toEqual([
    {
      label: 'Lease 2026',
      description: 'The new office lease.',
      input: { envelopeId: ENVELOPE },
    },
  ])
})
