// Client addresses through SSO_BFF_TRUST_PROXY, on a real BFF over loopback: the test's requests
// come from 127.0.0.1, which is "nginx" when listed and a direct client when not.
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { RunningParties } from '../../../../sandbox/start-parties.ts'
import {
  AppBrowser,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from '../testing/bff-sandbox.ts'

let sandbox: RunningParties

beforeAll(async () => {
  sandbox = await startTestSandbox()
})
afterAll(async () => {
  await sandbox.close()
})

interface LoggedBff extends RunningBff {
  /** The client address of each request, as the BFF logged it. */
  loggedIps(): string[]
}

/** A BFF trusting `trustProxy`, allowing 3 sign-in starts a minute per client, logging requests. */
async function bffTrusting(trustProxy: string | undefined): Promise<LoggedBff> {
  const lines: string[] = []
  const bff = await startTestBff(
    sandbox,
    {
      SSO_BFF_RATE_LIMIT_PER_MINUTE: '3',
      SSO_BFF_LOG_LEVEL: 'info',
      ...(trustProxy !== undefined && { SSO_BFF_TRUST_PROXY: trustProxy }),
    },
    { logger: true, logStream: { write: (line) => lines.push(line) } },
  )
  const loggedIps = () =>
    lines
      .map((line) => JSON.parse(line) as { msg?: string; req?: { ip?: string } })
      .filter((entry) => entry.msg === 'incoming request')
      .map((entry) => entry.req?.ip ?? '')
  return { ...bff, loggedIps }
}

async function initiate(browser: AppBrowser, forwardedFor: string): Promise<number> {
  const answer = await browser.post(
    '/api/sso/initiate',
    { email: 'alice@example.com' },
    { 'x-forwarded-for': forwardedFor },
  )
  return answer.status
}

test.each([
  ['SSO_BFF_TRUST_PROXY unset', undefined],
  ['only other proxies listed', '10.0.0.0/8,192.0.2.7'],
])(
  'a client straight to the BFF (%s) is rate-limited by its own address, whatever X-Forwarded-For it sends',
  async (_name, trustProxy) => {
    const bff = await bffTrusting(trustProxy)
    try {
      const browser = new AppBrowser(bff)
      const statuses: number[] = []
      // A new forged address each time, as an attacker escaping a per-address limit would send.
      for (let i = 1; i <= 8; i += 1) statuses.push(await initiate(browser, `198.51.100.${i}`))
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429])
      expect(new Set(bff.loggedIps())).toEqual(new Set(['127.0.0.1']))
    } finally {
      await bff.close()
    }
  },
)

test('behind a listed proxy, each client has its own rate limit and is logged by its address', async () => {
  const bff = await bffTrusting('127.0.0.1')
  try {
    const browser = new AppBrowser(bff)
    const first: number[] = []
    for (let i = 0; i < 4; i += 1) first.push(await initiate(browser, '203.0.113.1'))
    expect(first).toEqual([200, 200, 200, 429])
    expect(await initiate(browser, '203.0.113.2')).toBe(200)
    expect(bff.loggedIps()).toEqual([...Array<string>(4).fill('203.0.113.1'), '203.0.113.2'])
  } finally {
    await bff.close()
  }
})

test('the client is the rightmost address of X-Forwarded-For that is not a listed proxy', async () => {
  // A browser 203.0.113.9 behind a load balancer 192.0.2.10 in front of nginx (127.0.0.1); the
  // leftmost entry is one the browser made up.
  const forwardedFor = '6.6.6.6, 203.0.113.9, 192.0.2.10'
  const cases: readonly (readonly [string, string])[] = [
    // The load balancer is not listed: it is the last hop the BFF can vouch for.
    ['127.0.0.1', '192.0.2.10'],
    // Its range listed too: the address it saw, and never what the browser wrote before it.
    ['127.0.0.1,192.0.2.0/24', '203.0.113.9'],
  ]
  for (const [trustProxy, client] of cases) {
    const bff = await bffTrusting(trustProxy)
    try {
      const answer = await fetch(`${bff.url}/healthz`, {
        headers: { 'x-forwarded-for': forwardedFor },
      })
      expect(answer.status).toBe(200)
      expect(bff.loggedIps(), trustProxy).toEqual([client])
    } finally {
      await bff.close()
    }
  }
})
