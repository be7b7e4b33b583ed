import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { readConfig, secureCookies, sessionStoreLabel } from './config.ts'

/** What every deployment sets: no partner at all. */
const NO_PARTNER = {
  SSO_BFF_APP_ORIGINS: 'https://app.example.com',
  SSO_BFF_INDEE_URL: 'https://auth.example.com',
  SSO_BFF_INDEE_API_KEY: 'k',
}

const MINIMAL = {
  ...NO_PARTNER,
  SSO_BFF_ASSURESIGN_URL: 'https://sign.example.com',
  SSO_BFF_ASSURESIGN_API_USERNAME: 'u',
  SSO_BFF_ASSURESIGN_API_KEY: 'k',
  SSO_BFF_AIMBASE_URL: 'https://dealer.example.com',
  SSO_BFF_AIMBASE_API_USERNAME: 'u',
  SSO_BFF_AIMBASE_API_PASSWORD: 'p',
  SSO_BFF_ABC_URL: 'https://abc.example.com',
  SSO_BFF_ABC_CLIENT_ID: 'c',
}

test('the minimal environment gives documented defaults', () => {
  const result = readConfig(MINIMAL)
  expect(result.ok && result.config).toMatchObject({
    host: '127.0.0.1',
    port: 4020,
    allowedHosts: ['app.example.com'],
    session: { idleMs: 30 * 60_000, maxMs: 24 * 3_600_000 },
    upstreamTimeoutMs: 5000,
    rateLimitPerMinute: 60,
    trustedProxies: [],
    server: {
      requestTimeoutMs: 10_000,
      headersTimeoutMs: 5_000,
      keepAliveTimeoutMs: 72_000,
      connectionTimeoutMs: 60_000,
      maxConnections: 1_000,
    },
    indee: {
      tokenIssuer: 'https://auth.example.com',
      tokenAudience: 'sso-bridge',
      jwksUrl: 'https://auth.example.com/.well-known/jwks.json',
    },
  })
  expect(result.ok && secureCookies(result.config)).toBe(true)
  expect(result.ok && result.warnings).toEqual([])
})

test('every bad or missing variable is named', () => {
  const result = readConfig({
    ...MINIMAL,
    SSO_BFF_APP_ORIGINS: 'https://app.example.com/login',
    SSO_BFF_PORT: 'eighty',
    SSO_BFF_INDEE_API_KEY: '',
    SSO_BFF_ABC_URL: 'ftp://abc.example.com',
  })
  expect(result.ok).toBe(false)
  const problems = result.ok ? [] : result.problems.join('\n')
  for (const name of [
    'SSO_BFF_APP_ORIGINS',
    'SSO_BFF_PORT',
    'SSO_BFF_INDEE_API_KEY',
    'SSO_BFF_ABC_URL',
  ]) {
    expect(problems).toContain(name)
  }
})

test('every partner whose variables are all set is configured, with its settings', () => {
  const result = readConfig({ ...MINIMAL, SSO_BFF_ABC_URL: 'https://abc.example.com/api/' })
  expect(result.ok && result.config.partners).toEqual({
    assuresign: { URL: 'https://sign.example.com', API_USERNAME: 'u', API_KEY: 'k' },
    aimbase: { URL: 'https://dealer.example.com', API_USERNAME: 'u', API_PASSWORD: 'p' },
    abc: { URL: 'https://abc.example.com/api', CLIENT_ID: 'c' },
  })
})

test('the BFF starts without any partner variable: every partner is left out', () => {
  const result = readConfig(NO_PARTNER)
  expect(result.ok && result.config.partners).toEqual({})
})

test('a partner with none of its variables set is left out; the others stay', () => {
  const result = readConfig({
    ...NO_PARTNER,
    SSO_BFF_ASSURESIGN_URL: 'https://sign.example.com',
    SSO_BFF_ASSURESIGN_API_USERNAME: 'u',
    SSO_BFF_ASSURESIGN_API_KEY: 'k',
  })
  expect(result.ok && Object.keys(result.config.partners)).toEqual(['assuresign'])
})

