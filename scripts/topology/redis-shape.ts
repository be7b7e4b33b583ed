// The session store of the local production shape (topology.ts): Debian's redis-server alone, or
// the high-availability shape, a primary, one replica and three of Debian's redis-sentinel, all on
// loopback ports moved as far as the BFF's (6879 and 6880, Sentinels on 26879 to 26881 on the
// topology's stack). Each server saves a snapshot when it stops and loads it when it starts; a
// server started again comes back as a replica of the primary the Sentinels name, as an operator
// would start it.
import { writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { Redis } from 'ioredis'
import { HOST } from '../../sandbox/ports.ts'
import { REDIS_SERVER } from '../../packages/bff/src/testing/redis-server.ts'
import {
  acknowledging,
  PRIMARY_NAME,
  primaryPortOf,
  REDIS_SENTINEL,
  replicating,
  roleOf,
  sentinelConfig,
  sentinelReady,
} from '../../packages/bff/src/testing/redis-sentinel.ts'
import { Service } from './processes.ts'

export { REDIS_SENTINEL }

/** Sentinels in the high-availability shape; two must agree the primary is down. */
const SENTINELS = 3
/** How long the primary must not answer before a Sentinel calls it down. */
export const DOWN_AFTER_MS = 1_000

/** Whether Redis (or a Sentinel) answers PING on `port`. */
function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolvePing) => {
    const socket = connect({ host: HOST, port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolvePing(ok)
    }
    socket.setTimeout(1_000, () => done(false))
    socket.on('error', () => done(false))
    socket.on('connect', () => socket.write('PING\r\n'))
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')))
  })
}

export interface RedisShapeOptions {
  readonly dir: string
  readonly logs: string
  /** The first server's port; the replica is on the next one. */
  readonly port: number
  /** The first Sentinel's port; the others follow. */
  readonly sentinelPort: number
  readonly highAvailability: boolean
}

export class RedisShape {
  /** [0] the first primary, [1] its replica (high availability only). */
  readonly servers: readonly Service[]
  readonly sentinels: readonly Service[]
  readonly ports: readonly number[]
  readonly sentinelPorts: readonly number[]

  constructor(readonly options: RedisShapeOptions) {
    const count = options.highAvailability ? 2 : 1
    this.ports = Array.from({ length: count }, (_, i) => options.port + i)
    this.sentinelPorts = options.highAvailability
      ? Array.from({ length: SENTINELS }, (_, i) => options.sentinelPort + i)
      : []
    this.servers = this.ports.map(
      (port, i) =>
        new Service({
          name: `redis-server ${port}`,
          command: REDIS_SERVER,
          args: async () => [...this.#serverArgs(port, i), ...(await this.#replicaOf(port))],
          logFile: join(options.logs, `redis-${port}.log`),
          ready: () => redisAnswers(port),
        }),
    )
    this.sentinels = this.sentinelPorts.map((port) => {
      const config = join(options.dir, `sentinel-${port}.conf`)
      return new Service({
        name: `redis-sentinel ${port}`,
        command: REDIS_SENTINEL,
        // A Sentinel rewrites its file with what it learns; it is written once, at the first start.
        args: [config],
        logFile: join(options.logs, `sentinel-${port}.log`),
        ready: () => redisAnswers(port),
      })
    })
    this.sentinelPorts.forEach((port) => {
      writeFileSync(
        join(options.dir, `sentinel-${port}.conf`),
        sentinelConfig({
          port,
          dir: options.dir,
          primaryPort: options.port,
          quorum: Math.floor(SENTINELS / 2) + 1,
          downAfterMs: DOWN_AFTER_MS,
          failoverTimeoutMs: 10_000,
        }),
      )
    })
  }

  /** SSO_SESSION_STORE of the BFF instances. */
  get storeSetting(): string {
    return this.options.highAvailability
      ? `redis-sentinel://${this.sentinelPorts.map((port) => `${HOST}:${port}`).join(',')}/${PRIMARY_NAME}`
      : `redis://${HOST}:${this.options.port}`
  }

  #serverArgs(port: number, index: number): string[] {
    return [
      '--bind',
      HOST,
      '--port',
      String(port),
      '--dir',
      this.options.dir,
      '--dbfilename',
      `sessions-${index}.rdb`,
      // An RDB snapshot on shutdown, loaded at start: a stopped Redis comes back with its
      // sessions. The replica has them all the time (a crash loses none that it acknowledged).
      '--save',
      '3600 1',
      '--appendonly',
      'no',
      '--repl-diskless-sync-delay',
      '0',
      '--daemonize',
      'no',
      '--loglevel',
      'warning',
    ]
  }

