// Where the shared session store is, as SSO_SESSION_STORE names it: one Redis by its URL
// (`redis://`, `rediss://` with TLS), or the primary that Redis Sentinel names
// (`redis-sentinel://`, `rediss-sentinel://` with TLS to the sentinels and to Redis):
//
//   redis-sentinel://[user[:password]@]host1[:26379],host2[:26379],…/primary-name[/db]
//
// Parsed here, without echoing a value: it may carry a password.
import { isLoopbackHost } from '../security/insecure-transport.ts'

export interface SentinelAddress {
  readonly host: string
  readonly port: number
}

/** The primary a group of Sentinels watches, and how to reach it. */
export interface SentinelTarget {
  readonly sentinels: readonly SentinelAddress[]
  /** The name the Sentinels monitor the primary by (`sentinel monitor <name> …`). */
  readonly primaryName: string
  /** Of Redis itself (the primary and replicas), not of the Sentinels. */
  readonly username: string | undefined
  readonly password: string | undefined
  readonly db: number
  /** TLS to the Sentinels and to Redis (`rediss-sentinel://`). */
  readonly tls: boolean
}

export type RedisTarget =
  | { readonly mode: 'single'; readonly url: string }
  | ({ readonly mode: 'sentinel' } & SentinelTarget)

/** How the BFF reaches Redis, beside where it is (SSO_SESSION_STORE_* settings). */
export interface RedisConnectionSettings {
  /** Redis's password when it is not in the URL (SSO_SESSION_STORE_PASSWORD). */
  readonly password?: string | undefined
  /** The Sentinels' own user and password, when they ask for one. */
  readonly sentinelUsername?: string | undefined
  readonly sentinelPassword?: string | undefined
  /** PEM certificates of the CA that signed Redis's (and the Sentinels') TLS certificates. */
  readonly tlsCa?: string | undefined
  /** Replicas that must have each session write (Redis WAIT) before it counts as safe (default 0). */
  readonly replicas?: number | undefined
  /** How long a write waits for them (default 250 ms). */
  readonly replicaTimeoutMs?: number | undefined
}

export const DEFAULT_REPLICA_TIMEOUT_MS = 250

/** Sentinel's own port, when a host of a `redis-sentinel://` value names none. */
export const SENTINEL_DEFAULT_PORT = 26379

const SINGLE = /^rediss?:$/
const SENTINEL = /^(rediss?)-sentinel:\/\/(?:([^@/]*)@)?([^/@]+)\/([^/]+?)(?:\/(\d+))?\/?$/
const NAME = /^[\w.-]+$/
const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d+))?$/

function decoded(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return undefined
  }
}

function sentinelAddress(text: string): SentinelAddress | undefined {
  const match = HOST_PORT.exec(text.trim())
  if (match === null) return undefined
  const [, host = '', port] = match
  const number = port === undefined ? SENTINEL_DEFAULT_PORT : Number(port)
  if (!Number.isInteger(number) || number < 1 || number > 65535) return undefined
  return { host, port: number }
}

/** The target `value` names, or undefined when it is not a Redis URL or a Sentinel one. */
export function parseRedisTarget(value: string): RedisTarget | undefined {
  if (URL.canParse(value)) {
    const url = new URL(value)
    if (SINGLE.test(url.protocol))
      return url.hostname === '' ? undefined : { mode: 'single', url: value }
  }
  const match = SENTINEL.exec(value)
  if (match === null) return undefined
  const [, scheme, userinfo, hosts = '', name = '', db] = match
  const sentinels = hosts.split(',').map(sentinelAddress)
  const primaryName = decoded(name)
  if (primaryName === undefined || !NAME.test(primaryName)) return undefined
  if (sentinels.some((address) => address === undefined)) return undefined
  const colon = userinfo?.indexOf(':') ?? -1
  return {
    mode: 'sentinel',
    sentinels: sentinels.filter((address) => address !== undefined),
    primaryName,
    username: decoded(colon < 0 ? userinfo : userinfo?.slice(0, colon)),
    password: colon < 0 ? undefined : decoded(userinfo?.slice(colon + 1)),
    db: db === undefined ? 0 : Number(db),
    tls: scheme === 'rediss',
  }
}

/** Whether the connection to Redis is encrypted. */
export function usesTls(target: RedisTarget): boolean {
  return target.mode === 'single' ? new URL(target.url).protocol === 'rediss:' : target.tls
}

/** The hosts the BFF connects to first: Redis's, or the Sentinels'. */
export function targetHosts(target: RedisTarget): string[] {
  return target.mode === 'single'
    ? [new URL(target.url).hostname]
    : target.sentinels.map((sentinel) => sentinel.host)
}

/** Whether the store is plain (no TLS) to a host other than this machine. */
export function plainToAnotherHost(target: RedisTarget): boolean {
  return !usesTls(target) && targetHosts(target).some((host) => !isLoopbackHost(host))
}

/** The target for logs: the URL as given, with any password as `***`. */
export function redisTargetLabel(target: RedisTarget): string {
  if (target.mode === 'single') {
    const url = new URL(target.url)
    if (url.password !== '') url.password = '***'
    return url.href
  }
  const user = target.username ?? ''
  const userinfo = target.password === undefined ? (user === '' ? '' : `${user}@`) : `${user}:***@`
  const hosts = target.sentinels.map(({ host, port }) => `${host}:${port}`).join(',')
  const scheme = target.tls ? 'rediss-sentinel' : 'redis-sentinel'
  return `${scheme}://${userinfo}${hosts}/${target.primaryName}/${target.db}`
}
