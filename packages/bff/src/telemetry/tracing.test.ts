import { afterAll, beforeAll, expect, test } from 'vitest'
import type { RunningParties } from '../../../../sandbox/start-parties.ts'
import { USERS, type SandboxUser } from '../../../../sandbox/users.ts'
import {
  AppBrowser,
  loginBody,
  reachCallback,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from '../testing/bff-sandbox.ts'
import { startOtlpReceiver, type ReceivedSpan } from '../testing/otlp-receiver.ts'
import { startTracing, tracingConfigured, type Tracing } from './tracing.ts'

const ALICE: SandboxUser = USERS[0] ?? expect.fail('no alice')
const JWT = /[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/
const SERVER_SPAN = 2
const CLIENT_SPAN = 3

let sandbox: RunningParties
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>
let tracing: Tracing
let bff: RunningBff

beforeAll(async () => {
  sandbox = await startTestSandbox()
  receiver = await startOtlpReceiver()
  // The standard variable turns tracing on; the exporter reads it itself.
  process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = receiver.url
  expect(tracingConfigured(process.env)).toBe(true)
  tracing = startTracing({ serviceName: 'sso-bridge-bff-test', version: '0.0.0-test' })
  bff = await startTestBff(sandbox, {}, { tracing })
})
afterAll(async () => {
  await bff.close()
  await tracing.shutdown()
  await receiver.close()
  await sandbox.close()
})

test('tracing is off unless an OTLP endpoint is configured', () => {
  expect(tracingConfigured({})).toBe(false)
  expect(tracingConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318' })).toBe(
    true,
  )
  expect(
    tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x', OTEL_SDK_DISABLED: 'true' }),
  ).toBe(false)
  expect(
    tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x', OTEL_TRACES_EXPORTER: 'none' }),
  ).toBe(false)
})

/** The spans of `traceId`, once the receiver has them all (the BFF's batch is flushed first). */
async function traceOf(traceId: string, names: readonly string[]): Promise<ReceivedSpan[]> {
  await tracing.flush()
  const spans = () => receiver.spans.filter((span) => span.traceId === traceId)
  await expect.poll(() => names.every((n) => spans().some((s) => s.name === n))).toBe(true)
  return spans()
}

test('a sign-in is one trace: the route, the Indee call, the verification and the session write, with traceparent sent to Indee', async () => {
  const browser = new AppBrowser(bff)
  const start = await reachCallback(browser, ALICE)
  const body = loginBody(start, ALICE.email)
  const login = await browser.post('/api/sso/login', body)
  expect(login.status).toBe(200)
  const requestId = login.headers.get('x-request-id')

  await tracing.flush()
  const rootSpan = () =>
    receiver.spans.find((s) => s.attributes['sso_bridge.request_id'] === requestId)
  await expect.poll(rootSpan).toBeDefined()
  const root = rootSpan() ?? expect.fail('no span of the sign-in request')
  expect(root.kind).toBe(SERVER_SPAN)
  expect(root.parentSpanId).toBeUndefined()
  expect(root.attributes['http.route']).toBe('/api/sso/login')
  expect(root.service).toBe('sso-bridge-bff-test')

  const spans = await traceOf(root.traceId, [
    'indee sso/login',
    'indee jwks',
    'verify session token',
    'session write',
  ])
  const byId = new Map(spans.map((span) => [span.spanId, span]))
  // Every span but the root has its parent in this very trace, and leads up to the root.
  for (const span of spans) {
    let at: ReceivedSpan | undefined = span
    while (at?.parentSpanId !== undefined) at = byId.get(at.parentSpanId)
    expect(at, `${span.name} leads up to the route's span`).toBe(root)
  }
  const indeeCall = spans.find((s) => s.name === 'indee sso/login')
  expect(indeeCall?.kind).toBe(CLIENT_SPAN)
  expect(indeeCall?.attributes['http.response.status_code']).toBe(200)

  // Indee got the trace context of the BFF's call: its spans would join this trace.
  const atIndee = sandbox.control.log('indee').find((r) => r.path.endsWith('/sso/login'))
  expect(atIndee?.traceparent).toBe(`00-${root.traceId}-${indeeCall?.spanId}-01`)
  // The first verification fetched Indee's keys, inside this trace too.
  const jwks = sandbox.control.log('indee').find((r) => r.path.endsWith('/jwks.json'))
  const jwksCall = spans.find((s) => s.name === 'indee jwks')
  expect(jwks?.traceparent).toBe(`00-${root.traceId}-${jwksCall?.spanId}-01`)

  const secrets = [
    body.code,
    body.state,
    body.nonce,
    ALICE.email,
    bff.config.indee.apiKey,
    ...(browser.cookieHeader(`${bff.url}/api/session`) ?? '')
      .split('; ')
      .map((cookie) => cookie.split('=')[1] ?? ''),
  ].filter((value) => value !== '')
  for (const span of spans) {
    const attributes = JSON.stringify(span.attributes)
    expect(attributes).not.toMatch(JWT)
    for (const secret of secrets) expect(attributes).not.toContain(secret)
  }
})

test('a hand-off sends the trace context to the vendor, its login included', async () => {
  const browser = new AppBrowser(bff)
  const start = await reachCallback(browser, ALICE)
  expect((await browser.post('/api/sso/login', loginBody(start, ALICE.email))).status).toBe(200)
  sandbox.control.reset()
  const handoff = await browser.post('/api/assuresign/authentication/sso', {})
  expect(handoff.status).toBe(200)
  const calls = sandbox.control.log('assuresign')
  expect(calls.length).toBeGreaterThanOrEqual(1)
  for (const call of calls) expect(call.traceparent).toMatch(/^00-[\da-f]{32}-[\da-f]{16}-01$/)
  const traces = new Set(calls.map((call) => call.traceparent?.split('-')[1]))
  expect(traces.size).toBe(1)
})
