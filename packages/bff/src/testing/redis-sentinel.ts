// Redis Sentinel for real, for tests: Debian's redis-server as a primary and one replica, and
// Debian's redis-sentinel watching them, each on a free loopback port in a temporary directory.
// The Sentinels' configuration is sentinelConfig(), which the topology (scripts/topology) uses
// too. Test support only; nothing that ships imports it.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { Redis } from 'ioredis'
import type { RedisTarget } from '../session/redis-target.ts'
import { freePort } from './free-port.ts'
import { startRedisServer, type RunningRedis } from './redis-server.ts'

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
}

/** A redis-sentinel config file's text: on 127.0.0.1, watching the primary at `primaryPort`. */
export function sentinelConfig(o: SentinelConfigOptions): string {
  return [
    `port ${o.port}`,
    'bind 127.0.0.1',
    'daemonize no',
    `dir ${o.dir}`,
    `sentinel monitor ${PRIMARY_NAME} 127.0.0.1 ${o.primaryPort} ${o.quorum}`,
    `sentinel down-after-milliseconds ${PRIMARY_NAME} ${o.downAfterMs}`,
    `sentinel failover-timeout ${PRIMARY_NAME} ${o.failoverTimeoutMs}`,
    `sentinel parallel-syncs ${PRIMARY_NAME} 1`,
    '',
  ].join('\n')
}

/** The primary the Sentinel on `port` names now (its port), or undefined when it cannot say. */
export async function primaryPortOf(sentinelPort: number): Promise<number | undefined> {
  const sentinel = new Redis({ host: '127.0.0.1', port: sentinelPort, lazyConnect: true })
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
export async function roleOf(port: number): Promise<string | undefined> {
  const client = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    retryStrategy: () => null,
  })
  client.on('error', () => undefined)
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

/** Waits until the Redis on `port` is a replica whose link to its primary is up (synced). */
export async function replicating(port: number, timeoutMs = 10_000): Promise<void> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true })
  try {
    await client.connect()
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if ((await client.info('replication')).includes('master_link_status:up')) return
      await delay(20)
    }
    throw new Error(`the Redis on ${port} did not catch up with its primary in ${timeoutMs} ms`)
  } finally {
    client.disconnect()
  }
}

/**
 * Waits until the Sentinel on `port` knows a replica it could promote and `others` other
 * Sentinels (to agree on a failover with): until then a failover would find no one.
 */
export async function sentinelReady(port: number, others: number, timeoutMs = 15_000) {
  const sentinel = new Redis({ host: '127.0.0.1', port, lazyConnect: true })
  try {
    await sentinel.connect()
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const replicas = (await sentinel.call('SENTINEL', 'REPLICAS', PRIMARY_NAME)) as string[][]
      const sentinels = (await sentinel.call('SENTINEL', 'SENTINELS', PRIMARY_NAME)) as unknown[]
      // A replica it has asked itself (INFO), that is up and linked to the primary.
      const promotable = replicas.some((fields) => {
        const field = (name: string) => fields[fields.indexOf(name) + 1]
        return field('flags') === 'slave' && field('master-link-status') === 'ok'
      })
      if (promotable && sentinels.length >= others) return
      await delay(50)
    }
    throw new Error(
      `the Sentinel on ${port} did not find the replica and its peers in ${timeoutMs} ms`,
    )
  } finally {
    sentinel.disconnect()
  }
}

/**
 * Waits until a write to the primary on `port` reaches a replica (WAIT). A replica that has just
 * loaded its first copy is online only once its first acknowledgement arrives (within a second):
 * writes before that stay in the primary's buffer, and a crash would lose them.
 */
const PROBE = 'sso-bridge-test:probe'

export async function acknowledging(port: number, timeoutMs = 10_000): Promise<void> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true })
  try {
    await client.connect()
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      await client.set(PROBE, '1', 'PX', 1_000)
      const acknowledged = await client.wait(1, 100)
      if (acknowledged >= 1) {
        await client.del(PROBE)
        return
      }
    }
    throw new Error(`no replica of the Redis on ${port} acknowledged a write in ${timeoutMs} ms`)
  } finally {
    client.disconnect()
  }
}

/** Waits until every replica of the primary on `port` has all it wrote (same offset). */
export async function caughtUp(port: number, timeoutMs = 10_000): Promise<void> {
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true })
  try {
    await client.connect()
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const info = await client.info('replication')
      const offset = /master_repl_offset:(\d+)/.exec(info)?.[1]
      const replicas = [...info.matchAll(/slave\d+:.*offset=(\d+)/g)].map((m) => m[1])
      if (replicas.length > 0 && replicas.every((at) => at === offset)) return
      await delay(20)
    }
    throw new Error(`the replicas of the Redis on ${port} did not catch up in ${timeoutMs} ms`)
  } finally {
    client.disconnect()
  }
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

function launchSentinel(config: string): Promise<ChildProcess> {
  const child = spawn(REDIS_SENTINEL, [config], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`redis-sentinel did not start in 10 s:\n${output}`))
    }, 10_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      if (!output.includes('+monitor master')) return
      clearTimeout(timer)
      child.stdout.off('data', read)
      resolve(child)
    }
    child.stdout.on('data', read)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`redis-sentinel exited (${code}) before it was ready:\n${output}`))
    })
  })
}

/**
 * A primary, its replica and `sentinels` Sentinels (quorum: a majority), which call the primary
 * down after `downAfterMs` (default 500 ms) without an answer.
 */
export async function startSentinelGroup(
  options: { readonly sentinels?: number; readonly downAfterMs?: number } = {},
): Promise<SentinelGroup> {
  if (!existsSync(REDIS_SENTINEL)) {
    throw new Error(
      `redis-sentinel is missing (${REDIS_SENTINEL}): apt-get install -y redis-sentinel; .ci/run installs it`,
    )
  }
  const count = options.sentinels ?? 1
  const primary = await startRedisServer()
  const replica = await startRedisServer({ replicaOf: primary.port })
  const servers = [primary, replica] as const
  await replicating(replica.port)
  await acknowledging(primary.port)
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
        }),
      )
      children.push(await launchSentinel(config))
      sentinelPorts.push(port)
    }
  } catch (error) {
    for (const child of children) child.kill('SIGKILL')
    await Promise.all(servers.map((server) => server.close()))
    throw error
  }

  await Promise.all(sentinelPorts.map((port) => sentinelReady(port, count - 1)))

  const named = async () => {
    const port = await primaryPortOf(sentinelPorts[0] ?? 0)
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
      password: undefined,
      db: 0,
      tls: false,
    },
    async primary() {
      return (await named()) ?? Promise.reject(new Error('the Sentinels name no known primary'))
    },
    async promotedAfter(old, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        const now = await named()
        if (now !== undefined && now !== old && (await roleOf(now.port)) === 'master') return now
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
