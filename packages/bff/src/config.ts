// The BFF's configuration: environment variables only, checked with zod at start, so a bad value
// stops the service with a message naming the variable. docs/deployment.md lists every one. Each
// partner's settings are its own (partners/registry.ts): a deployment sets all of a partner's
// variables to use it, or none to leave it out.
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { PARTNER_NAMES, type PartnerName } from '../../contract/src/contract.ts'
import type { Settings } from './partners/partner.ts'
import { BFF_PARTNERS } from './partners/registry.ts'
import type { SignInKeys } from './session/sign-in-binding.ts'
import {
  DEFAULT_REPLICA_TIMEOUT_MS,
  parseRedisTarget,
  plainToAnotherHost,
  redisTargetLabel,
  usesTls,
  type RedisConnectionSettings,
  type RedisTarget,
} from './session/redis-target.ts'
import {
  insecureOrigins,
  insecureUrl,
  type InsecureSetting,
} from './security/insecure-transport.ts'
import { trustedProxiesSetting } from './security/trusted-proxies.ts'
import type { ServerLimits } from './server-limits.ts'
import { baseUrlSetting, httpUrlSetting, isUrlSetting, secretSetting } from './settings.ts'

const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== ''),
)

/** An origin only: scheme, host and port, nothing after (compared exactly, never as a prefix). */
const originSchema = z.string().superRefine((value, ctx) => {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not an absolute URL` })
    return
  }
  if (url.origin !== value) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" must be an origin only, like "${url.origin}"`,
    })
  }
})

const positiveInt = (fallback: number, max: number) =>
  z.coerce.number().int().positive().max(max).default(fallback)

/** A duration in milliseconds, from 100 ms (a shorter one would cut off working clients). */
const milliseconds = (fallback: number, max: number) =>
  z.coerce.number().int().min(100, 'must be at least 100 (milliseconds)').max(max).default(fallback)

/** Where sessions live: this process's memory, or a Redis every instance shares. */
export type SessionStoreConfig =
  | { readonly kind: 'memory' }
  | ({ readonly kind: 'redis'; readonly target: RedisTarget } & Required<RedisConnectionSettings>)

// The value is never echoed in a problem: a Redis URL may carry a password.
const sessionStoreSchema = z
  .string()
  .optional()
  .transform((value, ctx): RedisTarget | undefined => {
    if (value === undefined || value === 'memory') return undefined
    const target = parseRedisTarget(value)
    if (target !== undefined) return target
    ctx.addIssue({
      code: 'custom',
      message:
        'must be "memory", a redis:// or rediss:// URL, or redis-sentinel://host:port,…/name ' +
        '(rediss-sentinel:// for TLS)',
    })
    return z.NEVER
  })

/** Shortest sign-in key: 32 characters, about 192 bits from a random base64 text. */
const SIGNIN_KEY_MIN = 32

// Comma-separated keys, the current one first. A problem names the key by its position, never
// its value.
const signInKeysSchema = z.string().transform((value, ctx): SignInKeys => {
  const keys = value.split(',').map((key) => key.trim())
  keys.forEach((key, index) => {
    if (key.length >= SIGNIN_KEY_MIN) return
    ctx.addIssue({
      code: 'custom',
      message:
        `key ${index + 1} of ${keys.length} must be at least ${SIGNIN_KEY_MIN} characters ` +
        '(comma-separated keys, the current one first)',
    })
  })
  const [current = '', ...older] = keys
  return [current, ...older]
})