test('a partner with some of its variables set names each missing one', () => {
  const result = readConfig({
    ...NO_PARTNER,
    SSO_BFF_AIMBASE_URL: 'https://dealer.example.com',
    SSO_BFF_AIMBASE_API_PASSWORD: 'secret-value',
  })
  expect(result.ok).toBe(false)
  const problems = result.ok ? [] : result.problems
  expect(problems).toEqual([
    'SSO_BFF_AIMBASE_API_USERNAME: is required to use aimbase (SSO_BFF_AIMBASE_URL, ' +
      'SSO_BFF_AIMBASE_API_PASSWORD set): set every SSO_BFF_AIMBASE_* variable, or none to ' +
      'leave aimbase out',
  ])
  expect(problems.join('\n')).not.toContain('secret-value')
})

test('plain http app origins (the sandbox) get cookies without Secure', () => {
  const result = readConfig({ ...MINIMAL, SSO_BFF_APP_ORIGINS: 'http://127.0.0.1:5173' })
  expect(result.ok && secureCookies(result.config)).toBe(false)
})

const SHARED_SECRET = 'a-secret-every-instance-shares-0123456789'

test('sessions live in memory when SSO_SESSION_STORE is unset, empty or "memory"', () => {
  for (const value of [undefined, '', 'memory']) {
    const result = readConfig({ ...MINIMAL, SSO_SESSION_STORE: value })
    expect(result.ok && result.config.sessionStore).toEqual({ kind: 'memory' })
  }
})

/** The session store readConfig makes of `env` beside a valid minimal environment. */
function storeOf(env: Record<string, string>) {
  const result = readConfig({ ...MINIMAL, SSO_BFF_SIGNIN_SECRET: SHARED_SECRET, ...env })
  return result.ok ? result.config.sessionStore : expect.fail(result.problems.join('\n'))
}

/** The problems readConfig lists for `env` beside a valid minimal environment with Redis's secret. */
function storeProblemsOf(env: Record<string, string>): string[] {
  const result = readConfig({ ...MINIMAL, SSO_BFF_SIGNIN_SECRET: SHARED_SECRET, ...env })
  return result.ok ? expect.fail('no problem') : [...result.problems]
}

const NO_STORE_SETTINGS = {
  password: undefined,
  sentinelUsername: undefined,
  sentinelPassword: undefined,
  tlsCa: undefined,
  replicaTimeoutMs: 250,
}

test('a redis:// or rediss:// SSO_SESSION_STORE is one Redis, password and db included; writes wait for no replica', () => {
  for (const url of ['redis://127.0.0.1:6379', 'rediss://:pw@redis.internal:6380/2']) {
    expect(storeOf({ SSO_SESSION_STORE: url })).toEqual({
      kind: 'redis',
      target: { mode: 'single', url },
      ...NO_STORE_SETTINGS,
      replicas: 0,
    })
  }
})

test('a redis-sentinel:// SSO_SESSION_STORE names the Sentinels and the primary; writes wait for one replica', () => {
  expect(
    storeOf({ SSO_SESSION_STORE: 'redis-sentinel://127.0.0.1:26379,127.0.0.1:26380/mymaster' }),
  ).toEqual({
    kind: 'redis',
    target: {
      mode: 'sentinel',
      sentinels: [
        { host: '127.0.0.1', port: 26379 },
        { host: '127.0.0.1', port: 26380 },
      ],
      primaryName: 'mymaster',
      username: undefined,
      password: undefined,
      db: 0,
      tls: false,
    },
    ...NO_STORE_SETTINGS,
    replicas: 1,
  })
})

