// The production shape, for real (scripts/topology/topology.ts): Debian's nginx with the
// generated config in front of two BFF instances from the build, sessions in Debian's
// redis-server, a primary and a replica watched by three of Debian's redis-sentinel. Journeys go through nginx as a person's browser does; the instances are also
// asked directly, to show what each one knows.
import type { Page } from '@playwright/test'
import { CACHE_IMMUTABLE, CACHE_NONE, pageHeaders } from '../../scripts/security-headers.ts'
import { recordCspViolations } from '../csp-violations.ts'
import { HOME_LINKS } from '../pages/partner-page.ts'
import {
  AIMBASE_ACCOUNTS,
  ALICE,
  ALICE_CII,
  DEMO_ENVELOPE,
  HANDOFF_PATHS,
  LINES_OF_BUSINESS,
} from '../sandbox-data.ts'
import { originOf } from '../../sandbox/playwright.ts'
import { get } from '../../scripts/topology/processes.ts'
import type { AccessLine, Topology } from '../../scripts/topology/topology.ts'
import { expect, test } from './fixtures.ts'

const app = originOf('appPreview')
const appHost = new URL(app).host

/** GET `path` from BFF instance `port` directly, as nginx would send it (the app's Host). */
function askInstance(port: number, path: string, cookie = '') {
  return get(`http://127.0.0.1:${port}${path}`, { host: appHost, cookie })
}

/** The session cookie's `name=value`, as the browser holds it (HttpOnly: page script cannot). */
async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies(app)).find((c) => c.name === 'sso_session')
  expect(cookie?.httpOnly).toBe(true)
  return `sso_session=${cookie?.value ?? ''}`
}

test('alice signs in through nginx and opens every partner, served by both instances, with no CSP violation', async ({
  page,
  app: home,
  signInAs,
  partners,
  topology,
}) => {
  const violations = await recordCspViolations(page, app)
  const before = topology.accessLog().length
  await home.goto()
  await signInAs(ALICE)
  await page.getByRole('link', { name: HOME_LINKS.assuresign }).click()
  await partners.expectAssureSign(ALICE, DEMO_ENVELOPE.id)
  await home.goto()
  await page.getByRole('link', { name: HOME_LINKS.aimbaseJson }).click()
  await partners.expectAimbase(ALICE, AIMBASE_ACCOUNTS.aliceDealer.uid, '/Dashboard')
  await home.openHandoff(HANDOFF_PATHS.lob(LINES_OF_BUSINESS.lifeInsurance))
  await partners.expectLineOfBusiness(LINES_OF_BUSINESS.lifeInsurance.label, ALICE_CII)

  expect(violations).toEqual([])
  const api = topology
    .accessLog()
    .slice(before)
    .filter((line) => line.uri.startsWith('/api/'))
  const served = new Set(api.map((line) => line.upstream))
  expect([...served].sort()).toEqual(topology.bffPorts.map((port) => `127.0.0.1:${port}`).sort())
  // Every call succeeded but the first session check, made before alice signed in.
  const signedOutCheck = (line: AccessLine) =>
    line.method === 'GET' && line.uri === '/api/session' && line.status === 401
  expect(api.filter((line) => line.status >= 400 && !signedOutCheck(line))).toEqual([])
  expect(api.filter(signedOutCheck)).toHaveLength(1)
})

test('killing the instance that served the sign-in keeps alice signed in on the other', async ({
  page,
  app: home,
  signInAs,
  partners,
  topology,
}) => {
  await home.goto()
  await signInAs(ALICE)
  const signedInOn = topology.servedBy('POST', '/api/sso/login')
  await topology.bffs[signedInOn]?.kill()

  await page.reload()
  await expect(home.signedInAs(ALICE)).toBeVisible()
  await page.getByRole('link', { name: HOME_LINKS.assuresign }).click()
  await partners.expectAssureSign(ALICE, DEMO_ENVELOPE.id)
  const survivor = topology.bffPorts.filter((_, index) => index !== signedInOn)
  const session = topology.servedBy('GET', '/api/session')
  expect(topology.bffPorts[session]).toBe(survivor[0])
})

test('a sign-out through one instance ends the session on both', async ({
  page,
  app: home,
  signInAs,
  topology,
}) => {
  await home.goto()
  await signInAs(ALICE)
  const cookie = await sessionCookie(page)
  for (const port of topology.bffPorts) {
    const answer = await askInstance(port, '/api/session', cookie)
    expect(answer.status, `instance ${port} before sign-out`).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ email: ALICE })
  }

  await home.signOut()
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible()
  const signedOutOn = topology.bffPorts[topology.servedBy('POST', '/api/session/sign-out')]
  expect(topology.bffPorts).toContain(signedOutOn)
  for (const port of topology.bffPorts) {
    const answer = await askInstance(port, '/api/session', cookie)
    expect(answer.status, `instance ${port} after sign-out`).toBe(401)
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'session_expired' })
  }
})

