// Redis Sentinel for real, for tests: Debian's redis-server as a primary and one replica, and
// Debian's redis-sentinel watching them, each on a free loopback port in a temporary directory.
// The Sentinels' configuration is sentinelConfig(), which the topology (scripts/topology) uses
// too. Test support only; nothing that ships imports it.
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { Redis } from 'ioredis'
import type { RedisTarget } from '../session/redis-target.ts'
import { freePort } from './free-port.ts'
import { spawnUntilReady, startRedisServer, tlsArgs, type RunningRedis } from './redis-server.ts'
import type { TestCertificates } from './tls-certificates.ts'

export const REDIS_SENTINEL = '/usr/bin/redis-sentinel'
/** The name the Sentinels know the primary by. */
export const PRIMARY_NAME = 'sessions'

export interface SentinelConfigOptions {
  readonly port: number
  /** Where the Sentinel writes what it learns (it rewrites its own config file). */
  readonly dir: string
  readonly primaryPort: number
  /** Sentinels that must agree the primary is down before a failover. */
  readonly quorum: number
  /** How long the primary must not answer before this Sentinel thinks it is down. */
  readonly downAfterMs: number
  readonly failoverTimeoutMs: number
  /** TLS only (to clients, to Redis and between Sentinels), with these certificates. */
  readonly tls?: TestCertificates | undefined
  /** Redis's password (`requirepass` on the servers), which the Sentinels give them. */
  readonly password?: string | undefined
  /** The Sentinels' own (`requirepass`), which they also give each other. */
  readonly sentinelPassword?: string | undefined
}

/** A redis-sentinel config file's text: on 127.0.0.1, watching the primary at `primaryPort`. */
export function sentinelConfig(o: SentinelConfigOptions): string {
  const tls =
    o.tls === undefined
      ? [`port ${o.port}`]
      : tlsArgs(o.port, o.tls).reduce<string[]>(
          (lines, arg, i, args) =>
            i % 2 === 0 ? [...lines, `${arg.slice(2)} ${args[i + 1]}`] : lines,
          [],
        )
  return [
    ...tls,
    'bind 127.0.0.1',
    'daemonize no',
    `dir ${o.dir}`,
    `sentinel monitor ${PRIMARY_NAME} 127.0.0.1 ${o.primaryPort} ${o.quorum}`,
    `sentinel down-after-milliseconds ${PRIMARY_NAME} ${o.downAfterMs}`,
    `sentinel failover-timeout ${PRIMARY_NAME} ${o.failoverTimeoutMs}`,
    `sentinel parallel-syncs ${PRIMARY_NAME} 1`,
    ...(o.password === undefined ? [] : [`sentinel auth-pass ${PRIMARY_NAME} ${o.password}`]),
    ...(o.sentinelPassword === undefined
      ? []
      : [`requirepass ${o.sentinelPassword}`, `sentinel sentinel-pass ${o.sentinelPassword}`]),
    '',
  ].join('\n')
}

/** How a test client reaches a server of a group: TLS, and the password it asks for. */
export interface Access {
  readonly tls?: TestCertificates | undefined
  readonly password?: string | undefined
}

/** A client of the Redis (or Sentinel) on `port` that connects once, and reports by rejecting. */
export function quietClient(port: number, access: Access = {}): Redis {
  const client = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    retryStrategy: () => null,
    ...(access.tls !== undefined && { tls: { ca: readFileSync(access.tls.caFile) } }),
    ...(access.password !== undefined && { password: access.password }),
  })
  client.on('error', () => undefined)
  return client
}

/** The primary the Sentinel on `port` names now (its port), or undefined when it cannot say. */
export async function primaryPortOf(
  sentinelPort: number,
  access: Access = {},
): Promise<number | undefined> {
  const sentinel = quietClient(sentinelPort, access)
  try {
    await sentinel.connect()
    const answer = (await sentinel.call('SENTINEL', 'get-master-addr-by-name', PRIMARY_NAME)) as
      [string, string] | null
    return answer === null ? undefined : Number(answer[1])
  } catch {
    return undefined
  } finally {
    sentinel.disconnect()
  }
}