test('the SSO_SESSION_STORE_* settings reach the store', () => {
  const ca = join(mkdtempSync(join(tmpdir(), 'sso-bridge-ca-')), 'ca.pem')
  const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'
  writeFileSync(ca, pem)
  expect(
    storeOf({
      SSO_SESSION_STORE: 'rediss-sentinel://s1.internal,s2.internal:26380/sessions/3',
      SSO_SESSION_STORE_PASSWORD: 'redis-password',
      SSO_SESSION_STORE_SENTINEL_USERNAME: 'watcher',
      SSO_SESSION_STORE_SENTINEL_PASSWORD: 'sentinel-password',
      SSO_SESSION_STORE_TLS_CA: ca,
      SSO_SESSION_STORE_REPLICAS: '2',
      SSO_SESSION_STORE_REPLICA_TIMEOUT_MS: '100',
    }),
  ).toMatchObject({
    target: { mode: 'sentinel', primaryName: 'sessions', db: 3, tls: true },
    password: 'redis-password',
    sentinelUsername: 'watcher',
    sentinelPassword: 'sentinel-password',
    tlsCa: pem,
    replicas: 2,
    replicaTimeoutMs: 100,
  })
})

test('a store setting that does not fit the store is named, and so is a password given twice', () => {
  expect(
    storeProblemsOf({ SSO_SESSION_STORE_PASSWORD: 'p', SSO_SESSION_STORE_REPLICAS: '1' }),
  ).toEqual([
    'SSO_SESSION_STORE_PASSWORD: applies only when SSO_SESSION_STORE is Redis',
    'SSO_SESSION_STORE_REPLICAS: applies only when SSO_SESSION_STORE is Redis',
  ])
  expect(
    storeProblemsOf({
      SSO_SESSION_STORE: 'redis://:p@127.0.0.1:6379',
      SSO_SESSION_STORE_SENTINEL_PASSWORD: 's',
      SSO_SESSION_STORE_PASSWORD: 'p',
      SSO_SESSION_STORE_TLS_CA: '/etc/ssl/ca.pem',
    }),
  ).toEqual([
    'SSO_SESSION_STORE_SENTINEL_PASSWORD: applies only when SSO_SESSION_STORE is redis-sentinel://',
    'SSO_SESSION_STORE_PASSWORD: SSO_SESSION_STORE has a password too: give it in one place',
    'SSO_SESSION_STORE_TLS_CA: applies only with TLS (rediss:// or rediss-sentinel://)',
  ])
})

test('an unreadable or empty CA file is named with the reason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sso-bridge-ca-'))
  writeFileSync(join(dir, 'empty.pem'), 'nothing here')
  const tls = { SSO_SESSION_STORE: 'rediss://redis.internal:6380' }
  expect(storeProblemsOf({ ...tls, SSO_SESSION_STORE_TLS_CA: join(dir, 'missing.pem') })).toEqual([
    `SSO_SESSION_STORE_TLS_CA: cannot read ${join(dir, 'missing.pem')} (ENOENT)`,
  ])
  expect(storeProblemsOf({ ...tls, SSO_SESSION_STORE_TLS_CA: join(dir, 'empty.pem') })).toEqual([
    `SSO_SESSION_STORE_TLS_CA: ${join(dir, 'empty.pem')} holds no PEM certificate`,
  ])
})

test('a store without TLS on another host is refused unless SSO_BFF_ALLOW_INSECURE=true', () => {
  for (const store of [
    'redis://:hunter2@redis.internal:6379',
    'redis-sentinel://127.0.0.1:26379,10.0.0.12:26379/mymaster',
  ]) {
    const problems = storeProblemsOf({ SSO_SESSION_STORE: store })
    expect(problems, store).toEqual([
      expect.stringMatching(
        /^SSO_SESSION_STORE: is plain \(no TLS\) to a host other than this machine/,
      ),
    ])
    expect(problems.join('\n')).not.toContain('hunter2')
    const allowed = readConfig({
      ...MINIMAL,
      SSO_BFF_SIGNIN_SECRET: SHARED_SECRET,
      SSO_SESSION_STORE: store,
      SSO_BFF_ALLOW_INSECURE: 'true',
    })
    expect(allowed.ok && allowed.warnings, store).toEqual([
      expect.stringMatching(/^SSO_SESSION_STORE: .*allowed by SSO_BFF_ALLOW_INSECURE=true$/),
    ])
  }
  for (const store of [
    'rediss://redis.internal:6380',
    'rediss-sentinel://10.0.0.11,10.0.0.12/mymaster',
    'redis-sentinel://127.0.0.1:26379,[::1]:26380,localhost/mymaster',
  ]) {
    expect(storeOf({ SSO_SESSION_STORE: store }), store).toMatchObject({ kind: 'redis' })
  }
})

