// The session store's passwords and TLS for real: Debian's redis-server and redis-sentinel
// speaking TLS only, with a private CA, and asking for passwords, configured as an operator
// does (SSO_SESSION_STORE and its SSO_SESSION_STORE_* settings, read by readConfig).
import { afterAll, beforeAll, expect, test } from 'vitest'
import { readConfig } from '../config.ts'
import { single, startRedisServer } from '../testing/redis-server.ts'
import { startSentinelGroup } from '../testing/redis-sentinel.ts'
import { connected, SEALED, START } from '../testing/session-records.ts'
import { makeTestCertificates, type TestCertificates } from '../testing/tls-certificates.ts'
import { createSessionStore } from './create-session-store.ts'
import { createRedisSessionStore } from './redis-session-store.ts'
import { SessionStoreUnavailable, type SessionStore } from './session-store.ts'

const REDIS_PASSWORD = 'the-redis-password'
const SENTINEL_PASSWORD = 'the-sentinel-password'

let certificates: TestCertificates
const stores: SessionStore[] = []

beforeAll(() => {
  certificates = makeTestCertificates()
})
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()))
})

/** The store readConfig and createSessionStore make of these variables; its warnings go to `warnings`. */
function storeFrom(env: Record<string, string>, warnings: string[] = []): SessionStore {
  const result = readConfig({
    SSO_BFF_APP_ORIGINS: 'https://app.example.com',
    SSO_BFF_INDEE_URL: 'https://auth.example.com',
    SSO_BFF_INDEE_API_KEY: 'k',
    SSO_BFF_SIGNIN_SECRET: 'the-sign-in-secret-of-every-instance-0123',
    ...env,
  })
  if (!result.ok) expect.fail(result.problems.join('\n'))
  const store = createSessionStore(result.config.sessionStore, {
    now: () => START,
    onLog: (level, message) => warnings.push(`${level} ${message}`),
  })
  stores.push(store)
  return store
}

test('rediss:// with the private CA reaches a TLS-only Redis; without it, the certificate is refused', async () => {
  const redis = await startRedisServer({ tls: certificates })
  try {
    expect(redis.url).toMatch(/^rediss:\/\//)
    const store = storeFrom({
      SSO_SESSION_STORE: redis.url,
      SSO_SESSION_STORE_TLS_CA: certificates.caFile,
    })
    await connected(store)
    await store.set('k', SEALED, 60_000)
    expect(await store.get('k')).toBe(SEALED)

    const warnings: string[] = []
    const untrusting = createRedisSessionStore({
      target: single(redis.url),
      onLog: (level, message) => warnings.push(`${level} ${message}`),
    })
    stores.push(untrusting)
    await expect
      .poll(() => warnings)
      .toContainEqual(expect.stringMatching(/^warn session store unreachable: .*certificate/))
  } finally {
    await redis.close()
  }
})

test('rediss-sentinel:// with both passwords and the CA: TLS and passwords to the Sentinels and to Redis, through a failover', async () => {
  const group = await startSentinelGroup({
    secured: { tls: certificates, password: REDIS_PASSWORD, sentinelPassword: SENTINEL_PASSWORD },
  })
  try {
    const sentinels = group.sentinelPorts.map((port) => `127.0.0.1:${port}`).join(',')
    const settings = {
      SSO_SESSION_STORE: `rediss-sentinel://${sentinels}/sessions`,
      SSO_SESSION_STORE_TLS_CA: certificates.caFile,
    }
    const store = storeFrom({
      ...settings,
      SSO_SESSION_STORE_PASSWORD: REDIS_PASSWORD,
      SSO_SESSION_STORE_SENTINEL_PASSWORD: SENTINEL_PASSWORD,
    })
    await connected(store)
    await store.set('before', SEALED, 60_000)

    const old = await group.primary()
    await old.kill()
    await group.promotedAfter(old)
    await connected(store)
    expect(await store.get('before')).toBe(SEALED)

    // A wrong password is a clear "unavailable", at the Sentinels and at Redis, with the reason.
    const cases = [
      [
        { SSO_SESSION_STORE_PASSWORD: REDIS_PASSWORD, SSO_SESSION_STORE_SENTINEL_PASSWORD: 'x' },
        /All sentinels are unreachable\..*WRONGPASS/,
      ],
      [
        { SSO_SESSION_STORE_PASSWORD: 'x', SSO_SESSION_STORE_SENTINEL_PASSWORD: SENTINEL_PASSWORD },
        /WRONGPASS/,
      ],
    ] as const
    for (const [passwords, reason] of cases) {
      const warnings: string[] = []
      const wrong = storeFrom({ ...settings, ...passwords }, warnings)
      await expect
        .poll(() => warnings)
        .toContainEqual(
          expect.stringMatching(new RegExp(`^warn session store unreachable: ${reason.source}`)),
        )
      await expect(wrong.ping()).rejects.toBeInstanceOf(SessionStoreUnavailable)
    }
  } finally {
    await group.close()
  }
})
