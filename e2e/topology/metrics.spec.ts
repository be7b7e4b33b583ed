// The production shape's metrics (scripts/topology/): Debian's Prometheus scrapes each BFF
// instance's metrics listener every second. A sign-in and a hand-off through nginx count, once
// each, on the instance that served them; the metrics are never served where nginx or a browser
// can ask.
import { API_PREFIX, AUTH_ROUTES, PARTNER_PATHS } from '../../packages/contract/src/contract.ts'
import { HOME_LINKS } from '../pages/partner-page.ts'
import { ALICE, DEMO_ENVELOPE } from '../sandbox-data.ts'
import { originOf } from '../../sandbox/playwright.ts'
import { get } from '../../scripts/topology/processes.ts'
import type { Topology } from '../../scripts/topology/topology.ts'
import { expect, test } from './fixtures.ts'

const app = originOf('appPreview')
const SIGN_INS = 'sso_bridge_bff_sign_ins_total{outcome="ok"}'
const ASSURESIGN_HANDOFFS = 'sso_bridge_bff_handoffs_total{partner="assuresign",outcome="ok"}'
const LOGIN = API_PREFIX + AUTH_ROUTES.login
const ASSURESIGN = API_PREFIX + PARTNER_PATHS.assuresign
/** Prometheus scrapes every second: a few scrapes, with room for a slow machine. */
const SCRAPED = { timeout: 15_000 }

const now = () => Date.now() / 1000

/** `query` on each instance, once Prometheus has scraped them all since `since`; else undefined. */
async function scrapedSince(topology: Topology, since: number, query: string) {
  return (await topology.scrapedSince(since)) ? topology.metricOnEachInstance(query) : undefined
}

/** `values` with one more at `index`. */
const plusOne = (values: readonly number[], index: number) =>
  values.map((value, i) => (i === index ? value + 1 : value))

test('a sign-in and a hand-off through nginx count once each in Prometheus, on the instance that served them', async ({
  page,
  app: home,
  signInAs,
  partners,
  topology,
}) => {
  const startedAt = now()
  await expect.poll(() => topology.scrapedSince(startedAt), SCRAPED).toBe(true)
  const signInsBefore = await topology.metricOnEachInstance(SIGN_INS)
  const handoffsBefore = await topology.metricOnEachInstance(ASSURESIGN_HANDOFFS)
  const logged = topology.accessLog().length

  await home.goto()
  await signInAs(ALICE)
  await page.getByRole('link', { name: HOME_LINKS.assuresign }).click()
  await partners.expectAssureSign(ALICE, DEMO_ENVELOPE.id)
  const doneAt = now()

  // One sign-in exchange and one hand-off, each answered by one instance.
  const posts = (path: string) =>
    topology
      .accessLog()
      .slice(logged)
      .filter((line) => line.method === 'POST' && line.uri === path)
      .map((line) => line.status)
  expect(posts(LOGIN)).toEqual([200])
  expect(posts(ASSURESIGN)).toEqual([200])
  const signedInOn = topology.servedBy('POST', LOGIN)
  const handedOffOn = topology.servedBy('POST', ASSURESIGN)

  await expect
    .poll(() => scrapedSince(topology, doneAt, SIGN_INS), SCRAPED)
    .toEqual(plusOne(signInsBefore, signedInOn))
  await expect
    .poll(() => scrapedSince(topology, doneAt, ASSURESIGN_HANDOFFS), SCRAPED)
    .toEqual(plusOne(handoffsBefore, handedOffOn))
})

test('the metrics are served on each instance’s metrics port only, never through nginx or the public port', async ({
  request,
  topology,
}) => {
  const appHost = new URL(app).host
  const isMetrics = (text: string) => /^# TYPE sso_bridge_bff_/m.test(text)
  for (const port of topology.metricsPorts) {
    const scraped = await get(`http://127.0.0.1:${port}/metrics`)
    expect(scraped.status, `metrics port ${port}`).toBe(200)
    expect(isMetrics(scraped.body), `metrics port ${port}`).toBe(true)
  }
  for (const path of ['/metrics', '/api/metrics']) {
    const answer = await request.get(`${app}${path}`)
    expect(isMetrics(await answer.text()), `nginx ${path}`).toBe(false)
  }
  for (const port of topology.bffPorts) {
    // As nginx asks: the app's Host, which the public listener answers.
    const answer = await get(`http://127.0.0.1:${port}/metrics`, { host: appHost })
    expect(answer.status, `public port ${port}`).toBe(404)
    expect(isMetrics(answer.body), `public port ${port}`).toBe(false)
  }
})