test('Redis needs SSO_BFF_SIGNIN_SECRET, and the problem says why', () => {
  const result = readConfig({ ...MINIMAL, SSO_SESSION_STORE: 'redis://127.0.0.1:6379' })
  expect(result.ok).toBe(false)
  const problems = result.ok ? '' : result.problems.join('\n')
  expect(problems).toMatch(/^SSO_BFF_SIGNIN_SECRET: is required when SSO_SESSION_STORE is Redis/)
  expect(problems).toContain('every instance')
})

test('SSO_BFF_SIGNIN_SECRET is one key or comma-separated keys, the current first; unset is none', () => {
  const older = 'the-older-sign-in-key-still-accepted-01'
  const keysOf = (value: string | undefined) => {
    const result = readConfig({ ...MINIMAL, SSO_BFF_SIGNIN_SECRET: value })
    return result.ok ? result.config.signInKeys : expect.fail(result.problems.join('\n'))
  }
  expect(keysOf(SHARED_SECRET)).toEqual([SHARED_SECRET])
  expect(keysOf(`${SHARED_SECRET}, ${older} `)).toEqual([SHARED_SECRET, older])
  expect(keysOf(undefined)).toBeUndefined()
  expect(keysOf('')).toBeUndefined()
})

test('a short or empty key of SSO_BFF_SIGNIN_SECRET is named by its position, never its value', () => {
  const cases = [
    ['a-short-sign-in-key', 'key 1 of 1'],
    [`${SHARED_SECRET},a-short-sign-in-key`, 'key 2 of 2'],
    [`${SHARED_SECRET},,${SHARED_SECRET}`, 'key 2 of 3'],
    [`${SHARED_SECRET},`, 'key 2 of 2'],
  ] as const
  for (const [value, position] of cases) {
    const result = readConfig({ ...MINIMAL, SSO_BFF_SIGNIN_SECRET: value })
    const problems = result.ok ? expect.fail(value) : result.problems
    expect(problems, value).toEqual([
      `SSO_BFF_SIGNIN_SECRET: ${position} must be at least 32 characters ` +
        '(comma-separated keys, the current one first)',
    ])
    expect(problems.join('\n')).not.toContain('a-short')
    expect(problems.join('\n')).not.toContain(SHARED_SECRET)
  }
})

test('any other SSO_SESSION_STORE is refused by name, without echoing the value', () => {
  for (const value of ['redis', 'Memory', 'http://user:hunter2@redis:6379', 'redis://', '/tmp/x']) {
    const result = readConfig({
      ...MINIMAL,
      SSO_SESSION_STORE: value,
      SSO_BFF_SIGNIN_SECRET: SHARED_SECRET,
    })
    expect(result.ok, value).toBe(false)
    const problems = result.ok ? '' : result.problems.join('\n')
    expect(problems).toContain(
      'SSO_SESSION_STORE: must be "memory", a redis:// or rediss:// URL, or ' +
        'redis-sentinel://host:port,…/name (rediss-sentinel:// for TLS)',
    )
    expect(problems).not.toContain('hunter2')
  }
})

