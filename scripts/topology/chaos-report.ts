// The arithmetic of the chaos run (scripts/topology/chaos.ts), kept apart from the servers so it
// is tested on its own: which requests fell in a window, their answers by status, latency
// percentiles, the longest stretch of failed requests, the failover time, the sessions lost, and
// the table printed at the end. Times are milliseconds on the run's clock (0 when the load began).

/** What the load sends through nginx: the session check, the two sign-in calls, a hand-off. */
export const REQUEST_KINDS = ['session', 'initiate', 'login', 'handoff'] as const
export type RequestKind = (typeof REQUEST_KINDS)[number]

/** One request through nginx. */
export interface RequestRecord {
  readonly kind: RequestKind
  readonly start: number
  readonly end: number
  /** The answer's status; 0 when none came (refused, reset, timed out). */
  readonly status: number
}

/** Every request of the run expects a 2xx: anything else (0, a 5xx, any 4xx) failed. */
export function failed(record: RequestRecord): boolean {
  return record.status < 200 || record.status > 299
}

/** The `q` quantile of `sorted` (ascending): the value below which a share `q` falls. */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

/** A part of the run, from `from` (included) to `to` (excluded). */
export interface Span {
  readonly from: number
  readonly to: number
}

/** The requests that began in `span`, in the order they began. */
export function within(records: readonly RequestRecord[], span: Span): RequestRecord[] {
  return records
    .filter((record) => record.start >= span.from && record.start < span.to)
    .sort((a, b) => a.start - b.start)
}

/** A fault's part of the run: the calm window before it, the fault, the calm window after it. */
export interface FaultSpans {
  readonly before: Span
  readonly during: Span
  readonly after: Span
}

/**
 * The requests of each of a fault's windows. A request in flight at any moment of the fault
 * counts for the fault, even if it began in the calm before (a POST an instance was answering
 * when it was killed); the others count where they began.
 */
export function windowsOf(
  records: readonly RequestRecord[],
  spans: FaultSpans,
): Record<keyof FaultSpans, RequestRecord[]> {
  const { before, during, after } = spans
  const inFault = (record: RequestRecord) => record.start < during.to && record.end > during.from
  return {
    before: within(records, before).filter((record) => !inFault(record)),
    during: records.filter(inFault).sort((a, b) => a.start - b.start),
    after: within(records, after).filter((record) => !inFault(record)),
  }
}

export interface Latency {
  readonly requests: number
  readonly failed: number
  /** Over the answered requests (status 0 has no latency worth the name); null for none. */
  readonly p50Ms: number | null
  readonly p99Ms: number | null
}

export interface WindowStats extends Latency {
  readonly fromMs: number
  readonly toMs: number
  /** Answers by status ("0" for no answer). */
  readonly statuses: Readonly<Record<string, number>>
  readonly byKind: Readonly<Partial<Record<RequestKind, Latency>>>
}

const round = (ms: number) => Math.round(ms * 10) / 10

function latencyOf(records: readonly RequestRecord[]): Latency {
  const times = records
    .filter((record) => record.status !== 0)
    .map((record) => record.end - record.start)
    .sort((a, b) => a - b)
  return {
    requests: records.length,
    failed: records.filter(failed).length,
    p50Ms: times.length === 0 ? null : round(percentile(times, 0.5)),
    p99Ms: times.length === 0 ? null : round(percentile(times, 0.99)),
  }
}

/** `records`, the requests of the window `span`: counts, statuses, latency overall and per kind. */
export function windowStats(mine: readonly RequestRecord[], span: Span): WindowStats {
  const statuses: Record<string, number> = {}
  for (const record of mine) statuses[record.status] = (statuses[record.status] ?? 0) + 1
  const byKind: Partial<Record<RequestKind, Latency>> = {}
  for (const kind of REQUEST_KINDS) {
    const ofKind = mine.filter((record) => record.kind === kind)
    if (ofKind.length > 0) byKind[kind] = latencyOf(ofKind)
  }
  return {
    fromMs: round(span.from),
    toMs: round(span.to),
    ...latencyOf(mine),
    statuses,
    byKind,
  }
}

export interface Stretch {
  /** The kind of the requests that failed in a row; null for none. */
  readonly kind: RequestKind | null
  /** Consecutive failed requests of that kind, in the order they began. */
  readonly count: number
  /** From the first one's start to the last one's end; 0 for none. */
  readonly ms: number
  /** When the first one began; null for none. */
  readonly fromMs: number | null
}