/** `ROLE`'s first word of the Redis on `port`: master, slave, or undefined when it is down. */
export async function roleOf(port: number, access: Access = {}): Promise<string | undefined> {
  const client = quietClient(port, access)
  try {
    await client.connect()
    const [role] = (await client.call('ROLE')) as [string]
    return role
  } catch {
    return undefined
  } finally {
    client.disconnect()
  }
}

/** What a wait is for, in its timeout's message, and how often to ask again. */
interface Wait {
  readonly what: string
  readonly timeoutMs: number
  readonly access: Access
  readonly everyMs?: number
}

/** Asks the server on `port` `done` until it says yes; throws when `wait.timeoutMs` runs out. */
async function until(
  port: number,
  wait: Wait,
  done: (client: Redis) => Promise<boolean>,
): Promise<void> {
  const client = quietClient(port, wait.access)
  try {
    await client.connect()
    const deadline = Date.now() + wait.timeoutMs
    while (Date.now() < deadline) {
      if (await done(client)) return
      await delay(wait.everyMs ?? 20)
    }
    throw new Error(`the server on ${port} ${wait.what} in ${wait.timeoutMs} ms`)
  } finally {
    client.disconnect()
  }
}

/** Waits until the Redis on `port` is a replica whose link to its primary is up (synced). */
export function replicating(port: number, timeoutMs = 10_000, access: Access = {}) {
  return until(port, { what: 'did not catch up with its primary', timeoutMs, access }, async (c) =>
    (await c.info('replication')).includes('master_link_status:up'),
  )
}

/**
 * Waits until the Sentinel on `port` knows a replica it could promote and `others` other
 * Sentinels (to agree on a failover with): until then a failover would find no one.
 */
export function sentinelReady(
  port: number,
  others: number,
  timeoutMs = 15_000,
  access: Access = {},
) {
  const what = 'did not find the replica and its peers'
  return until(port, { what, timeoutMs, access, everyMs: 50 }, async (sentinel) => {
    const replicas = (await sentinel.call('SENTINEL', 'REPLICAS', PRIMARY_NAME)) as string[][]
    const sentinels = (await sentinel.call('SENTINEL', 'SENTINELS', PRIMARY_NAME)) as unknown[]
    // A replica it has asked itself (INFO), that is up and linked to the primary.
    const promotable = replicas.some((fields) => {
      const field = (name: string) => fields[fields.indexOf(name) + 1]
      return field('flags') === 'slave' && field('master-link-status') === 'ok'
    })
    return promotable && sentinels.length >= others
  })
}

const PROBE = 'sso-bridge-test:probe'

/**
 * Waits until a write to the primary on `port` reaches a replica (WAIT). A replica that has just
 * loaded its first copy is online only once its first acknowledgement arrives (within a second):
 * writes before that stay in the primary's buffer, and a crash would lose them.
 */
export function acknowledging(port: number, timeoutMs = 10_000, access: Access = {}) {
  const what = 'got no write acknowledged by a replica'
  return until(port, { what, timeoutMs, access, everyMs: 0 }, async (client) => {
    await client.set(PROBE, '1', 'PX', 1_000)
    if ((await client.wait(1, 100)) < 1) return false
    await client.del(PROBE)
    return true
  })
}

/** Waits until every replica of the primary on `port` has all it wrote (same offset). */
export function caughtUp(port: number, timeoutMs = 10_000, access: Access = {}) {
  return until(
    port,
    { what: 'has replicas that did not catch up', timeoutMs, access },
    async (c) => {
      const info = await c.info('replication')
      const offset = /master_repl_offset:(\d+)/.exec(info)?.[1]
      const replicas = [...info.matchAll(/slave\d+:.*offset=(\d+)/g)].map((m) => m[1])
      return replicas.length > 0 && replicas.every((at) => at === offset)
    },
  )
}