test('the missing shared secret is listed with every other bad variable', () => {
  const result = readConfig({
    ...MINIMAL,
    SSO_BFF_PORT: 'eighty',
    SSO_SESSION_STORE: 'redis://127.0.0.1:6379',
  })
  const problems = result.ok ? '' : result.problems.join('\n')
  expect(problems).toContain('SSO_BFF_PORT')
  expect(problems).toContain('SSO_BFF_SIGNIN_SECRET')
})

test("the session store's log label never shows a password", () => {
  expect(sessionStoreLabel({ kind: 'memory' })).toBe('memory')
  const labelOf = (store: string) => sessionStoreLabel(storeOf({ SSO_SESSION_STORE: store }))
  expect(labelOf('rediss://bff:hunter2@redis.internal:6379/1')).toBe(
    'rediss://bff:***@redis.internal:6379/1',
  )
  expect(labelOf('rediss://redis.internal')).toBe('rediss://redis.internal')
  expect(labelOf('rediss-sentinel://bff:hunter2@s1.internal,s2.internal:26380/m/2')).toBe(
    'rediss-sentinel://bff:***@s1.internal:26379,s2.internal:26380/m/2',
  )
})

test('SSO_BFF_SERVER_TIMING is off unless "true", and any other value is named', () => {
  const serverTimingOf = (value: string | undefined) => {
    const result = readConfig({ ...MINIMAL, SSO_BFF_SERVER_TIMING: value })
    return result.ok ? result.config.serverTiming : result.problems.join('\n')
  }
  expect(serverTimingOf(undefined)).toBe(false)
  expect(serverTimingOf('')).toBe(false)
  expect(serverTimingOf('false')).toBe(false)
  expect(serverTimingOf('true')).toBe(true)
  for (const value of ['yes', 'TRUE', '1']) {
    expect(serverTimingOf(value)).toMatch(/^SSO_BFF_SERVER_TIMING: /)
  }
})

/** The problems of `env` on top of MINIMAL, one string; '' when it is accepted. */
function problemsOf(env: Readonly<Record<string, string | undefined>>): string {
  const result = readConfig({ ...MINIMAL, ...env })
  return result.ok ? '' : result.problems.join('\n')
}

test('SSO_BFF_TRUST_PROXY lists proxy addresses and CIDR ranges; unset or "false" trusts none', () => {
  const trusted = (value: string | undefined) => {
    const result = readConfig({ ...MINIMAL, SSO_BFF_TRUST_PROXY: value })
    return result.ok ? result.config.trustedProxies : result.problems
  }
  expect(trusted(undefined)).toEqual([])
  expect(trusted('')).toEqual([])
  expect(trusted('false')).toEqual([])
  expect(trusted('127.0.0.1, 10.0.0.0/8,::1,2001:db8::/32')).toEqual([
    '127.0.0.1',
    '10.0.0.0/8',
    '::1',
    '2001:db8::/32',
  ])
})

test('SSO_BFF_TRUST_PROXY=true is refused: it would let any client choose its address', () => {
  const problems = problemsOf({ SSO_BFF_TRUST_PROXY: 'true' })
  expect(problems).toMatch(/^SSO_BFF_TRUST_PROXY: /)
  expect(problems).toContain("list the proxies' addresses")
})

test('a SSO_BFF_TRUST_PROXY entry that is not an address or range, or spans every address, is named', () => {
  for (const entry of [
    'nginx',
    'TRUE',
    'loopback',
    '10.0.0.0/33',
    '2001:db8::/129',
    '10.0.0.0/8/8',
    '10.0.0.0/x',
    '10.0.0.0/',
    'fe80::1%eth0',
    '0.0.0.0/0',
    '::/0',
  ]) {
    const problems = problemsOf({ SSO_BFF_TRUST_PROXY: `127.0.0.1,${entry}` })
    expect(problems, entry).toMatch(/^SSO_BFF_TRUST_PROXY: /)
    expect(problems, entry).toContain(`"${entry}"`)
  }
})