const envSchema = z.object({
  SSO_BFF_HOST: z.string().min(1).default('127.0.0.1'),
  SSO_BFF_PORT: z.coerce.number().int().min(0).max(65535).default(4020),
  SSO_BFF_APP_ORIGINS: csv.pipe(z.array(originSchema).min(1, 'lists at least one origin')),
  SSO_BFF_ALLOWED_HOSTS: csv.pipe(z.array(z.string().min(1))).optional(),
  SSO_BFF_TRUST_PROXY: trustedProxiesSetting,
  SSO_BFF_ALLOW_INSECURE: z.enum(['true', 'false']).default('false'),
  SSO_BFF_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  SSO_BFF_SERVER_TIMING: z.enum(['true', 'false']).default('false'),

  SSO_BFF_INDEE_URL: baseUrlSetting,
  SSO_BFF_INDEE_API_KEY: secretSetting,
  SSO_BFF_SESSION_TOKEN_ISSUER: z.string().min(1).optional(),
  SSO_BFF_SESSION_TOKEN_AUDIENCE: z.string().min(1).default('sso-bridge'),
  SSO_BFF_SESSION_TOKEN_JWKS_URL: httpUrlSetting.optional(),

  SSO_BFF_SESSION_IDLE_MINUTES: positiveInt(30, 24 * 60),
  SSO_BFF_SESSION_MAX_HOURS: positiveInt(24, 24 * 30),
  SSO_BFF_UPSTREAM_TIMEOUT_MS: positiveInt(5000, 60_000),
  SSO_BFF_RATE_LIMIT_PER_MINUTE: positiveInt(60, 100_000),
  SSO_BFF_SIGNIN_SECRET: signInKeysSchema.optional(),
  SSO_BFF_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  SSO_BFF_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  SSO_BFF_AUDIT: z.enum(['true', 'false']).default('true'),
  SSO_BFF_AUDIT_SUBJECT: z.enum(['pseudonym', 'email']).default('pseudonym'),
  SSO_BFF_AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),

  SSO_BFF_REQUEST_TIMEOUT_MS: milliseconds(10_000, 300_000),
  SSO_BFF_HEADERS_TIMEOUT_MS: milliseconds(5_000, 300_000),
  SSO_BFF_KEEP_ALIVE_TIMEOUT_MS: milliseconds(72_000, 600_000),
  SSO_BFF_CONNECTION_TIMEOUT_MS: milliseconds(60_000, 600_000),
  SSO_BFF_MAX_CONNECTIONS: positiveInt(1_000, 1_000_000),
  // Not SSO_BFF_*: one setting of the whole deployment, the same on every instance.
  SSO_SESSION_STORE: sessionStoreSchema,
  SSO_SESSION_STORE_PASSWORD: z.string().min(1).optional(),
  SSO_SESSION_STORE_SENTINEL_USERNAME: z.string().min(1).optional(),
  SSO_SESSION_STORE_SENTINEL_PASSWORD: z.string().min(1).optional(),
  SSO_SESSION_STORE_TLS_CA: z.string().min(1).optional(),
  SSO_SESSION_STORE_REPLICAS: z.coerce.number().int().min(0).max(16).optional(),
  SSO_SESSION_STORE_REPLICA_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(10, 'must be at least 10 (milliseconds)')
    .max(5_000)
    .default(DEFAULT_REPLICA_TIMEOUT_MS),
})

/** Why a shared store needs a shared sign-in secret, for the configuration error. */
const SIGNIN_SECRET_SHARED =
  'is required when SSO_SESSION_STORE is Redis: set the same value on every instance, because ' +
  'the sign-in cookie is made on one instance and may be checked on another'

export interface BffConfig {
  readonly host: string
  readonly port: number
  /** Origins the app is served from; Origin is compared to these exactly. */
  readonly appOrigins: readonly string[]
  /** Host header values the BFF answers (the app origins' hosts unless set). */
  readonly allowedHosts: readonly string[]
  /** Proxy addresses and CIDR ranges whose X-Forwarded-For is believed; empty: none. */
  readonly trustedProxies: readonly string[]
  readonly logLevel: string
  /** Whether sso/login answers carry Server-Timing (its phases, and Indee's as `indee-…`). */
  readonly serverTiming: boolean
  readonly indee: {
    readonly url: string
    readonly apiKey: string
    readonly tokenIssuer: string
    readonly tokenAudience: string
    readonly jwksUrl: string
  }
  /** The partners this deployment uses, with their settings; the others are left out. */
  readonly partners: PartnerSettings
  readonly session: { readonly idleMs: number; readonly maxMs: number }
  readonly upstreamTimeoutMs: number
  /** sso/initiate and sso/login requests per client address and minute. */
  readonly rateLimitPerMinute: number
  /**
   * Keys of the sign-in binding cookie's MACs, the current one first (older ones are still
   * accepted, so a rotation breaks no sign-in in flight); one random key per process when unset.
   */
  readonly signInKeys: SignInKeys | undefined
  readonly sessionStore: SessionStoreConfig
  /** The metrics' own listener; undefined when SSO_BFF_METRICS_PORT is unset (no metrics served). */
  readonly metrics: { readonly host: string; readonly port: number } | undefined
  readonly audit: {
    readonly enabled: boolean
    readonly subject: 'pseudonym' | 'email'
    /**
     * Key of the subject's keyed hash; when unset, derived from the current sign-in key (so
     * every instance agrees), or random per process when that is unset too.
     */
    readonly key: string | undefined
  }
  /** Timeouts and the connection cap of the BFF's own server. */
  readonly server: ServerLimits
}