export interface SentinelGroup {
  /** The servers as started: [0] the first primary, [1] its replica. */
  readonly servers: readonly [RunningRedis, RunningRedis]
  readonly sentinelPorts: readonly number[]
  /** The store's target: these Sentinels, this primary name. */
  readonly target: RedisTarget
  /** The server the Sentinels name primary now. */
  primary(): Promise<RunningRedis>
  /** Waits until the Sentinels name a primary other than `old`, and it is one; returns it. */
  promotedAfter(old: RunningRedis, timeoutMs?: number): Promise<RunningRedis>
  close(): Promise<void>
}

/**
 * A primary, its replica and `sentinels` Sentinels (quorum: a majority), which call the primary
 * down after `downAfterMs` (default 500 ms) without an answer.
 */
export async function startSentinelGroup(
  options: {
    readonly sentinels?: number
    readonly downAfterMs?: number
    /** TLS only, everywhere, and passwords on Redis and on the Sentinels. */
    readonly secured?: {
      readonly tls: TestCertificates
      readonly password: string
      readonly sentinelPassword: string
    }
  } = {},
): Promise<SentinelGroup> {
  if (!existsSync(REDIS_SENTINEL)) {
    throw new Error(
      `redis-sentinel is missing (${REDIS_SENTINEL}): apt-get install -y redis-sentinel; .ci/run installs it`,
    )
  }
  const count = options.sentinels ?? 1
  const { secured } = options
  const onRedis: Access = { tls: secured?.tls, password: secured?.password }
  const onSentinel: Access = { tls: secured?.tls, password: secured?.sentinelPassword }
  const serverOptions = { tls: secured?.tls, password: secured?.password }
  const primary = await startRedisServer(serverOptions)
  const replica = await startRedisServer({ ...serverOptions, replicaOf: primary.port })
  const servers = [primary, replica] as const
  await replicating(replica.port, undefined, onRedis)
  await acknowledging(primary.port, undefined, onRedis)
  const dir = mkdtempSync(join(tmpdir(), 'sso-bridge-sentinel-'))
  const sentinelPorts: number[] = []
  const children: ChildProcess[] = []
  try {
    for (let i = 0; i < count; i += 1) {
      const port = await freePort()
      const config = join(dir, `sentinel-${port}.conf`)
      writeFileSync(
        config,
        sentinelConfig({
          port,
          dir,
          primaryPort: primary.port,
          quorum: Math.floor(count / 2) + 1,
          downAfterMs: options.downAfterMs ?? 500,
          failoverTimeoutMs: 5_000,
          tls: secured?.tls,
          password: secured?.password,
          sentinelPassword: secured?.sentinelPassword,
        }),
      )
      children.push(await spawnUntilReady(REDIS_SENTINEL, [config], '+monitor master'))
      sentinelPorts.push(port)
    }
  } catch (error) {
    for (const child of children) child.kill('SIGKILL')
    await Promise.all(servers.map((server) => server.close()))
    throw error
  }

  await Promise.all(
    sentinelPorts.map((port) => sentinelReady(port, count - 1, undefined, onSentinel)),
  )

  const named = async () => {
    const port = await primaryPortOf(sentinelPorts[0] ?? 0, onSentinel)
    return servers.find((server) => server.port === port)
  }
  return {
    servers,
    sentinelPorts,
    target: {
      mode: 'sentinel',
      sentinels: sentinelPorts.map((port) => ({ host: '127.0.0.1', port })),
      primaryName: PRIMARY_NAME,
      username: undefined,
      password: secured?.password,
      db: 0,
      tls: secured !== undefined,
    },
    async primary() {
      return (await named()) ?? Promise.reject(new Error('the Sentinels name no known primary'))
    },
    async promotedAfter(old, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const now = await named()
        if (now !== undefined && now !== old && (await roleOf(now.port, onRedis)) === 'master') {
          return now
        }
        await delay(50)
      }
      throw new Error(`no replica was promoted within ${timeoutMs} ms`)
    },
    async close() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined)
              child.once('exit', resolve)
              child.kill('SIGKILL')
            }),
        ),
      )
      await Promise.all(servers.map((server) => server.close()))
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