const NO_STRETCH: Stretch = { kind: null, count: 0, ms: 0, fromMs: null }

/** The longest run of failed requests of one kind, taken in the order they began. */
function stretchOf(kind: RequestKind, records: readonly RequestRecord[]): Stretch {
  let longest = NO_STRETCH
  let run: RequestRecord[] = []
  const close = () => {
    const first = run[0]
    if (first !== undefined) {
      const end = Math.max(...run.map((record) => record.end))
      if (end - first.start > longest.ms) {
        longest = {
          kind,
          count: run.length,
          ms: round(end - first.start),
          fromMs: round(first.start),
        }
      }
    }
    run = []
  }
  for (const record of [...records].sort((a, b) => a.start - b.start)) {
    if (failed(record)) run.push(record)
    else close()
  }
  close()
  return longest
}

/**
 * The longest time one kind of request kept failing: a success of another kind in between (a
 * sign-in start, which needs no session store) does not end a run of failed session checks.
 */
export function longestFailureStretch(records: readonly RequestRecord[]): Stretch {
  const kinds = [...new Set(records.map((record) => record.kind))]
  return kinds
    .map((kind) =>
      stretchOf(
        kind,
        records.filter((record) => record.kind === kind),
      ),
    )
    .reduce((longest, stretch) => (stretch.ms > longest.ms ? stretch : longest), NO_STRETCH)
}

/**
 * How long after `at` the first request of `kinds` that began at or after `at` was answered
 * with a 2xx: after a primary kill, the first write (a login) or read served by the new primary.
 * Null when none was.
 */
export function firstSuccessAfter(
  records: readonly RequestRecord[],
  at: number,
  kinds: readonly RequestKind[],
): number | null {
  const ends = records
    .filter((record) => record.start >= at && kinds.includes(record.kind) && !failed(record))
    .map((record) => record.end)
  return ends.length === 0 ? null : round(Math.min(...ends) - at)
}

/** The sessions-lost check of one fault: each session's GET /api/session status. */
export interface SessionsCheck {
  /** Sessions asked before the fault. */
  readonly checkedBefore: number
  /** Of those, the ones that answered 200. */
  readonly validBefore: number
  /** 200 before the fault, 401 after it. */
  readonly lost: number
  /** Sign-ins answered 200 while the fault lasted (up to the check after it). */
  readonly createdDuringFault: number
  /** Of those, the ones that answered 401 after it. */
  readonly lostCreatedDuringFault: number
  /** Sessions whose check after the fault got neither 200 nor 401 (not counted as lost). */
  readonly unanswered: number
}

/**
 * Compares the checks before and after a fault (session id → status). `created` are the ids of
 * the sessions whose sign-in was answered during the fault.
 */
export function sessionsCheck(
  before: ReadonlyMap<number, number>,
  after: ReadonlyMap<number, number>,
  created: ReadonlySet<number>,
): SessionsCheck {
  const valid = [...before].filter(([, status]) => status === 200).map(([id]) => id)
  const fresh = [...created].filter((id) => !before.has(id))
  return {
    checkedBefore: before.size,
    validBefore: valid.length,
    lost: valid.filter((id) => after.get(id) === 401).length,
    createdDuringFault: fresh.length,
    lostCreatedDuringFault: fresh.filter((id) => after.get(id) === 401).length,
    unanswered: [...valid, ...fresh].filter((id) => ![200, 401].includes(after.get(id) ?? 0))
      .length,
  }
}

export const FAULT_NAMES = ['bff-kill', 'primary-kill', 'bff-stall', 'slow-indee'] as const
export type FaultName = (typeof FAULT_NAMES)[number]

export interface FaultReport {
  readonly fault: FaultName
  readonly description: string
  readonly before: WindowStats
  readonly during: WindowStats
  readonly after: WindowStats
  /** What happened when, in ms after the fault began ("killed", "restarted", "promoted", …). */
  readonly events: Readonly<Record<string, number>>
  /** Over the three windows. */
  readonly longestFailureStretch: Stretch
  /** Failed requests of the three windows by kind and status: "login 502" → 1. */
  readonly failures: Readonly<Record<string, number>>
  readonly sessions: SessionsCheck
  /**
   * Primary kill: from the kill to the first login (a write) answered 2xx among those sent after
   * it, and the same for the session check (a read of the primary).
   */
  readonly failover?: { readonly writeMs: number | null; readonly readMs: number | null }
  /** From the fault's start until every instance's /readyz answered 200; null if never. */
  readonly recoveredMs: number | null
  /** Every instance's /readyz answered 200 at the end, and no request failed after the fault. */
  readonly healthyAfter: boolean
  /** Why the fault could not be injected or ended as planned (the run exits non-zero). */
  readonly error?: string
}

