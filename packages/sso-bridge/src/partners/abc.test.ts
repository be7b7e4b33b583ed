import { http, HttpResponse, type JsonBodyType } from 'msw'
import { expect, test } from 'vitest'
import type { HandoffRequest } from '../core/handoff.ts'
import { afterFakeTime } from '../test/fake-timers.ts'
import { mswServer, silentPost } from '../test/msw-server.ts'
import { failureOf } from '../test/sso-failure.ts'
import { testConfig } from '../test/runtime-config.ts'

import { abc, type AbcConfig } from './abc.ts'

const API = 'http://app.test/api'
const ENDPOINT = `${API}/abc/cmnsrv/user/generate-sso-token`
const PORTAL = 'https://lob.example/lob/ABSLI/sso'

function configWith(portalUrl = PORTAL) {
  return testConfig({
    partners: {
      abc: {
        apiVersion: '2.1.0',
        lobs: [{ id: 'ABSLI', label: 'Life insurance', portalUrl, functionality: 'POL' }],
      },
    },
  }).partners.abc
}

const server = mswServer()

function handoff(overrides: Partial<HandoffRequest<AbcConfig>> = {}, lobId = 'ABSLI') {
  return abc.request(
    { lobId, functionality: 'CLM' },
    {
      fetch: (input, init) => fetch(input, init),
      apiBase: API,
      timeoutMs: 2000,
      config: configWith(),
      ...overrides,
    },
  )
}

function answer(status: number, body: JsonBodyType) {
  server.use(http.post(ENDPOINT, () => HttpResponse.json(body, { status })))
}

/** Counts the requests that reach the BFF, answering each with success. */
function countRequests() {
  const counter = { calls: 0 }
  server.use(
    http.post(ENDPOINT, () => {
      counter.calls += 1
      return HttpResponse.json({ ReturnCode: '1', TokenRefNo: 'r', TokenNo: 't' })
    }),
  )
  return counter
}

const SUCCESS = {
  ReturnCode: '1',
  ReturnMessage: 'Token Generated successfully',
  TokenRefNo: 'REF-42',
  TokenNo: 'eyJhbGciOiJIUzI1NiJ9.eyJDSUlObyI6IjEwMDEyMzQ1NjcifQ.sig',
}

test('asks the BFF for a token with the API version and no credential (the BFF adds them)', async () => {
  let seen: Request | undefined
  let body: unknown
  server.use(
    http.post(ENDPOINT, async ({ request }) => {
      seen = request
      body = await request.json()
      return HttpResponse.json(SUCCESS)
    }),
  )
  await handoff()
  expect(seen?.headers.get('x-api-version')).toBe('2.1.0')
  expect(seen?.headers.get('content-type')).toBe('application/json')
  expect(seen?.headers.get('accept')).toBe('application/json')
  expect([...(seen?.headers.keys() ?? [])].sort()).toEqual([
    'accept',
    'content-type',
    'x-api-version',
  ])
  expect(body).toEqual({ LOBId: 'ABSLI', Functionality: 'CLM' })
})

test('hands the tokens to the portal as a POST form, never in a URL', async () => {
  answer(200, SUCCESS)
  const target = await handoff()
  expect(target).toEqual({
    kind: 'form-post',
    action: PORTAL,
    fields: { TokenRefNo: 'REF-42', TokenNo: SUCCESS.TokenNo },
  })
  expect(target.kind === 'form-post' && Object.isFrozen(target.fields)).toBe(true)
})

test('the token lifetime is the shortest documented 15 minutes', () => {
  expect(abc.tokenLifetimeMs).toBe(15 * 60_000)
})

test('maps ReturnCode 0 to handoff_rejected with the ReturnMessage as plain-text detail', async () => {
  answer(200, { ReturnCode: '0', ReturnMessage: 'User is <i>not</i> linked' })
  await expect(handoff()).rejects.toMatchObject({
    code: 'handoff_rejected',
    detail: 'User is not linked',
  })
})

test.each([
  ['V1', 'CIINo'],
  ['V3', 'LOBId'],
  ['V5', 'Functionality'],
])('maps ReturnCode %s to handoff_bad_request naming %s', async (code, field) => {
  answer(200, { ReturnCode: code, ReturnMessage: 'Invalid value' })
  const failure = handoff()
  await expect(failure).rejects.toMatchObject({ code: 'handoff_bad_request' })
  await expect(failure).rejects.toHaveProperty('detail', expect.stringContaining(field))
  await expect(failure).rejects.toHaveProperty('detail', expect.stringContaining('Invalid value'))
})

test('names the refused field even without a ReturnMessage', async () => {
  answer(200, { ReturnCode: 'V1' })
  await expect(handoff()).rejects.toMatchObject({
    code: 'handoff_bad_request',
    detail: 'The CII number (CIINo) is not valid.',
  })
})

