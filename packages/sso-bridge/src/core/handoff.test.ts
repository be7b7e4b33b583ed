import { expect, test } from 'vitest'
import { statusFailure } from './handoff.ts'
import type { HttpResponse } from './http.ts'

function response(status: number, body: unknown = {}): HttpResponse {
  return { status, contentType: 'application/json', text: JSON.stringify(body) }
}

test.each([200, 201, 204, 299])('reads nothing into a %i answer', (status) => {
  expect(statusFailure('Acme', response(status))).toBeUndefined()
})

test.each([
  [400, 'handoff_bad_request'],
  [401, 'handoff_unauthorized'],
  [403, 'handoff_forbidden'],
  [404, 'handoff_bad_request'],
  [406, 'handoff_not_acceptable'],
  [408, 'timeout'],
  [409, 'handoff_bad_request'],
  [499, 'handoff_bad_request'],
  [500, 'handoff_unavailable'],
  [502, 'handoff_unavailable'],
  [503, 'handoff_unavailable'],
  [504, 'timeout'],
])('maps HTTP %i to %s for every partner, naming the partner and the status', (status, code) => {
  const failure = statusFailure('Acme', response(status), 'Vendor says no')
  expect(failure).toMatchObject({
    code,
    message: `Acme hand-off failed with HTTP ${status}`,
    detail: 'Vendor says no',
  })
})

test.each([100, 199, 300, 302, 399])(
  'an HTTP %i answer is invalid_response, with no detail',
  (status) => {
    expect(statusFailure('Acme', response(status), 'Vendor says no')).toMatchObject({
      code: 'invalid_response',
      detail: undefined,
    })
  },
)

test('keeps a failure without vendor text free of detail', () => {
  expect(statusFailure('Acme', response(502))).toMatchObject({ detail: undefined })
})

test.each([
  [403, 'forbidden', 'handoff_forbidden'],
  [400, 'invalid_request', 'handoff_bad_request'],
  [413, 'payload_too_large', 'handoff_bad_request'],
  [502, 'partner_unavailable', 'handoff_unavailable'],
  [502, 'partner_refused', 'handoff_unavailable'],
  [504, 'upstream_timeout', 'timeout'],
  [500, 'internal', 'handoff_unavailable'],
])(
  "the BFF refusing with HTTP %i %s is %s, its own words never shown as the partner's",
  (status, error, code) => {
    const failure = statusFailure(
      'Acme',
      response(status, { error, message: 'This request is not allowed from here.' }),
      'This request is not allowed from here.',
    )
    expect(failure).toMatchObject({ code, detail: undefined })
  },
)

test('a vendor body with another error code keeps its words as the detail', () => {
  const failure = statusFailure(
    'Acme',
    response(401, { error: 'invalid_token', message: 'Token expired' }),
    'Token expired',
  )
  expect(failure).toMatchObject({ code: 'handoff_unauthorized', detail: 'Token expired' })
})