export type ConfigResult =
  | {
      readonly ok: true
      readonly config: BffConfig
      /** Insecure settings SSO_BFF_ALLOW_INSECURE let through, each to be logged at start. */
      readonly warnings: readonly string[]
    }
  | { readonly ok: false; readonly problems: readonly string[] }

/** Reads the BFF's configuration from `env`; every bad variable is listed. */
export function readConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  // An empty variable counts as unset, as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
  const parsed = envSchema.safeParse(present)
  const problems = parsed.success
    ? []
    : parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`,
      )
  const partners = readPartners(present, problems)
  const store = present['SSO_SESSION_STORE']
  const target = store === undefined ? undefined : parseRedisTarget(store)
  if (target !== undefined && present['SSO_BFF_SIGNIN_SECRET'] === undefined) {
    problems.push(`SSO_BFF_SIGNIN_SECRET: ${SIGNIN_SECRET_SHARED}`)
  }
  const tlsCa = storeSettingProblems(present, target, problems)
  if (parsed.success) problems.push(...serverLimitProblems(parsed.data))
  const insecure = insecureSettings(present, target)
  const allowInsecure = present['SSO_BFF_ALLOW_INSECURE'] === 'true'
  if (!allowInsecure) {
    for (const { variable, reason } of insecure) {
      problems.push(`${variable}: ${reason}; use https, or set SSO_BFF_ALLOW_INSECURE=true`)
    }
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems }
  const e = parsed.data
  const indeeOrigin = new URL(e.SSO_BFF_INDEE_URL).origin
  return {
    ok: true,
    warnings: insecure.map(
      ({ variable, reason }) => `${variable}: ${reason}; allowed by SSO_BFF_ALLOW_INSECURE=true`,
    ),
    config: {
      host: e.SSO_BFF_HOST,
      port: e.SSO_BFF_PORT,
      appOrigins: e.SSO_BFF_APP_ORIGINS,
      allowedHosts: e.SSO_BFF_ALLOWED_HOSTS ?? e.SSO_BFF_APP_ORIGINS.map((o) => new URL(o).host),
      trustedProxies: e.SSO_BFF_TRUST_PROXY,
      logLevel: e.SSO_BFF_LOG_LEVEL,
      serverTiming: e.SSO_BFF_SERVER_TIMING === 'true',
      indee: {
        url: e.SSO_BFF_INDEE_URL,
        apiKey: e.SSO_BFF_INDEE_API_KEY,
        tokenIssuer: e.SSO_BFF_SESSION_TOKEN_ISSUER ?? indeeOrigin,
        tokenAudience: e.SSO_BFF_SESSION_TOKEN_AUDIENCE,
        jwksUrl: e.SSO_BFF_SESSION_TOKEN_JWKS_URL ?? `${indeeOrigin}/.well-known/jwks.json`,
      },
      partners,
      session: {
        idleMs: e.SSO_BFF_SESSION_IDLE_MINUTES * 60_000,
        maxMs: e.SSO_BFF_SESSION_MAX_HOURS * 3_600_000,
      },
      upstreamTimeoutMs: e.SSO_BFF_UPSTREAM_TIMEOUT_MS,
      rateLimitPerMinute: e.SSO_BFF_RATE_LIMIT_PER_MINUTE,
      signInKeys: e.SSO_BFF_SIGNIN_SECRET,
      sessionStore:
        e.SSO_SESSION_STORE === undefined
          ? { kind: 'memory' }
          : {
              kind: 'redis',
              target: e.SSO_SESSION_STORE,
              password: e.SSO_SESSION_STORE_PASSWORD,
              sentinelUsername: e.SSO_SESSION_STORE_SENTINEL_USERNAME,
              sentinelPassword: e.SSO_SESSION_STORE_SENTINEL_PASSWORD,
              tlsCa,
              // With Sentinel the point is to survive the primary: a write waits for a replica.
              replicas:
                e.SSO_SESSION_STORE_REPLICAS ?? (e.SSO_SESSION_STORE.mode === 'sentinel' ? 1 : 0),
              replicaTimeoutMs: e.SSO_SESSION_STORE_REPLICA_TIMEOUT_MS,
            },
      metrics:
        e.SSO_BFF_METRICS_PORT === undefined
          ? undefined
          : { host: e.SSO_BFF_METRICS_HOST, port: e.SSO_BFF_METRICS_PORT },
      audit: {
        enabled: e.SSO_BFF_AUDIT === 'true',
        subject: e.SSO_BFF_AUDIT_SUBJECT,
        key: e.SSO_BFF_AUDIT_KEY,
      },
      server: {
        requestTimeoutMs: e.SSO_BFF_REQUEST_TIMEOUT_MS,
        headersTimeoutMs: e.SSO_BFF_HEADERS_TIMEOUT_MS,
        keepAliveTimeoutMs: e.SSO_BFF_KEEP_ALIVE_TIMEOUT_MS,
        connectionTimeoutMs: e.SSO_BFF_CONNECTION_TIMEOUT_MS,
        maxConnections: e.SSO_BFF_MAX_CONNECTIONS,
      },
    },
  }
}

/** The timeouts that only make sense together. */
function serverLimitProblems(e: z.output<typeof envSchema>): string[] {
  const problems: string[] = []
  // Node refuses to start a server whose headers may take longer than the whole request.
  if (e.SSO_BFF_HEADERS_TIMEOUT_MS > e.SSO_BFF_REQUEST_TIMEOUT_MS) {
    problems.push(
      'SSO_BFF_HEADERS_TIMEOUT_MS: must not be more than SSO_BFF_REQUEST_TIMEOUT_MS ' +
        `(${e.SSO_BFF_REQUEST_TIMEOUT_MS}): the headers are part of the request`,
    )
  }
  // An answer may wait on two upstream calls (Indee, then its keys) with the socket quiet.
  if (e.SSO_BFF_CONNECTION_TIMEOUT_MS <= 2 * e.SSO_BFF_UPSTREAM_TIMEOUT_MS) {
    problems.push(
      'SSO_BFF_CONNECTION_TIMEOUT_MS: must be more than twice SSO_BFF_UPSTREAM_TIMEOUT_MS ' +
        `(${e.SSO_BFF_UPSTREAM_TIMEOUT_MS}): an answer can wait on two upstream calls, and a ` +
        'shorter timeout would close its connection first',
    )
  }
  return problems
}

/**
 * Every setting that would send credentials or cookies over plain http, read from the raw
 * variables so that it is listed beside every other problem (a value that is not a URL is the
 * schema's problem, not this one's).
 */
function insecureSettings(
  present: Readonly<Record<string, string | undefined>>,
  store: RedisTarget | undefined,
) {
  const urlVariables = [
    'SSO_BFF_INDEE_URL',
    'SSO_BFF_SESSION_TOKEN_JWKS_URL',
    ...PARTNER_NAMES.flatMap((name) =>
      Object.entries(BFF_PARTNERS[name].settings)
        .filter(([, schema]) => isUrlSetting(schema))
        .map(([key]) => partnerVariable(name, key)),
    ),
  ]
  const found: (InsecureSetting | undefined)[] = urlVariables.map((variable) => {
    const value = present[variable]
    return value !== undefined && URL.canParse(value) ? insecureUrl(variable, value) : undefined
  })
  const origins = csv.safeParse(present['SSO_BFF_APP_ORIGINS'] ?? '')
  if (origins.success && origins.data.every((origin) => URL.canParse(origin))) {
    found.unshift(insecureOrigins('SSO_BFF_APP_ORIGINS', origins.data))
  }
  if (store !== undefined && plainToAnotherHost(store)) {
    found.push({
      variable: 'SSO_SESSION_STORE',
      reason:
        'is plain (no TLS) to a host other than this machine (loopback): its password and ' +
        'the sealed sessions would cross the network in clear (rediss:// or rediss-sentinel://)',
    })
  }
  return found.filter((setting) => setting !== undefined)
}

/** Each configured partner's settings (partners/partner.ts); a partner left out has none. */
export type PartnerSettings = {
  readonly [Name in PartnerName]?: Settings<(typeof BFF_PARTNERS)[Name]['settings']>
}

/** The environment variable of setting `key` of partner `name`: SSO_BFF_<NAME>_<KEY>. */
export function partnerVariable(name: PartnerName, key: string): string {
  return `SSO_BFF_${name.toUpperCase()}_${key}`
}

/**
 * The settings of every partner with at least one variable set; a partner with none is left
 * out. Each problem goes into `problems`, naming its variable (never its value).
 */
function readPartners(
  present: Readonly<Record<string, string | undefined>>,
  problems: string[],
): PartnerSettings {
  const partners: Partial<Record<PartnerName, unknown>> = {}
  for (const name of PARTNER_NAMES) {
    const shape = BFF_PARTNERS[name].settings
    const keys = Object.keys(shape)
    const given = keys.filter((key) => present[partnerVariable(name, key)] !== undefined)
    if (given.length === 0) continue
    const missing = keys.filter((key) => !given.includes(key))
    for (const key of missing) {
      problems.push(
        `${partnerVariable(name, key)}: is required to use ${name} ` +
          `(${given.map((k) => partnerVariable(name, k)).join(', ')} set): set every ` +
          `${partnerVariable(name, '*')} variable, or none to leave ${name} out`,
      )
    }
    const values = Object.fromEntries(
      given.map((key) => [key, present[partnerVariable(name, key)]]),
    )
    const parsed = z.object(shape).partial().safeParse(values)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${partnerVariable(name, String(issue.path[0]))}: ${issue.message}`)
      }
    } else if (missing.length === 0) {
      partners[name] = parsed.data
    }
  }
  return partners as PartnerSettings
}

