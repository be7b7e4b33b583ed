import Fastify from 'fastify'
import { expect, test } from 'vitest'
import { LIMITS } from '../../../contract/src/contract.ts'
import { BffError } from '../errors.ts'
import type { UpstreamAnswer } from '../upstream/upstream-call.ts'
import { relay, type VendorAnswers } from './partner-relay.ts'

const JSON_ONLY: VendorAnswers = { partner: 'abc', mediaTypes: ['application/json'] }
const JSON_OR_XML: VendorAnswers = {
  partner: 'aimbase',
  mediaTypes: ['application/json', 'application/xml'],
}

/**
 * What the browser gets when a route relays `answer` (no other hook or plugin in between), and
 * what the relay threw instead for app.ts's error handler to answer.
 */
async function relayed(answer: UpstreamAnswer, vendor: VendorAnswers = JSON_ONLY) {
  const app = Fastify()
  let thrown: unknown
  app.get('/relayed', (_request, reply) => {
    try {
      return relay(reply, answer, vendor)
    } catch (error) {
      thrown = error
      return reply.code(500).send()
    }
  })
  try {
    return { answer: await app.inject({ method: 'GET', url: '/relayed' }), thrown }
  } finally {
    await app.close()
  }
}

const html = (status: number, contentType?: string): UpstreamAnswer => ({
  status,
  contentType,
  body: Buffer.from('<script>alert(document.cookie)</script>'),
})

test("relays a 2xx answer's status, Content-Type and body, never to be cached", async () => {
  const { answer } = await relayed(
    {
      status: 201,
      contentType: 'application/xml; charset=utf-8',
      body: Buffer.from('<string>token</string>'),
    },
    JSON_OR_XML,
  )
  expect(answer.statusCode).toBe(201)
  expect(answer.headers['content-type']).toBe('application/xml; charset=utf-8')
  expect(answer.headers['cache-control']).toBe('no-store')
  expect(answer.body).toBe('<string>token</string>')
})

test('reads the media type without its parameters and in any case', async () => {
  const { answer } = await relayed({
    status: 200,
    contentType: ' Application/JSON ;charset=UTF-8',
    body: Buffer.from('"token"'),
  })
  expect(answer.statusCode).toBe(200)
  expect(answer.body).toBe('"token"')
})

test.each([
  ['text/html', html(200, 'text/html; charset=utf-8'), 'abc: answered 200 as text/html'],
  ['no Content-Type', html(200), 'abc: answered 200 as no Content-Type'],
  ['an empty Content-Type', html(200, ''), 'abc: answered 200 as no Content-Type'],
  [
    'XML to a JSON-only partner',
    html(200, 'application/xml'),
    'abc: answered 200 as application/xml',
  ],
  ['a longer type', html(200, 'application/jsonp'), 'abc: answered 200 as application/jsonp'],
  ['HTML on an error', html(401, 'text/html'), 'abc: answered 401 as text/html'],
  [
    'a type hidden in a parameter',
    html(200, 'text/html; x=application/json'),
    'abc: answered 200 as text/html',
  ],
])(
  'an answer in %s is never sent: the BFF answers partner_unavailable, naming partner, status and type',
  async (_name, vendorAnswer, reason) => {
    const { answer, thrown } = await relayed(vendorAnswer)
    expect(answer.body).not.toContain('script')
    expect(thrown).toBeInstanceOf(BffError)
    expect(thrown).toMatchObject({ code: 'partner_unavailable', message: reason })
  },
)

test('a media type in the log is cut at 100 characters', async () => {
  const { thrown } = await relayed(html(200, `text/${'x'.repeat(500)}`))
  expect(thrown).toMatchObject({ message: `abc: answered 200 as text/${'x'.repeat(95)}` })
})

test("a vendor's error is wrapped: 502 partner_refused with its status, Content-Type and body", async () => {
  const { answer } = await relayed(
    {
      status: 401,
      contentType: 'application/xml; charset=utf-8',
      body: Buffer.from('<Error><Message>Authorization has been denied.</Message></Error>'),
    },
    JSON_OR_XML,
  )
  expect(answer.statusCode).toBe(502)
  expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
  expect(answer.headers['cache-control']).toBe('no-store')
  expect(answer.json()).toEqual({
    error: 'partner_refused',
    message: 'The partner service refused the request; its answer is in "vendor".',
    partner: 'aimbase',
    vendor: {
      status: 401,
      contentType: 'application/xml; charset=utf-8',
      body: '<Error><Message>Authorization has been denied.</Message></Error>',
    },
  })
})

test.each([400, 404, 500, 599])('a vendor %i is wrapped too', async (status) => {
  const { answer } = await relayed({
    status,
    contentType: 'application/json',
    body: Buffer.from(''),
  })
  expect(answer.statusCode).toBe(502)
  expect(answer.json()).toMatchObject({ error: 'partner_refused', vendor: { status, body: '' } })
})

test("a wrapped body is cut at the contract's bound; a character cut in two reads as U+FFFD", async () => {
  // '"' then 'é' (two bytes in UTF-8): the bound falls on the first byte of an 'é'.
  const { answer } = await relayed({
    status: 500,
    contentType: 'application/json',
    body: Buffer.from(`"${'é'.repeat(LIMITS.vendorBody)}"`),
  })
  const kept = (LIMITS.vendorBody - 2) / 2
  expect(answer.json()).toMatchObject({ vendor: { body: `"${'é'.repeat(kept)}\uFFFD` } })
})

test.each([302, 304, 600, 999])(
  'a vendor %i, neither a success nor an error, is partner_unavailable',
  async (status) => {
    const { answer, thrown } = await relayed({
      status,
      contentType: 'application/json',
      body: Buffer.from('{"Location":"https://elsewhere.example"}'),
    })
    expect(answer.body).not.toContain('elsewhere')
    expect(thrown).toMatchObject({
      code: 'partner_unavailable',
      message: `abc: answered ${status}`,
    })
  },
)
