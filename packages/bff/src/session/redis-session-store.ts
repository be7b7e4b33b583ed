// The shared session store: Redis (ioredis), so several BFF instances behind one load balancer
// serve the same sessions. Sealed records (session-seal.ts: no token or email readable) are
// under `<namespace>:session:<key>` with Redis's own expiry; the one-refresh-at-a-time lock is
// `<namespace>:lock:<key>`, taken with SET NX PX and released only by its holder. Redis down
// never hangs a request: every command fails at once (no offline queue, no retries, a command
// timeout) while the client reconnects in the background, so the BFF recovers by itself when
// Redis is back.
//
// With Sentinel (redis-target.ts) the client asks the Sentinels for the primary and checks that
// what it reached is one (ROLE). It asks them again when the connection drops, on a READONLY
// answer or a replica's ROLE (a primary turned replica), and after command timeouts in a row (a
// primary frozen or cut off); /readyz asks for a writable primary. A session write can wait for
// replicas to have it (Redis WAIT): one that is not acknowledged in time still stands on the
// primary, and is reported, never silently taken as safe.
import { randomBytes } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { Redis } from 'ioredis'
import {
  DEFAULT_REPLICA_TIMEOUT_MS,
  type RedisConnectionSettings,
  type RedisTarget,
} from './redis-target.ts'
import { SessionStoreUnavailable, type SessionStore } from './session-store.ts'

/** How long a lock holds unless released: longer than a refresh (upstream timeout 5 s) takes. */
export const DEFAULT_LOCK_MS = 15_000
/** A waiter gives up this long after the lock would have expired by itself. */
export const LOCK_WAIT_GRACE_MS = 1_000
export const DEFAULT_COMMAND_TIMEOUT_MS = 1_000
const CONNECT_TIMEOUT_MS = 2_000
/** Command timeouts in a row after which a Sentinel client asks the Sentinels for the primary. */
const TIMEOUTS_BEFORE_RECONNECT = 2
/** At most one "unreachable" warning in this time, however often the client retries. */
const WARN_EVERY_MS = 5_000
/** A waiter polls the lock first after this long, then twice as long each time up to the cap. */
const FIRST_POLL_MS = 20
const MAX_POLL_MS = 200

/** Deletes KEYS[1] only while it still holds ARGV[1]: the holder's own lock. */
const COMPARE_AND_DELETE =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"

export interface RedisSessionStoreOptions extends RedisConnectionSettings {
  /**
   * A `redis://` or `rediss://` (TLS) URL, where a user, password and db number may be; or the
   * primary a group of Sentinels names.
   */
  readonly target: RedisTarget
  /** Start of every key (default `sso-bridge`). */
  readonly namespace?: string
  /**
   * How long a lock holds unless its holder releases it first (default 15 s). A holder that
   * crashed holds it this long at most; a waiter gives up after lockMs + 1 s.
   */
  readonly lockMs?: number
  /** Every command fails after this long without an answer (default 1000 ms). */
  readonly commandTimeoutMs?: number
  /**
   * Where connection trouble is reported: one warning at most every 5 s while Redis cannot be
   * reached, and one line when it can again. Never a key, a value or the URL's password.
   */
  readonly onLog?: (level: 'warn' | 'info', message: string) => void
  /** Called for each session write that fewer than `replicas` replicas acknowledged in time. */
  readonly onUnreplicatedWrite?: () => void
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = (error as { code?: unknown }).code
  return error.message || (typeof code === 'string' ? code : error.name)
}

/** An IPv6 address as a URL writes it ([::1]) is a bare address to a socket. */
const socketHost = (host: string) => host.replace(/^\[(.*)\]$/, '$1')