test.each([
  ['an unknown ReturnCode', { ReturnCode: '2', TokenRefNo: 'r', TokenNo: 't' }],
  ['a numeric ReturnCode', { ReturnCode: 1, TokenRefNo: 'r', TokenNo: 't' }],
  ['no ReturnCode', { TokenRefNo: 'r', TokenNo: 't' }],
  ['success without TokenNo', { ReturnCode: '1', TokenRefNo: 'r' }],
  ['success with an empty TokenRefNo', { ReturnCode: '1', TokenRefNo: '', TokenNo: 't' }],
  ['a prototype-named ReturnCode', { ReturnCode: '__proto__' }],
])('refuses an answer with %s', async (_name, body) => {
  answer(200, body)
  await expect(handoff()).rejects.toMatchObject({ code: 'invalid_response' })
})

test.each([
  [400, 'handoff_bad_request'],
  [401, 'handoff_unauthorized'],
  [403, 'handoff_forbidden'],
  [406, 'handoff_not_acceptable'],
  [500, 'handoff_unavailable'],
  [502, 'handoff_unavailable'],
  [504, 'timeout'],
])('maps HTTP %i to %s', async (status, code) => {
  answer(status, { message: 'Vendor says no' })
  await expect(handoff()).rejects.toMatchObject({ code, detail: 'Vendor says no' })
})

test('keeps no detail from an HTML error page', async () => {
  server.use(http.post(ENDPOINT, () => HttpResponse.html('<h1>Bad gateway</h1>', { status: 502 })))
  await expect(handoff()).rejects.toMatchObject({ code: 'handoff_unavailable', detail: undefined })
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

test('refuses a line of business missing from config without calling ABC', async () => {
  const counter = countRequests()
  await expect(handoff({}, 'UNKNOWN')).rejects.toMatchObject({ code: 'invalid_handoff_input' })
  expect(counter.calls).toBe(0)
})

test('allows a plain http portal on loopback (the sandbox)', async () => {
  answer(200, SUCCESS)
  await expect(
    handoff({ config: configWith('http://127.0.0.1:4060/lob/ABSLI/sso') }),
  ).resolves.toMatchObject({ action: 'http://127.0.0.1:4060/lob/ABSLI/sso' })
})

test.each([
  ['ReturnMessage', { ReturnMessage: 'Vendor says no' }],
  ['Message', { Message: 'Vendor says no' }],
  ['message', { message: 'Vendor says no' }],
  ['ReturnMessage before Message', { ReturnMessage: 'Vendor says no', Message: 'Other words' }],
])('keeps the %s of an HTTP error body as the detail', async (_name, body) => {
  answer(400, body)
  await expect(handoff()).rejects.toMatchObject({
    code: 'handoff_bad_request',
    message: 'Aditya Birla Capital hand-off failed with HTTP 400',
    detail: 'Vendor says no',
  })
})

test('refuses an answer without a ReturnCode in its own words, keeping why as the cause', async () => {
  answer(200, { TokenRefNo: 'r', TokenNo: 't' })
  const failure = await failureOf(handoff())
  expect(failure).toMatchObject({
    code: 'invalid_response',
    message: 'ABC answer lacks "ReturnCode"',
  })
  expect(failure).toHaveProperty('cause.issues', expect.any(Array))
})

test('refuses an answer whose ReturnCode brings no tokens, naming the code', async () => {
  answer(200, { ReturnCode: '2' })
  const failure = await failureOf(handoff())
  expect(failure).toMatchObject({
    code: 'invalid_response',
    message: 'ABC answer with ReturnCode "2" has no tokens',
  })
  expect(failure).toHaveProperty('cause.issues', expect.any(Array))
})

test('says that ABC refused to generate a token for ReturnCode 0', async () => {
  answer(200, { ReturnCode: '0' })
  await expect(handoff()).rejects.toMatchObject({
    code: 'handoff_rejected',
    message: 'ABC refused to generate a token (ReturnCode 0)',
    detail: undefined,
  })
})

test('names the ReturnCode and the refused field in the message', async () => {
  answer(200, { ReturnCode: 'V3', ReturnMessage: 'Invalid value' })
  await expect(handoff()).rejects.toMatchObject({
    message: 'ABC refused the request: ReturnCode V3 (line of business id (LOBId))',
    detail: 'line of business id (LOBId): Invalid value',
  })
})

test('a ReturnMessage of white space only counts as none', async () => {
  answer(200, { ReturnCode: 'V5', ReturnMessage: '   ' })
  await expect(handoff()).rejects.toMatchObject({
    detail: 'The functionality (Functionality) is not valid.',
  })
})

test('links to a line of business with its functionality in the query', () => {
  expect(abc.linkTo({ lobId: 'ABSLI', functionality: 'CLM' })).toBe('lob/ABSLI?functionality=CLM')
})

test('offers each configured line of business as a link named after it', () => {
  expect(abc.destinations(configWith())).toEqual([
    { label: 'Life insurance', input: { lobId: 'ABSLI', functionality: 'POL' } },
  ])
})

test('a line of business offers its configured description with its link', () => {
  const config = testConfig({
    partners: {
      abc: {
        lobs: [
          {
            id: 'ABSLI',
            label: 'Life insurance',
            description: 'Policies and claims.',
            portalUrl: PORTAL,
            functionality: 'POL',
          },
        ],
      },
    },
  }).partners.abc
  expect(abc.destinations(config)).toEqual([
    {
      label: 'Life insurance',
      description: 'Policies and claims.',
      input: { lobId: 'ABSLI', functionality: 'POL' },
    },
  ])
})
