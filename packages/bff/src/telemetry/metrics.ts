// The BFF's metrics in the Prometheus format (prom-client), one registry per BFF, served on a
// listener of their own (metrics-listener.ts). docs/operations.md lists every metric. Labels take
// values from closed sets only (codes, partner names, route patterns): never a person, an email,
// a token or anything the request chose.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

const PREFIX = 'sso_bridge_bff_'

/** Upstream calls take milliseconds to seconds; the upstream timeout is 5 s by default. */
const UPSTREAM_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
/** Session store operations take well under a millisecond when healthy. */
const STORE_BUCKETS = [0.0002, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/** The class of an HTTP status (`2xx` … `5xx`), or why there was none (`timeout`, `error`). */
export function statusClassOf(status: number | 'timeout' | 'error'): string {
  return typeof status === 'number' ? `${Math.floor(status / 100)}xx` : status
}

export interface MetricsOptions {
  /** The package's version, as `sso_bridge_bff_build_info{version}`. */
  readonly version?: string
  /** Process and Node.js metrics (default true; tests that build many BFFs turn them off). */
  readonly processMetrics?: boolean
}

export function createMetrics(options: MetricsOptions = {}) {
  const registry = new Registry()
  const registers = [registry]
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry })

  const buildInfo = new Gauge({
    name: `${PREFIX}build_info`,
    help: 'Always 1; the version of sso-bridge-bff that runs.',
    labelNames: ['version'],
    registers,
  })
  buildInfo.set({ version: options.version ?? 'unknown' }, 1)
  const beforeScrape: (() => Promise<void>)[] = []

  const httpRequests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'Answers of the public listener, by route pattern, method and status class.',
    labelNames: ['route', 'method', 'status_class'],
    registers,
  })
  const httpDuration = new Histogram({
    name: `${PREFIX}http_request_duration_seconds`,
    help: 'Time from a request to its answer on the public listener, by route pattern.',
    labelNames: ['route', 'method'],
    buckets: REQUEST_BUCKETS,
    registers,
  })
  // Children bound to their labels, made once per route, method and class (a closed set): the
  // request path hashes no label set.
  const answered = new Map<string, { count(): void; time(seconds: number): void }>()

  return {
    registry,
    /** Counts an answer of the public listener and its duration. */
    httpAnswered(route: string, method: string, status: number, seconds: number): void {
      const statusClass = statusClassOf(status)
      const key = `${route} ${method} ${statusClass}`
      let series = answered.get(key)
      if (series === undefined) {
        const counter = httpRequests.labels(route, method, statusClass)
        const histogram = httpDuration.labels(route, method)
        series = { count: () => counter.inc(), time: (s) => histogram.observe(s) }
        answered.set(key, series)
      }
      series.count()
      series.time(seconds)
    },
    /** Runs `check` before each scrape (a gauge that asks something, like the store's ping). */
    beforeScrape(check: () => Promise<void>): void {
      beforeScrape.push(check)
    },
    /** The text a scrape answers, after the checks of {@link beforeScrape}. */
    async scrape(): Promise<string> {
      await Promise.all(beforeScrape.map((check) => check()))
      return registry.metrics()
    },
    signInStarts: new Counter({
      name: `${PREFIX}sign_in_starts_total`,
      help: 'sso/initiate requests, by outcome: ok, or the BFF error code answered.',
      labelNames: ['outcome'],
      registers,
    }),
    signIns: new Counter({
      name: `${PREFIX}sign_ins_total`,
      help: 'sso/login exchanges, by outcome: ok, provider_error, or the BFF error code answered.',
      labelNames: ['outcome'],
      registers,
    }),
    signOuts: new Counter({
      name: `${PREFIX}sign_outs_total`,
      help: 'Sign-outs, by whether a live session ended (session) or there was none (none).',
      labelNames: ['had'],
      registers,
    }),
    handoffs: new Counter({
      name: `${PREFIX}handoffs_total`,
      help: 'Partner hand-off requests, by partner and outcome: ok, or the code answered.',
      labelNames: ['partner', 'outcome'],
      registers,
    }),
    upstreamDuration: new Histogram({
      name: `${PREFIX}upstream_request_duration_seconds`,
      help: 'Calls to Indee and the vendors, by upstream, operation and status class.',
      labelNames: ['upstream', 'operation', 'status_class'],
      buckets: UPSTREAM_BUCKETS,
      registers,
    }),
    refreshes: new Counter({
      name: `${PREFIX}session_refreshes_total`,
      help: 'Session token refreshes at Indee: ok, refused (the session ends), failed (Indee down or slow).',
      labelNames: ['outcome'],
      registers,
    }),
    sessionsExpired: new Counter({
      name: `${PREFIX}sessions_expired_total`,
      help: 'Sessions ended by the BFF, by reason: idle, absolute, refresh_refused.',
      labelNames: ['reason'],
      registers,
    }),
    storeOperations: new Counter({
      name: `${PREFIX}session_store_operations_total`,
      help: 'Session store operations, by operation and outcome (ok, error).',
      labelNames: ['operation', 'outcome'],
      registers,
    }),
    storeDuration: new Histogram({
      name: `${PREFIX}session_store_duration_seconds`,
      help: 'Session store operation latency (the lock excluded: it includes the refresh it guards).',
      labelNames: ['operation'],
      buckets: STORE_BUCKETS,
      registers,
    }),
    storeUnreplicatedWrites: new Counter({
      name: `${PREFIX}session_store_unreplicated_writes_total`,
      help: 'Session writes fewer replicas acknowledged in time than SSO_SESSION_STORE_REPLICAS asks.',
      registers,
    }),
    storeUp: new Gauge({
      name: `${PREFIX}session_store_up`,
      help: '1 when the session store answered a ping at the last scrape, else 0.',
      registers,
    }),
    connectionsDropped: new Counter({
      name: `${PREFIX}connections_dropped_total`,
      help: 'Connections closed unanswered because SSO_BFF_MAX_CONNECTIONS were open.',
      registers,
    }),
    rateLimited: new Counter({
      name: `${PREFIX}rate_limited_total`,
      help: 'Requests refused with 429, by route pattern.',
      labelNames: ['route'],
      registers,
    }),
  }
}

export type BffMetrics = ReturnType<typeof createMetrics>