function newClient(options: RedisSessionStoreOptions, replicaTimeoutMs: number): Redis {
  const { target } = options
  const tls = options.tlsCa === undefined ? {} : { ca: options.tlsCa }
  const common = {
    // Fail at once while Redis is away: no queue of commands waiting for it, no resending.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    // WAIT answers within its own timeout: the command timeout leaves it room.
    commandTimeout: Math.max(
      options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
      replicaTimeoutMs + 500,
    ),
    connectTimeout: CONNECT_TIMEOUT_MS,
    // Reconnect for ever, at most 1 s apart, so the BFF recovers without a restart.
    retryStrategy: (attempt: number) => Math.min(attempt * 100, 1_000),
    // A primary turned replica (a failover) refuses writes: connect again, to the primary.
    reconnectOnError: (error: Error) => error.message.startsWith('READONLY'),
    connectionName: 'sso-bridge-bff',
    ...(options.password !== undefined && { password: options.password }),
  }
  if (target.mode === 'single') {
    const secure = new URL(target.url).protocol === 'rediss:'
    return new Redis(target.url, { ...common, ...(secure && { tls }) })
  }
  return new Redis({
    ...common,
    sentinels: target.sentinels.map(({ host, port }) => ({ host: socketHost(host), port })),
    name: target.primaryName,
    role: 'master',
    db: target.db,
    ...(target.username !== undefined && { username: target.username }),
    ...(target.password !== undefined && { password: target.password }),
    ...(options.sentinelUsername !== undefined && { sentinelUsername: options.sentinelUsername }),
    ...(options.sentinelPassword !== undefined && { sentinelPassword: options.sentinelPassword }),
    ...(target.tls && { tls, sentinelTLS: tls, enableTLSForSentinelMode: true }),
    // A Sentinel that does not answer is skipped for the next one.
    sentinelCommandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    // Not ioredis's failover detector: it drops the connection at every +switch-master, which
    // the Sentinels announce after they already name the new primary, so often after the
    // client has moved there, and then every request fails once more. A lost connection, a
    // READONLY answer, a replica's ROLE and timeouts in a row each lead to the Sentinels.
    failoverDetector: false,
    sentinelRetryStrategy: (attempt: number) => Math.min(attempt * 100, 1_000),
  })
}