/** Every upstream URL variable, with a plain http URL to another host. */
const PLAIN_HTTP_UPSTREAMS = {
  SSO_BFF_INDEE_URL: 'http://auth.example.com',
  SSO_BFF_SESSION_TOKEN_JWKS_URL: 'http://auth.example.com/.well-known/jwks.json',
  SSO_BFF_ASSURESIGN_URL: 'http://sign.example.com',
  SSO_BFF_AIMBASE_URL: 'http://10.1.2.3:8080',
  SSO_BFF_ABC_URL: 'http://abc.example.com/api',
}

test('a plain http upstream on another host is refused, naming it and SSO_BFF_ALLOW_INSECURE', () => {
  for (const [variable, url] of Object.entries(PLAIN_HTTP_UPSTREAMS)) {
    const problems = problemsOf({ [variable]: url })
    expect(problems, variable).toMatch(new RegExp(`^${variable}: is plain http`))
    expect(problems, variable).toContain('SSO_BFF_ALLOW_INSECURE=true')
  }
})

test('the refusal of an http upstream never echoes the URL, which may carry a credential', () => {
  const problems = problemsOf({ SSO_BFF_INDEE_URL: 'http://bff:hunter2@auth.example.com' })
  expect(problems).toContain('SSO_BFF_INDEE_URL')
  expect(problems).not.toContain('hunter2')
})

test('plain http upstreams and app origins on loopback are accepted without a warning', () => {
  for (const host of ['127.0.0.1:4010', '127.8.9.10', 'localhost:4010', '[::1]:4010']) {
    const result = readConfig({
      ...MINIMAL,
      SSO_BFF_APP_ORIGINS: `http://${host},http://localhost:5173`,
      SSO_BFF_INDEE_URL: `http://${host}`,
      SSO_BFF_SESSION_TOKEN_JWKS_URL: `http://${host}/jwks.json`,
      SSO_BFF_ABC_URL: `http://${host}/abc`,
    })
    expect(result.ok ? result.warnings : result.problems, host).toEqual([])
  }
})

test('a host that only looks like loopback is not: http to it is refused', () => {
  for (const host of ['localhost.example.com', '127.0.0.1.example.com', '[::ffff:8.8.8.8]']) {
    expect(problemsOf({ SSO_BFF_INDEE_URL: `http://${host}` }), host).toMatch(
      /^SSO_BFF_INDEE_URL: is plain http/,
    )
  }
})

test('app origins that mix http and https are refused: the cookie would lose Secure on both', () => {
  const problems = problemsOf({
    SSO_BFF_APP_ORIGINS: 'https://app.example.com,http://app.example.com',
  })
  expect(problems).toMatch(/^SSO_BFF_APP_ORIGINS: mixes http and https origins/)
  expect(problems).toContain('SSO_BFF_ALLOW_INSECURE=true')
  // Even when the http one is this machine's: the https origin's cookie still loses Secure.
  expect(
    problemsOf({ SSO_BFF_APP_ORIGINS: 'https://app.example.com,http://127.0.0.1:5173' }),
  ).toMatch(/^SSO_BFF_APP_ORIGINS: mixes http and https origins/)
})

test('plain http app origins on another host are refused', () => {
  for (const origins of ['http://app.example.com', 'http://127.0.0.1:5173,http://app.internal']) {
    expect(problemsOf({ SSO_BFF_APP_ORIGINS: origins }), origins).toMatch(
      /^SSO_BFF_APP_ORIGINS: has a plain http origin on a host other than this machine/,
    )
  }
})