test('with every Redis server stopped the app says the sign-in service is not available, and recovers when they are back', async ({
  page,
  app: home,
  signInAs,
  errorView,
  topology,
}) => {
  await home.goto()
  await signInAs(ALICE)
  await topology.redis.stopServers()
  for (const port of topology.bffPorts) {
    expect((await askInstance(port, '/readyz')).status).toBe(503)
  }

  const started = Date.now()
  await page.reload()
  await errorView.expectCode('backend_unavailable')
  await expect(errorView.title).toHaveText('The sign-in service is not available')
  // At once: the BFF does not wait for Redis (its command timeout is far below this).
  expect(Date.now() - started).toBeLessThan(5_000)

  await topology.redis.start()
  for (const port of topology.bffPorts) {
    await expect.poll(async () => (await askInstance(port, '/readyz')).status).toBe(200)
  }
  // Redis kept its data (a snapshot at shutdown): the session is still there.
  await errorView.primaryAction.click()
  await expect(home.signedInAs(ALICE)).toBeVisible()
})

test('the Redis primary crashes: Sentinel promotes the replica, alice stays signed in and hands off, and the old primary comes back as a replica', async ({
  page,
  app: home,
  signInAs,
  partners,
  topology,
}) => {
  await home.goto()
  await signInAs(ALICE)
  const cookie = await sessionCookie(page)
  const old = await topology.redis.primary()
  const before = topology.accessLog().length
  await old.kill()

  const promoted = await topology.redis.promotedAfter(old)
  expect(promoted).not.toBe(old)
  for (const port of topology.bffPorts) {
    await expect.poll(async () => (await askInstance(port, '/readyz')).status).toBe(200)
    const answer = await askInstance(port, '/api/session', cookie)
    expect(answer.status, `instance ${port} after the failover`).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ email: ALICE })
  }
  await page.reload()
  await expect(home.signedInAs(ALICE)).toBeVisible()
  await page.getByRole('link', { name: HOME_LINKS.assuresign }).click()
  await partners.expectAssureSign(ALICE, DEMO_ENVELOPE.id)

  // Nobody was asked to sign in again: no answer through nginx said the session had ended.
  const api = topology.accessLog().slice(before)
  expect(api.filter((line) => line.status === 401 || line.status >= 500)).toEqual([])

  await old.start()
  await topology.redis.waitUntilReplica(old)
  expect(await topology.redis.keyCount(old)).toBe(await topology.redis.keyCount(promoted))
  expect(await topology.redis.keyCount(old)).toBeGreaterThan(0)
})

test.describe('nginx sends the documented headers', () => {
  /** The page policy for the config nginx serves. */
  const policyOf = (topology: Topology) => Object.entries(pageHeaders([...topology.formActions]))

  for (const path of ['/', '/sso/callback?code=c0de&state=5tate', '/sso.config.json']) {
    test(`on ${path.split('?')[0] ?? path}: the page policy, never cached, no version`, async ({
      request,
      topology,
    }) => {
      const response = await request.get(`${app}${path}`)
      expect(response.status()).toBe(200)
      const headers = response.headers()
      expect(topology.formActions).toEqual([originOf('lob')])
      for (const [name, value] of policyOf(topology))
        expect(headers[name.toLowerCase()], name).toBe(value)
      expect(headers['cache-control']).toBe(CACHE_NONE)
      expect(headers['server']).toBe('nginx')
      // Plain HTTP: the TLS-only header is left out.
      expect(headers['strict-transport-security']).toBeUndefined()
      // The callback's query (code and state) never reaches the access log.
      const logged = () => topology.accessLog().filter((line) => line.uri === path.split('?')[0])
      await expect.poll(() => logged().length).toBeGreaterThan(0)
      expect(topology.accessLog().filter((line) => /c0de|5tate/.test(line.raw))).toEqual([])
    })
  }

  test('on /assets/: cached for good when found, never when missing', async ({
    request,
    topology,
  }) => {
    const html = await (await request.get(`${app}/`)).text()
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? ''
    expect(asset).toMatch(/^\/assets\/index-[\w-]+\.js$/)
    const found = await request.get(`${app}${asset}`)
    expect(found.status()).toBe(200)
    expect(found.headers()['cache-control']).toBe(CACHE_IMMUTABLE)
    for (const [name, value] of policyOf(topology))
      expect(found.headers()[name.toLowerCase()], name).toBe(value)

    const missing = await request.get(`${app}/assets/index-00000000.js`)
    expect(missing.status()).toBe(404)
    expect(missing.headers()['cache-control']).toBe(CACHE_NONE)
    expect(missing.headers()['x-content-type-options']).toBe('nosniff')
  })
})