  /**
   * `--replicaof` the primary the Sentinels name, when it is another server that runs; nothing
   * for the single server, the first start, or the primary of record itself.
   */
  async #replicaOf(port: number): Promise<string[]> {
    if (!this.options.highAvailability) return []
    const named = (await this.#namedPrimary()) ?? this.options.port
    if (named === port || !(await redisAnswers(named))) return []
    return ['--replicaof', HOST, String(named)]
  }

  async #namedPrimary(): Promise<number | undefined> {
    for (const port of this.sentinelPorts) {
      const named = await primaryPortOf(port)
      if (named !== undefined) return named
    }
    return undefined
  }

  /**
   * Starts whatever is not running: the primary of record first, then the replica, then the
   * Sentinels; resolves once the replica has caught up and the Sentinels could fail over.
   */
  async start(): Promise<void> {
    const first = (await this.#namedPrimary()) ?? this.options.port
    const order = [...this.servers].sort(
      (a, b) => Number(this.#portOf(b) === first) - Number(this.#portOf(a) === first),
    )
    for (const server of order) await server.start()
    await Promise.all(this.sentinels.map((sentinel) => sentinel.start()))
    if (!this.options.highAvailability) return
    const primary = (await this.#namedPrimary()) ?? first
    await Promise.all(
      this.ports.filter((port) => port !== primary).map((port) => replicating(port)),
    )
    await acknowledging(primary)
    await Promise.all(this.sentinelPorts.map((port) => sentinelReady(port, SENTINELS - 1)))
  }

  /** Stops the Sentinels, then each replica, then the primary: nothing fails over on the way. */
  async stop(): Promise<void> {
    await Promise.all(this.sentinels.map((sentinel) => sentinel.stop()))
    await this.stopServers()
  }

  /** Every Redis server stopped gracefully (each saves its snapshot), replicas first. */
  async stopServers(): Promise<void> {
    const primary = await this.#namedPrimary()
    const order = [...this.servers].sort(
      (a, b) => Number(this.#portOf(a) === primary) - Number(this.#portOf(b) === primary),
    )
    for (const server of order) await server.stop()
  }

  #portOf(server: Service): number {
    return this.ports[this.servers.indexOf(server)] ?? 0
  }

  /** The server the Sentinels name primary now (the only one without them). */
  async primary(): Promise<Service> {
    const port = this.options.highAvailability ? await this.#namedPrimary() : this.options.port
    const server = this.servers.find((s) => this.#portOf(s) === port)
    if (server === undefined) throw new Error('the Sentinels name no known primary')
    return server
  }

  /**
   * Waits until the Sentinels name a primary other than `old` and it is one (it accepts
   * writes); resolves to it.
   */
  async promotedAfter(old: Service, timeoutMs = 30_000): Promise<Service> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      const named = await this.#namedPrimary()
      const server = this.servers.find((s) => this.#portOf(s) === named)
      if (server !== undefined && server !== old && (await roleOf(named ?? 0)) === 'master') {
        return server
      }
      await delay(50)
    }
    throw new Error(`no replica was promoted within ${timeoutMs} ms`)
  }

  /** Waits until `server` replicates the primary the Sentinels name, caught up. */
  async waitUntilReplica(server: Service, timeoutMs = 30_000): Promise<void> {
    const port = this.#portOf(server)
    const deadline = Date.now() + timeoutMs
    while ((await roleOf(port)) !== 'slave') {
      if (Date.now() > deadline)
        throw new Error(`redis ${port} is no replica after ${timeoutMs} ms`)
      await delay(100)
    }
    await replicating(port, Math.max(1_000, deadline - Date.now()))
    await acknowledging(this.#portOf(await this.primary()))
  }

  /** The keys (sessions and locks) the server holds now. */
  async keyCount(server: Service): Promise<number> {
    const client = new Redis({ host: HOST, port: this.#portOf(server), lazyConnect: true })
    try {
      await client.connect()
      return await client.dbsize()
    } finally {
      client.disconnect()
    }
  }
}