export function createRedisSessionStore(options: RedisSessionStoreOptions): SessionStore {
  const namespace = options.namespace ?? 'sso-bridge'
  const lockMs = options.lockMs ?? DEFAULT_LOCK_MS
  const onLog = options.onLog ?? (() => undefined)
  const onUnreplicatedWrite = options.onUnreplicatedWrite ?? (() => undefined)
  const replicas = options.replicas ?? 0
  const replicaTimeoutMs = options.replicaTimeoutMs ?? DEFAULT_REPLICA_TIMEOUT_MS
  const sessionKey = (key: string) => `${namespace}:session:${key}`
  const lockKey = (key: string) => `${namespace}:lock:${key}`
  const client = newClient(options, replicaTimeoutMs)

  let lastWarnedAt = Number.NEGATIVE_INFINITY
  let unreachable = false
  const warn = (message: string) => {
    unreachable = true
    const at = Date.now()
    if (at - lastWarnedAt < WARN_EVERY_MS) return
    lastWarnedAt = at
    onLog('warn', message)
  }
  // Handled here, so a Redis that is down is never an unhandled 'error' event.
  client.on('error', (error: unknown) => warn(`session store unreachable: ${reasonOf(error)}`))
  client.on('reconnecting', () => warn('session store connection lost; reconnecting'))
  client.on('ready', () => {
    if (!unreachable) return
    // Stryker disable next-line BooleanLiteral: every 'ready' after the first follows a 'reconnecting', whose warn sets it to true again anyway
    unreachable = false
    lastWarnedAt = Number.NEGATIVE_INFINITY
    onLog('info', 'session store reachable again')
  })

  /** Runs one command; any failure becomes SessionStoreUnavailable. */
  let timeoutsInARow = 0
  async function run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    try {
      const result = await command()
      timeoutsInARow = 0
      return result
    } catch (cause) {
      // A primary that holds the connection open and never answers (frozen, cut off) while
      // the Sentinels promote its replica: after a few timeouts in a row, ask them again.
      if (cause instanceof Error && cause.message === 'Command timed out') {
        timeoutsInARow += 1
        if (options.target.mode === 'sentinel' && timeoutsInARow >= TIMEOUTS_BEFORE_RECONNECT) {
          timeoutsInARow = 0
          client.disconnect(true)
        }
      }
      throw new SessionStoreUnavailable(`session store ${operation}: ${reasonOf(cause)}`, {
        cause,
      })
    }
  }

  const compareAndDelete = (key: string, value: string) =>
    client.eval(COMPARE_AND_DELETE, 1, key, value)

  /** Fails unless the server is a primary; on a replica, asks the Sentinels again. */
  async function primaryOnly(operation: string): Promise<void> {
    const [role] = await run(operation, () => client.call('ROLE') as Promise<unknown[]>)
    if (role === 'master') return
    if (options.target.mode === 'sentinel') client.disconnect(true)
    throw new SessionStoreUnavailable(
      `session store ${operation}: the server is a ${String(role)}, not a writable primary`,
    )
  }

  let lastUnreplicatedWarning = Number.NEGATIVE_INFINITY
  /**
   * Waits until `replicas` replicas have every write this connection made. Fewer in time: the
   * write stands on the primary alone, and would be lost if the primary were lost before its
   * replicas catch up; it is counted and logged (at most once every 5 s), never taken as safe.
   * A primary lost during the wait fails the request (the client can try again).
   */
  async function replicated(operation: string): Promise<void> {
    if (replicas === 0) return
    const acknowledged = await run(operation, () => client.wait(replicas, replicaTimeoutMs))
    if (acknowledged >= replicas) return
    onUnreplicatedWrite()
    const at = Date.now()
    if (at - lastUnreplicatedWarning < WARN_EVERY_MS) return
    lastUnreplicatedWarning = at
    onLog(
      'warn',
      `session store ${operation}: ${acknowledged} of ${replicas} replicas acknowledged the ` +
        `write within ${replicaTimeoutMs} ms; it is on the primary only until they catch up`,
    )
  }

  return {
    kind: 'redis',
    async get(key) {
      const value = await run('get', () => client.get(sessionKey(key)))
      if (value !== null) return value
      // No session, or a primary turned replica that is loading the new primary's copy (empty
      // meanwhile): only a primary's "none" signs anyone out.
      await primaryOnly('get')
      return undefined
    },
    async set(key, value, ttlMs) {
      const ttl = Math.max(1, Math.ceil(ttlMs))
      await run('set', () => client.set(sessionKey(key), value, 'PX', ttl))
      await replicated('set')
    },
    async replace(key, value, ttlMs) {
      const ttl = Math.max(1, Math.ceil(ttlMs))
      const done = await run('replace', () => client.set(sessionKey(key), value, 'PX', ttl, 'XX'))
      if (done !== 'OK') return false
      await replicated('replace')
      return true
    },
    async delete(key) {
      // A sign-out that a failover undid would bring the session back: it waits too.
      await run('delete', () => client.del(sessionKey(key)))
      await replicated('delete')
    },
    async withLock(key, work) {
      const lock = lockKey(key)
      const token = randomBytes(16).toString('base64url')
      const deadline = Date.now() + lockMs + LOCK_WAIT_GRACE_MS
      let pause = FIRST_POLL_MS
      for (;;) {
        const taken = await run('lock', () => client.set(lock, token, 'PX', lockMs, 'NX'))
        if (taken === 'OK') break
        const left = deadline - Date.now()
        if (left <= 0) {
          // Never run unlocked: two refreshes of one session could each win at Indee.
          throw new SessionStoreUnavailable(
            `session store lock: still held after ${lockMs + LOCK_WAIT_GRACE_MS} ms`,
          )
        }
        await delay(Math.min(left, pause + Math.random() * FIRST_POLL_MS))
        pause = Math.min(pause * 2, MAX_POLL_MS)
      }
      try {
        return await work()
      } finally {
        // A release that fails (Redis gone meanwhile) leaves the lock to expire by itself.
        await compareAndDelete(lock, token).catch(() => undefined)
      }
    },
    /** Resolves when a writable primary answers; a replica does not count (GET /readyz). */
    ping: () => primaryOnly('ping'),
    async close() {
      if (client.status === 'ready') await client.quit().catch(() => undefined)
      client.disconnect()
    },
  }
}