test('SSO_BFF_ALLOW_INSECURE=true lets each insecure setting through, with one warning each', () => {
  const result = readConfig({
    ...MINIMAL,
    ...PLAIN_HTTP_UPSTREAMS,
    SSO_BFF_APP_ORIGINS: 'https://app.example.com,http://app.example.com',
    SSO_BFF_ALLOW_INSECURE: 'true',
  })
  expect(result.ok).toBe(true)
  const warnings = result.ok ? result.warnings : []
  expect(warnings.map((warning) => warning.split(':')[0])).toEqual([
    'SSO_BFF_APP_ORIGINS',
    ...Object.keys(PLAIN_HTTP_UPSTREAMS),
  ])
  for (const warning of warnings) expect(warning).toContain('SSO_BFF_ALLOW_INSECURE=true')
  expect(result.ok && secureCookies(result.config)).toBe(false)
})

test('insecure settings are listed with every other bad variable', () => {
  const problems = problemsOf({ SSO_BFF_PORT: 'eighty', SSO_BFF_ABC_URL: 'http://abc.example.com' })
  expect(problems).toContain('SSO_BFF_PORT')
  expect(problems).toContain('SSO_BFF_ABC_URL: is plain http')
})

test('SSO_BFF_ALLOW_INSECURE is "true" or "false", and nothing else', () => {
  expect(problemsOf({ SSO_BFF_ALLOW_INSECURE: 'false' })).toBe('')
  expect(problemsOf({ SSO_BFF_ALLOW_INSECURE: 'yes' })).toMatch(/^SSO_BFF_ALLOW_INSECURE: /)
})

test('the timeouts and the connection cap are read from their variables', () => {
  const result = readConfig({
    ...MINIMAL,
    SSO_BFF_REQUEST_TIMEOUT_MS: '20000',
    SSO_BFF_HEADERS_TIMEOUT_MS: '20000',
    SSO_BFF_KEEP_ALIVE_TIMEOUT_MS: '90000',
    SSO_BFF_CONNECTION_TIMEOUT_MS: '30000',
    SSO_BFF_MAX_CONNECTIONS: '50',
  })
  expect(result.ok && result.config.server).toEqual({
    requestTimeoutMs: 20_000,
    headersTimeoutMs: 20_000,
    keepAliveTimeoutMs: 90_000,
    connectionTimeoutMs: 30_000,
    maxConnections: 50,
  })
})

test('a timeout under 100 ms, or not a whole number, is named', () => {
  for (const variable of [
    'SSO_BFF_REQUEST_TIMEOUT_MS',
    'SSO_BFF_HEADERS_TIMEOUT_MS',
    'SSO_BFF_KEEP_ALIVE_TIMEOUT_MS',
    'SSO_BFF_CONNECTION_TIMEOUT_MS',
  ]) {
    for (const value of ['0', '99', '1.5', 'soon']) {
      expect(problemsOf({ [variable]: value }), `${variable}=${value}`).toMatch(
        new RegExp(`^${variable}: `),
      )
    }
  }
  expect(problemsOf({ SSO_BFF_MAX_CONNECTIONS: '0' })).toMatch(/^SSO_BFF_MAX_CONNECTIONS: /)
})

test('a headers timeout longer than the request timeout is refused, naming both', () => {
  const problems = problemsOf({
    SSO_BFF_REQUEST_TIMEOUT_MS: '5000',
    SSO_BFF_HEADERS_TIMEOUT_MS: '6000',
  })
  expect(problems).toMatch(/^SSO_BFF_HEADERS_TIMEOUT_MS: .*SSO_BFF_REQUEST_TIMEOUT_MS/)
})

test('a connection timeout not above twice the upstream timeout is refused, naming both', () => {
  expect(
    problemsOf({ SSO_BFF_UPSTREAM_TIMEOUT_MS: '10000', SSO_BFF_CONNECTION_TIMEOUT_MS: '20000' }),
  ).toMatch(/^SSO_BFF_CONNECTION_TIMEOUT_MS: .*SSO_BFF_UPSTREAM_TIMEOUT_MS/)
  expect(
    problemsOf({ SSO_BFF_UPSTREAM_TIMEOUT_MS: '10000', SSO_BFF_CONNECTION_TIMEOUT_MS: '20001' }),
  ).toBe('')
})
