// The shared session store: Redis (ioredis), so several BFF instances behind one load balancer
// serve the same sessions. Sealed records (session-seal.ts: no token or email readable) are
// under `<namespace>:session:<key>` with Redis's own expiry; the one-refresh-at-a-time lock is
// `<namespace>:lock:<key>`, taken with SET NX PX and released only by its holder. Redis down
// never hangs a request: every command fails at once (no offline queue, no retries, a command
// timeout) while the client reconnects in the background, so the BFF recovers by itself when
// Redis is back.
import { randomBytes } from 'node:crypto'
import { setTimeout as delay } from 'node:timers/promises'
import { Redis } from 'ioredis'
import { SessionStoreUnavailable, type SessionStore } from './session-store.ts'

/** How long a lock holds unless released: longer than a refresh (upstream timeout 5 s) takes. */
export const DEFAULT_LOCK_MS = 15_000
/** A waiter gives up this long after the lock would have expired by itself. */
export const LOCK_WAIT_GRACE_MS = 1_000
export const DEFAULT_COMMAND_TIMEOUT_MS = 1_000
const CONNECT_TIMEOUT_MS = 2_000
/** At most one "unreachable" warning in this time, however often the client retries. */
const WARN_EVERY_MS = 5_000
/** A waiter polls the lock first after this long, then twice as long each time up to the cap. */
const FIRST_POLL_MS = 20
const MAX_POLL_MS = 200

/** Deletes KEYS[1] only while it still holds ARGV[1]: the holder's own lock. */
const COMPARE_AND_DELETE =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"

export interface RedisSessionStoreOptions {
  /** `redis://` or `rediss://` (TLS) URL; a user, password and db number may be in it. */
  readonly url: string
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
}

function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = (error as { code?: unknown }).code
  return error.message || (typeof code === 'string' ? code : error.name)
}

export function createRedisSessionStore(options: RedisSessionStoreOptions): SessionStore {
  const namespace = options.namespace ?? 'sso-bridge'
  const lockMs = options.lockMs ?? DEFAULT_LOCK_MS
  const onLog = options.onLog ?? (() => undefined)
  const sessionKey = (key: string) => `${namespace}:session:${key}`
  const lockKey = (key: string) => `${namespace}:lock:${key}`

  const client = new Redis(options.url, {
    // Fail at once while Redis is away: no queue of commands waiting for it, no resending.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    // Reconnect for ever, at most 2 s apart, so the BFF recovers without a restart.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    // After a failover the old primary refuses writes: connect again (to the new one).
    reconnectOnError: (error) => error.message.startsWith('READONLY'),
    connectionName: 'sso-bridge-bff',
  })

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
  async function run<T>(operation: string, command: () => Promise<T>): Promise<T> {
    try {
      return await command()
    } catch (cause) {
      throw new SessionStoreUnavailable(`session store ${operation}: ${reasonOf(cause)}`, {
        cause,
      })
    }
  }

  const compareAndDelete = (key: string, value: string) =>
    client.eval(COMPARE_AND_DELETE, 1, key, value)

  return {
    kind: 'redis',
    async get(key) {
      return (await run('get', () => client.get(sessionKey(key)))) ?? undefined
    },
    async set(key, value, ttlMs) {
      const ttl = Math.max(1, Math.ceil(ttlMs))
      await run('set', () => client.set(sessionKey(key), value, 'PX', ttl))
    },
    async replace(key, value, ttlMs) {
      const ttl = Math.max(1, Math.ceil(ttlMs))
      const done = await run('replace', () => client.set(sessionKey(key), value, 'PX', ttl, 'XX'))
      return done === 'OK'
    },
    async delete(key) {
      await run('delete', () => client.del(sessionKey(key)))
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
    async ping() {
      await run('ping', () => client.ping())
    },
    async close() {
      if (client.status === 'ready') await client.quit().catch(() => undefined)
      client.disconnect()
    },
  }
}
