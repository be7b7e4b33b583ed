// The BFF with its sessions behind Redis Sentinel (SSO_SESSION_STORE=redis-sentinel://…), against
// Debian's redis-server and redis-sentinel: what a signed-in person and a load balancer see while
// the primary crashes and the replica takes over.
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest'
import type { RunningParties } from '../../../sandbox/start-parties.ts'
import { USERS, type SandboxUser } from '../../../sandbox/users.ts'
import { createMetrics, type BffMetrics } from './telemetry/metrics.ts'
import {
  AppBrowser,
  signIn,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from './testing/bff-sandbox.ts'
import { startSentinelGroup, type SentinelGroup } from './testing/redis-sentinel.ts'

const ALICE: SandboxUser = USERS[0] ?? expect.fail('no alice')

let sandbox: RunningParties
let group: SentinelGroup
let metrics: BffMetrics
let bff: RunningBff

beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(async () => {
  await sandbox.close()
})
afterEach(async () => {
  await bff.close()
  await group.close()
})

async function start(): Promise<void> {
  group = await startSentinelGroup()
  const sentinels = group.sentinelPorts.map((port) => `127.0.0.1:${port}`).join(',')
  metrics = createMetrics({ version: 'test' })
  bff = await startTestBff(
    sandbox,
    {
      SSO_SESSION_STORE: `redis-sentinel://${sentinels}/sessions`,
      SSO_BFF_SIGNIN_SECRET: 'the-sign-in-secret-of-every-instance-0123',
      SSO_SESSION_STORE_REPLICA_TIMEOUT_MS: '100',
    },
    { metrics },
  )
  await readyz(200)
}

async function readyz(status: number): Promise<void> {
  await vi.waitFor(async () => expect((await fetch(`${bff.url}/readyz`)).status).toBe(status), {
    timeout: 15_000,
    interval: 20,
  })
}

test('the primary crashes: /readyz and the session answer 503 until the replica is promoted, then alice is still signed in', async () => {
  await start()
  const browser = new AppBrowser(bff)
  expect((await signIn(browser, ALICE)).status).toBe(200)
  const old = await group.primary()
  await old.kill()

  await readyz(503)
  const seen = new Set<number>()
  await vi.waitFor(
    async () => {
      const answer = await browser.get('/api/session')
      seen.add(answer.status)
      expect(answer.status).toBe(200)
      expect(await answer.json()).toMatchObject({ email: ALICE.email })
    },
    { timeout: 15_000, interval: 20 },
  )
  // Unavailable, then signed in: never signed out (401), never a server error (500).
  expect([...seen].filter((status) => status !== 200 && status !== 503)).toEqual([])
  expect(seen.has(503)).toBe(true)
  await readyz(200)
  expect(await group.primary()).not.toBe(old)

  // A sign-out after the failover is one for good.
  const out = await browser.post('/api/session/sign-out', {})
  expect(out.status, await out.clone().text()).toBe(204)
  expect((await browser.get('/api/session')).status).toBe(401)
})

test('a sign-in the replica does not acknowledge in time still signs in, and is counted for the operator', async () => {
  await start()
  const metric = async () =>
    (
      await metrics.registry
        .getSingleMetric('sso_bridge_bff_session_store_unreplicated_writes_total')
        ?.get()
    )?.values[0]?.value ?? 0
  expect(await metric()).toBe(0)
  group.servers[1].freeze()
  try {
    const browser = new AppBrowser(bff)
    expect((await signIn(browser, ALICE)).status).toBe(200)
  } finally {
    group.servers[1].thaw()
  }
  expect(await metric()).toBeGreaterThanOrEqual(1)
})
