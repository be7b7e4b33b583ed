import { afterAll, beforeAll, expect, test } from 'vitest'
import type { RunningParties } from '../../../../sandbox/start-parties.ts'
import { USERS, type SandboxUser } from '../../../../sandbox/users.ts'
import {
  AppBrowser,
  signIn,
  startTestBff,
  unboundLogin,
  startTestSandbox,
  type RunningBff,
} from '../testing/bff-sandbox.ts'
import { createMetrics, type BffMetrics } from './metrics.ts'
import { startMetricsListener, type MetricsListener } from './metrics-listener.ts'

const ALICE: SandboxUser = USERS[0] ?? expect.fail('no alice')
const JWT = /[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/

let sandbox: RunningParties
let metrics: BffMetrics
let bff: RunningBff
let listener: MetricsListener

beforeAll(async () => {
  sandbox = await startTestSandbox()
  metrics = createMetrics({ version: '9.9.9-test' })
  bff = await startTestBff(sandbox, { SSO_BFF_RATE_LIMIT_PER_MINUTE: '4' }, { metrics })
  listener = await startMetricsListener(metrics, { host: '127.0.0.1', port: 0 })
})
afterAll(async () => {
  await listener.close()
  await bff.close()
  await sandbox.close()
})

/** The value of the sample `series` (name and labels, as the text format writes them), or 0. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? 0 : Number(line.slice(series.length + 1))
}

async function scrape(): Promise<string> {
  const answer = await fetch(`http://127.0.0.1:${listener.port}/metrics`)
  expect(answer.status).toBe(200)
  expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
  return answer.text()
}

test('serves the metrics on their own listener, with process metrics and the version, never on the public one', async () => {
  const text = await scrape()
  expect(sample(text, 'sso_bridge_bff_build_info{version="9.9.9-test"}')).toBe(1)
  expect(text).toContain('process_cpu_seconds_total')
  expect(text).toContain('nodejs_eventloop_lag_seconds')
  expect(sample(text, 'sso_bridge_bff_session_store_up')).toBe(1)

  const publicAnswer = await fetch(`${bff.url}/metrics`)
  expect(publicAnswer.status).toBe(404)
  expect(await publicAnswer.text()).not.toContain('sso_bridge_bff_')
  expect((await fetch(`http://127.0.0.1:${listener.port}/other`)).status).toBe(404)
})

test('counts sign-ins by outcome, hand-offs by partner, sign-outs, refusals and upstream latency', async () => {
  const before = await scrape()
  const browser = new AppBrowser(bff)
  expect((await signIn(browser, ALICE)).status).toBe(200)
  const handoff = await browser.post('/api/assuresign/authentication/sso', {})
  expect(handoff.status).toBe(200)
  const stranger = new AppBrowser(bff)
  await unboundLogin(stranger, ALICE.email)
  expect((await browser.post('/api/session/sign-out', {})).status).toBe(204)
  expect((await stranger.post('/api/session/sign-out', {})).status).toBe(204)

  const after = await scrape()
  const rise = (series: string) => sample(after, series) - sample(before, series)
  expect(rise('sso_bridge_bff_sign_in_starts_total{outcome="ok"}')).toBe(1)
  expect(rise('sso_bridge_bff_sign_ins_total{outcome="ok"}')).toBe(1)
  expect(rise('sso_bridge_bff_sign_ins_total{outcome="sign_in_not_bound"}')).toBe(1)
  expect(rise('sso_bridge_bff_handoffs_total{partner="assuresign",outcome="ok"}')).toBe(1)
  expect(rise('sso_bridge_bff_sign_outs_total{had="session"}')).toBe(1)
  expect(rise('sso_bridge_bff_sign_outs_total{had="none"}')).toBe(1)
  expect(
    rise(
      'sso_bridge_bff_upstream_request_duration_seconds_count{upstream="indee",operation="sso/login",status_class="2xx"}',
    ),
  ).toBe(1)
  expect(
    rise(
      'sso_bridge_bff_upstream_request_duration_seconds_count{upstream="assuresign",operation="handoff",status_class="2xx"}',
    ),
  ).toBe(1)
  expect(rise('sso_bridge_bff_session_store_operations_total{operation="set",outcome="ok"}')).toBe(
    1,
  )
  expect(
    rise('sso_bridge_bff_session_store_duration_seconds_count{operation="get"}'),
  ).toBeGreaterThanOrEqual(2)
  expect(
    rise(
      'sso_bridge_bff_http_requests_total{route="/api/sso/login",method="POST",status_class="4xx"}',
    ),
  ).toBe(1)
})

test('counts rate-limited requests by route', async () => {
  const before = await scrape()
  const browser = new AppBrowser(bff)
  const statuses: number[] = []
  for (let i = 0; i < 6; i += 1) {
    statuses.push((await browser.post('/api/sso/initiate', { email: ALICE.email })).status)
  }
  expect(statuses).toContain(429)
  const limited = statuses.filter((status) => status === 429).length
  const after = await scrape()
  expect(
    sample(after, 'sso_bridge_bff_rate_limited_total{route="/api/sso/initiate"}') -
      sample(before, 'sso_bridge_bff_rate_limited_total{route="/api/sso/initiate"}'),
  ).toBe(limited)
})

test('no label carries a person, an email, a token or a path the request chose', async () => {
  const browser = new AppBrowser(bff)
  await browser.get(`/api/${ALICE.email}/unknown?token=abc.def.ghi`)
  const text = await scrape()
  expect(text).not.toContain(ALICE.email)
  expect(text).not.toContain('@')
  expect(text).not.toMatch(JWT)
  expect(text).not.toContain('unknown')
  expect(
    sample(
      text,
      'sso_bridge_bff_http_requests_total{route="unmatched",method="GET",status_class="4xx"}',
    ),
  ).toBeGreaterThanOrEqual(1)
})
