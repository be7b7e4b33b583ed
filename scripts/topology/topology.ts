// The production shape, run on this machine (docs/deployment.md "Topology"): Debian's nginx
// serving a copy of the build with the generated config (deploy/nginx, plain-HTTP variant) and
// proxying /api to several BFF instances, each the packed sso-bridge-bff package as an operator
// installs it (bff-package.ts), which keep their sessions in Debian's redis-server (by default a
// primary and a replica watched by three of Debian's redis-sentinel: redis-shape.ts) and serve
// their metrics on a port of their own, scraped by Debian's Prometheus (prometheus.ts); the
// sandbox stands for the identity provider, Indee and the vendors. Used by the topology journeys
// (e2e/topology) and `npm run bench:server`. Every server binds to 127.0.0.1.
//
// The process that imports this must already run on the topology's ports (SSO_PORT_* set before
// sandbox/ports.ts loads: playwright.topology.config.ts and scripts/bench-server.ts do that).
import { randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { bffEnvironment } from '../../sandbox/bff-env.ts'
import { DEFAULT_PORTS, HOST, moveOrigins, ports } from '../../sandbox/ports.ts'
import { startParties, type RunningParties } from '../../sandbox/start-parties.ts'
import { renderNginxConfig } from '../nginx-config.ts'
import { formActionOrigins } from '../security-headers.ts'
import { REDIS_SERVER } from '../../packages/bff/src/testing/redis-server.ts'
import { installedBffBin } from './bff-package.ts'
import { answers, Service } from './processes.ts'
import { REDIS_SENTINEL, RedisShape } from './redis-shape.ts'
import { BFF_JOB, PROMETHEUS, queryPrometheus, renderPrometheusConfig } from './prometheus.ts'

export const NGINX = '/usr/sbin/nginx'
/** The runtime config of the build, which nginx serves on this shape's ports (`moveOrigins`). */
const BUILT_CONFIG = 'dist/sso.config.json'
/** Which of the Debian servers is missing (by package name). */
export function missingServers(): string[] {
  return [
    ...(existsSync(NGINX) ? [] : ['nginx']),
    ...(existsSync(REDIS_SERVER) ? [] : ['redis-server']),
    ...(existsSync(REDIS_SENTINEL) ? [] : ['redis-sentinel']),
    ...(existsSync(PROMETHEUS) ? [] : ['prometheus']),
  ]
}

/** Each instance's metrics listener is on its public port + this (4520 → 9520 on stack 5). */
const METRICS_PORT_OFFSET = 5000
/** The BFF instances' names, in the `bff` label and their log files. */
const INSTANCE_NAMES = 'abcdefghij'

export interface TopologyOptions {
  /**
   * Working directory: logs, the served copy of dist/, nginx's prefix, Redis's and Prometheus's
   * data.
   */
  readonly dir: string
  /** BFF instances behind nginx (default 2). */
  readonly instances?: number
  /**
   * Where the BFF instances keep sessions: `sentinel` (default) a primary, a replica and three
   * Sentinels; `redis` one redis-server; `memory` each instance its own.
   */
  readonly sessionStore?: 'sentinel' | 'redis' | 'memory'
  /** Sign-ins per client address and minute on each instance (the BFF's default: 60). */
  readonly rateLimitPerMinute?: number
  /** nginx's worker_processes (default 1; 'auto' is one per core, as in production). */
  readonly nginxWorkers?: string
  /** nginx's keepalive_requests (default: nginx's own 1000). */
  readonly nginxKeepaliveRequests?: number
}

export class Topology {
  /** nginx's origin: the app's origin in this shape. */
  readonly appOrigin = `http://${HOST}:${ports.appPreview}`
  /** Redis's usual 6379 on the default ports, moved as far as the BFF's port is. */
  readonly redisPort = 6379 + ports.bff - DEFAULT_PORTS.bff
  /** Sentinel's usual 26379, moved the same way. */
  readonly sentinelPort = 26379 + ports.bff - DEFAULT_PORTS.bff
  /** Prometheus's usual 9090, moved the same way. */
  readonly prometheusOrigin = `http://${HOST}:${9090 + ports.bff - DEFAULT_PORTS.bff}`
  readonly bffPorts: readonly number[]
  /** Each instance's metrics listener (SSO_BFF_METRICS_PORT), on 127.0.0.1 only. */
  readonly metricsPorts: readonly number[]
  /** The session store's servers (none with the memory store). */
  readonly redis: RedisShape
  readonly bffs: readonly Service[]
  readonly nginx: Service
  readonly prometheus: Service
  readonly accessLogPath: string
  /** CSP form-action of the pages nginx serves: the portal origins of the config it serves. */
  readonly formActions: readonly string[]
  readonly signInSecret = randomBytes(32).toString('base64url')
  #sandbox: RunningParties | undefined

  get #usesRedis(): boolean {
    return (this.options.sessionStore ?? 'sentinel') !== 'memory'
  }

  constructor(readonly options: TopologyOptions) {
    const dir = resolve(options.dir)
    // Each run starts clean: no old log lines, no sessions left in Redis's snapshot.
    rmSync(dir, { recursive: true, force: true })
    const logs = join(dir, 'logs')
    mkdirSync(logs, { recursive: true })
    const count = options.instances ?? 2
    this.bffPorts = Array.from({ length: count }, (_, i) => ports.bff + i)
    this.metricsPorts = this.bffPorts.map((port) => port + METRICS_PORT_OFFSET)
    this.accessLogPath = join(logs, 'nginx-access.log')

    this.redis = new RedisShape({
      dir,
      logs,
      port: this.redisPort,
      sentinelPort: this.sentinelPort,
      highAvailability: (options.sessionStore ?? 'sentinel') === 'sentinel',
    })

    const store = this.#usesRedis
    const bffEnv = {
      ...bffEnvironment(),
      // nginx reaches the instances from loopback: its X-Forwarded-For is the browser's address.
      SSO_BFF_TRUST_PROXY: HOST,
      SSO_BFF_LOG_LEVEL: 'warn',
      SSO_BFF_SIGNIN_SECRET: this.signInSecret,
      ...(store && { SSO_SESSION_STORE: this.redis.storeSetting }),
      ...(options.rateLimitPerMinute !== undefined && {
        SSO_BFF_RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute),
      }),
    }
    const bffBin = installedBffBin()
    this.bffs = this.bffPorts.map(
      (port, i) =>
        new Service({
          name: `BFF ${instanceName(i)}`,
          command: process.execPath,
          args: [bffBin],
          env: {
            ...bffEnv,
            SSO_BFF_PORT: String(port),
            SSO_BFF_METRICS_HOST: HOST,
            SSO_BFF_METRICS_PORT: String(this.metricsPorts[i]),
          },
          logFile: join(logs, `bff-${instanceName(i)}.log`),
          ready: () => answers(`http://${HOST}:${port}/healthz`, 200),
        }),
    )

    const prometheusConfig = join(dir, 'prometheus.yml')
    writeFileSync(
      prometheusConfig,
      renderPrometheusConfig(
        this.metricsPorts.map((port, i) => ({ address: `${HOST}:${port}`, bff: instanceName(i) })),
      ),
    )
    this.prometheus = new Service({
      name: 'prometheus',
      command: PROMETHEUS,
      args: [
        `--config.file=${prometheusConfig}`,
        `--storage.tsdb.path=${join(dir, 'prometheus')}`,
        `--web.listen-address=${new URL(this.prometheusOrigin).host}`,
        '--log.level=warn',
      ],
      logFile: join(logs, 'prometheus.log'),
      ready: () => answers(`${this.prometheusOrigin}/-/ready`, 200),
    })

    const site = join(dir, 'site')
    this.formActions = formActionOrigins(BUILT_CONFIG, { served: moveOrigins })
    const config = renderNginxConfig({
      tls: false,
      listen: `${HOST}:${ports.appPreview}`,
      serverName: HOST,
      root: site,
      upstreams: this.bffPorts.map((port) => `${HOST}:${port}`),
      formActions: this.formActions,
      accessLog: this.accessLogPath,
      errorLog: join(logs, 'nginx-error.log'),
      pidFile: join(dir, 'nginx.pid'),
      daemon: false,
      // Root here (CI, a user namespace) has no unprivileged user to switch to.
      user: process.getuid?.() === 0 ? 'root' : null,
      workerProcesses: options.nginxWorkers ?? '1',
      keepaliveRequests: options.nginxKeepaliveRequests ?? null,
      tempPrefix: join(dir, 'nginx-temp'),
    })
    this.nginx = new Service({
      name: 'nginx',
      command: NGINX,
      args: ['-c', join(dir, 'nginx.conf'), '-p', dir],
      logFile: join(logs, 'nginx.log'),
      ready: () => answers(`${this.appOrigin}/`, 200),
      readyTimeoutMs: 10_000,
    })
    this.#prepareSite(site, config)
  }

  /** The runtime config as this shape serves it: the build's, on this shape's ports. */
  #servedConfig(): string {
    return moveOrigins(readFileSync(BUILT_CONFIG, 'utf8'))
  }

  #prepareSite(site: string, nginxConfig: string): void {
    if (!existsSync('dist/index.html')) {
      throw new Error('the topology serves the build: run `npm run build` first')
    }
    rmSync(site, { recursive: true, force: true })
    cpSync('dist', site, { recursive: true })
    writeFileSync(join(site, 'sso.config.json'), this.#servedConfig())
    mkdirSync(join(this.options.dir, 'nginx-temp'), { recursive: true })
    writeFileSync(join(this.options.dir, 'nginx.conf'), nginxConfig)
  }

  get sandbox(): RunningParties | undefined {
    return this.#sandbox
  }

  /**
   * Starts whatever is not running: Redis (and its Sentinels), the sandbox, every BFF instance,
   * nginx, Prometheus.
   */
  async start(): Promise<void> {
    const missing = missingServers()
    if (missing.length > 0) {
      throw new Error(
        `the topology needs Debian's ${missing.join(' and ')}: apt-get install -y ${missing.join(' ')} (.ci/run installs them)`,
      )
    }
    if (this.#usesRedis) await this.redis.start()
    if (this.#sandbox === undefined) {
      this.#sandbox = await startParties({ mode: 'test', quiet: true })
    }
    await Promise.all(this.bffs.map((bff) => bff.start()))
    await this.nginx.start()
    await this.prometheus.start()
  }

  async stop(): Promise<void> {
    await this.prometheus.stop()
    await this.nginx.stop()
    await Promise.all(this.bffs.map((bff) => bff.stop()))
    await this.redis.stop()
    await this.#sandbox?.close()
    this.#sandbox = undefined
  }

  /** The nginx access log so far: method, path (callback queries are never logged), upstream. */
  accessLog(): AccessLine[] {
    if (!existsSync(this.accessLogPath)) return []
    return readFileSync(this.accessLogPath, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map(parseAccessLine)
  }

  /**
   * `query`'s value on each BFF instance (indexed as `bffs`) as Prometheus last scraped it: 0 for
   * an instance without the series (a labelled counter appears at its first count).
   */
  async metricOnEachInstance(query: string): Promise<number[]> {
    const samples = await queryPrometheus(this.prometheusOrigin, query)
    return this.bffs.map((_, i) => {
      const mine = samples.filter((sample) => sample.labels['bff'] === instanceName(i))
      if (mine.length > 1) throw new Error(`${query} has several series on BFF ${instanceName(i)}`)
      return mine[0]?.value ?? 0
    })
  }

  /**
   * Whether Prometheus's last scrape of every instance succeeded and began at or after `since`
   * (seconds since the epoch): a value read after this is no older than `since`. `up` is stored
   * with the scrape's samples, stamped with the time the scrape began.
   */
  async scrapedSince(since: number): Promise<boolean> {
    const up = `up{job="${BFF_JOB}"}`
    const scrapes = await queryPrometheus(this.prometheusOrigin, `timestamp(${up}) and ${up} == 1`)
    return this.bffs.every((_, i) => {
      const at = scrapes.find((sample) => sample.labels['bff'] === instanceName(i))?.value
      return at !== undefined && at >= since
    })
  }

  /** The BFF instance (index into `bffs`) that served the last request `method` `path…`. */
  servedBy(method: string, path: string): number {
    const line = this.accessLog()
      .filter((l) => l.method === method && l.uri.startsWith(path))
      .at(-1)
    // After a retry nginx lists every upstream it tried: the last one answered.
    const port = Number(line?.upstream.split(',').at(-1)?.trim().split(':').at(-1))
    const index = this.bffPorts.indexOf(port)
    if (index < 0) throw new Error(`no BFF instance served ${method} ${path}`)
    return index
  }
}

function instanceName(index: number): string {
  return INSTANCE_NAMES[index] ?? String(index)
}

export interface AccessLine {
  readonly raw: string
  readonly method: string
  readonly uri: string
  readonly status: number
  /** `$upstream_addr`: "127.0.0.1:4520", several after a retry, "-" for files nginx served. */
  readonly upstream: string
}

const ACCESS_LINE = /"(\S+) (\S+) [^"]*" (\d{3}) \S+ \S+ upstream=(.+?) upstream_status=/

function parseAccessLine(raw: string): AccessLine {
  const match = ACCESS_LINE.exec(raw)
  if (match === null) throw new Error(`not an sso-bridge access log line: ${raw}`)
  const [, method = '', uri = '', status = '0', upstream = ''] = match
  return { raw, method, uri, status: Number(status), upstream }
}