export interface ChaosReport {
  readonly startedAt: string
  /** The load's length as asked (CHAOS_SECONDS), and as it ran. */
  readonly seconds: number
  readonly ranSeconds: number
  readonly load: {
    readonly sessionLoops: number
    readonly poolAtStart: number
    readonly poolAtEnd: number
    /** Sign-ins that failed at the identity provider itself (not behind nginx). */
    readonly idpFailures: number
  }
  readonly totals: WindowStats
  readonly faults: readonly FaultReport[]
}

/** "failed" of `records` by kind and status: `{ "login 502": 1 }`. */
export function failuresByKind(records: readonly RequestRecord[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const record of records.filter(failed)) {
    const key = `${record.kind} ${record.status}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

const ms = (value: number | null | undefined) => (value == null ? '–' : value.toFixed(1))
const seconds = (value: number) => (value / 1000).toFixed(1)
const pair = (latency: Latency | undefined) =>
  latency === undefined ? '–' : `${ms(latency.p50Ms)} / ${ms(latency.p99Ms)}`

function statusesOf(stats: WindowStats): string {
  return Object.entries(stats.statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}×${count}`)
    .join(' ')
}

const HEADER = [
  'fault'.padEnd(13),
  'window'.padEnd(7),
  'from–to s'.padStart(11),
  'requests'.padStart(8),
  'failed'.padStart(6),
  '  statuses'.padEnd(26),
  'session p50/p99 ms'.padStart(19),
  'login p50/p99 ms'.padStart(18),
  'hand-off p50/p99 ms'.padStart(20),
].join(' ')

function windowRow(fault: string, window: string, stats: WindowStats): string {
  return [
    fault.padEnd(13),
    window.padEnd(7),
    `${seconds(stats.fromMs)}–${seconds(stats.toMs)}`.padStart(11),
    String(stats.requests).padStart(8),
    String(stats.failed).padStart(6),
    `  ${statusesOf(stats)}`.padEnd(26),
    pair(stats.byKind.session).padStart(19),
    pair(stats.byKind.login).padStart(18),
    pair(stats.byKind.handoff).padStart(20),
  ].join(' ')
}

function summaryLines(fault: FaultReport): string[] {
  const { sessions, longestFailureStretch: stretch } = fault
  const failures = Object.entries(fault.failures)
    .map(([key, count]) => `${key} ×${count}`)
    .join(', ')
  const events = Object.entries(fault.events)
    .map(([name, at]) => `${name} +${seconds(at)} s`)
    .join(', ')
  return [
    `  sessions lost: ${sessions.lost} of ${sessions.validBefore}` +
      ` (made during the fault: ${sessions.lostCreatedDuringFault} of ${sessions.createdDuringFault}` +
      `${sessions.unanswered > 0 ? `; ${sessions.unanswered} unanswered` : ''})` +
      ` · longest failed stretch: ${stretch.kind === null ? 'none' : `${stretch.count} ${stretch.kind} requests in a row, ${ms(stretch.ms)} ms`}`,
    `  failed: ${failures === '' ? 'none' : failures}`,
    ...(fault.failover === undefined
      ? []
      : [
          `  failover: first login answered ${ms(fault.failover.writeMs)} ms after the kill,` +
            ` first session check ${ms(fault.failover.readMs)} ms`,
        ]),
    ...(fault.error === undefined ? [] : [`  ERROR: ${fault.error}`]),
    `  ${events} · recovered (every /readyz 200) ` +
      (fault.recoveredMs === null ? 'never' : `+${seconds(fault.recoveredMs)} s`) +
      ` · healthy after: ${fault.healthyAfter ? 'yes' : 'NO'}`,
  ]
}

/** The table printed at the end of `npm run chaos`. */
export function renderTable(report: ChaosReport): string {
  const lines = [HEADER]
  for (const fault of report.faults) {
    lines.push(
      '',
      windowRow(fault.fault, 'before', fault.before),
      windowRow('', 'fault', fault.during),
      windowRow('', 'after', fault.after),
      ...summaryLines(fault),
    )
  }
  lines.push('', windowRow('whole run', '', report.totals))
  return lines.join('\n')
}