/** Whether the session cookie can carry Secure and the __Host- prefix: every app origin is https. */
export function secureCookies(config: BffConfig): boolean {
  return config.appOrigins.every((origin) => origin.startsWith('https://'))
}

/** The session store for logs: `memory`, or where Redis is, with any password hidden. */
export function sessionStoreLabel(store: SessionStoreConfig): string {
  return store.kind === 'memory' ? 'memory' : redisTargetLabel(store.target)
}

/** Variables that only mean something with some stores, and both passwords at once. */
const SENTINEL_ONLY = ['SSO_SESSION_STORE_SENTINEL_USERNAME', 'SSO_SESSION_STORE_SENTINEL_PASSWORD']
const REDIS_ONLY = [
  'SSO_SESSION_STORE_PASSWORD',
  'SSO_SESSION_STORE_TLS_CA',
  'SSO_SESSION_STORE_REPLICAS',
  'SSO_SESSION_STORE_REPLICA_TIMEOUT_MS',
]

/**
 * Problems of the SSO_SESSION_STORE_* settings against the store they go with; returns the CA
 * file's certificates when one is named and readable.
 */
function storeSettingProblems(
  present: Readonly<Record<string, string | undefined>>,
  target: RedisTarget | undefined,
  problems: string[],
): string | undefined {
  const unused = (variables: readonly string[], why: string) => {
    for (const variable of variables) {
      if (present[variable] !== undefined) problems.push(`${variable}: ${why}`)
    }
  }
  if (target === undefined) {
    unused([...REDIS_ONLY, ...SENTINEL_ONLY], 'applies only when SSO_SESSION_STORE is Redis')
    return undefined
  }
  if (target.mode === 'single') {
    unused(SENTINEL_ONLY, 'applies only when SSO_SESSION_STORE is redis-sentinel://')
  }
  const inUrl = target.mode === 'single' ? new URL(target.url).password !== '' : target.password
  if (present['SSO_SESSION_STORE_PASSWORD'] !== undefined && inUrl) {
    problems.push(
      'SSO_SESSION_STORE_PASSWORD: SSO_SESSION_STORE has a password too: give it in one place',
    )
  }
  const caFile = present['SSO_SESSION_STORE_TLS_CA']
  if (caFile === undefined) return undefined
  if (!usesTls(target)) {
    problems.push(
      'SSO_SESSION_STORE_TLS_CA: applies only with TLS (rediss:// or rediss-sentinel://)',
    )
    return undefined
  }
  try {
    const pem = readFileSync(caFile, 'utf8')
    if (pem.includes('-----BEGIN CERTIFICATE-----')) return pem
    problems.push(`SSO_SESSION_STORE_TLS_CA: ${caFile} holds no PEM certificate`)
  } catch (error) {
    const code = (error as { code?: unknown }).code
    problems.push(`SSO_SESSION_STORE_TLS_CA: cannot read ${caFile} (${String(code ?? error)})`)
  }
  return undefined
}
