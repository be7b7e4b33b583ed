// Faults under load, measured (`npm run chaos`, docs/operations.md "Faults under load"). A pool of
// signed-in sandbox sessions, then steady traffic through nginx for a bounded time: session
// checks, sign-ins (each new session joins the pool) and AssureSign hand-offs. Meanwhile each
// fault of chaos-faults.ts is injected in turn, with a calm window before and after it. Every
// request is recorded; the report (chaos-report.ts) compares each fault's window with the calm
// one before it, and counts the sessions that answered 200 before the fault and 401 after it.
// It asserts nothing: the journey e2e/topology/chaos.spec.ts and the command decide what to make
// of the numbers.
import { setTimeout as delay } from 'node:timers/promises'
import { HOST } from '../../sandbox/ports.ts'
import { USERS, type SandboxUser } from '../../sandbox/users.ts'
import {
  checkSession,
  handOff,
  sessionStatus,
  signIn,
  type ChaosSession,
  type ChaosTarget,
} from './chaos-client.ts'
import { FAULTS, type Fault } from './chaos-faults.ts'
import {
  failuresByKind,
  firstSuccessAfter,
  longestFailureStretch,
  sessionsCheck,
  windowStats,
  windowsOf,
  type ChaosReport,
  type FaultName,
  type FaultReport,
  type RequestRecord,
} from './chaos-report.ts'
import { get } from './processes.ts'
import type { Topology } from './topology.ts'

export interface ChaosOptions {
  /** The production shape, started. */
  readonly topology: Topology
  /** The load's length; the calm windows share what the faults leave of it (at least 2 s each). */
  readonly seconds: number
  /** Injected in this order. */
  readonly faults: readonly FaultName[]
  /** Concurrent loops of GET /api/session (default 6). */
  readonly sessionLoops?: number
  /** Sessions signed in before the load starts (default 12). */
  readonly pool?: number
  /** Progress lines (default: none). */
  readonly log?: (line: string) => void
}

/** Each loop waits this long between two requests: steady traffic, not a saturated machine. */
const SESSION_PAUSE_MS = 20
const SIGN_IN_LOOPS = 2
const SIGN_IN_PAUSE_MS = 200
const HANDOFF_PAUSE_MS = 100
const MIN_CALM_MS = 2_000
/** Recovery (every /readyz 200) is awaited this long at most after a fault ends. */
const RECOVERY_TIMEOUT_MS = 30_000
/** Concurrent requests of a sessions-lost check. */
const CHECK_CONCURRENCY = 8

/** Runs `work` over `items`, `limit` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await work(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

function pick<T>(items: readonly T[]): T | undefined {
  return items[Math.floor(Math.random() * items.length)]
}

/** Whether every BFF instance answers /readyz 200 (asked directly, with the app's Host). */
async function everyInstanceReady(topology: Topology): Promise<boolean> {
  const host = new URL(topology.appOrigin).host
  const answers = await Promise.all(
    topology.bffPorts.map((port) =>
      get(`http://${HOST}:${port}/readyz`, { host }).then(
        (answer) => answer.status === 200,
        () => false,
      ),
    ),
  )
  return answers.every(Boolean)
}

/** The steady traffic: session checks, sign-ins, hand-offs, until stopped. */
class Load {
  readonly #target: ChaosTarget
  readonly #pool: ChaosSession[]
  #stopping = false
  #running: Promise<void>[] = []
  #users = 0
  idpFailures = 0

  constructor(target: ChaosTarget, pool: ChaosSession[]) {
    this.#target = target
    this.#pool = pool
  }

  nextUser(): SandboxUser {
    const user = USERS[this.#users++ % USERS.length]
    if (user === undefined) throw new Error('the sandbox has no users')
    return user
  }

  start(sessionLoops: number): void {
    const loops = [
      ...Array.from({ length: sessionLoops }, () => () => this.#checkOne()),
      ...Array.from({ length: SIGN_IN_LOOPS }, () => () => this.#signInOne()),
      () => this.#handOffOne(),
    ]
    this.#running = loops.map(async (step) => {
      while (!this.#stopping) await step()
    })
  }

  async stop(): Promise<void> {
    this.#stopping = true
    await Promise.all(this.#running)
  }

  async #checkOne(): Promise<void> {
    const session = pick(this.#pool.filter((s) => s.alive))
    if (session !== undefined && (await checkSession(this.#target, session)) === 401) {
      session.alive = false
    }
    await delay(SESSION_PAUSE_MS)
  }

  async #signInOne(): Promise<void> {
    try {
      const session = await signIn(this.#target, this.nextUser())
      if (session !== undefined) this.#pool.push(session)
    } catch {
      this.idpFailures += 1
    }
    await delay(SIGN_IN_PAUSE_MS)
  }

  async #handOffOne(): Promise<void> {
    const allowed = this.#pool.filter((s) => s.alive && s.user.permissions.includes('assuresign'))
    const session = pick(allowed)
    if (session !== undefined && (await handOff(this.#target, session)) === 401) {
      session.alive = false
    }
    await delay(HANDOFF_PAUSE_MS)
  }
}

/**
 * Each session's GET /api/session status through nginx; an answer other than 200 or 401 (the
 * system still recovering) is asked again a few times.
 */
async function statuses(
  appOrigin: string,
  sessions: readonly ChaosSession[],
): Promise<Map<number, number>> {
  const found = new Map<number, number>()
  await eachLimited(sessions, CHECK_CONCURRENCY, async (session) => {
    let status = await sessionStatus(appOrigin, session)
    for (let tries = 1; tries < 4 && status !== 200 && status !== 401; tries += 1) {
      await delay(500)
      status = await sessionStatus(appOrigin, session)
    }
    found.set(session.id, status)
  })
  return found
}

/** Polls /readyz until every instance answers 200; resolves to when (run clock), or null. */
async function recovery(topology: Topology, now: () => number): Promise<number | null> {
  const deadline = now() + RECOVERY_TIMEOUT_MS
  while (now() < deadline) {
    if (await everyInstanceReady(topology)) return now()
    await delay(100)
  }
  return null
}

/** A request of the run, and the window it counts for ("bff-kill during"; "" for none). */
export interface LabelledRecord extends RequestRecord {
  readonly window: string
}

export interface ChaosRun {
  readonly report: ChaosReport
  /** Every request through nginx, in the order they began. */
  readonly requests: readonly LabelledRecord[]
}

/**
 * Runs the load with the faults injected in turn; resolves to the report and every request.
 * Throws when the run cannot happen (the pool could not be signed in); a fault that fails
 * midway is reported (`error`).
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosRun> {
  const { topology, seconds, faults: names, sessionLoops = 6, pool: poolSize = 12 } = options
  const log = options.log ?? (() => undefined)
  const startedAt = new Date().toISOString()
  let origin = performance.now()
  const now = () => performance.now() - origin
  const records: RequestRecord[] = []
  const target: ChaosTarget = {
    appOrigin: topology.appOrigin,
    now,
    record: (record) => records.push(record),
  }

  const pool: ChaosSession[] = []
  const load = new Load(target, pool)
  const users = Array.from({ length: poolSize }, () => load.nextUser())
  await eachLimited(users, 4, async (user) => {
    const session = await signIn(target, user)
    if (session !== undefined) pool.push(session)
  })
  if (pool.length < poolSize) {
    throw new Error(
      `only ${pool.length} of ${poolSize} sign-ins through nginx succeeded before the load; see ${topology.options.dir}/logs`,
    )
  }
  log(`${pool.length} sessions signed in; load for about ${seconds} s`)
  // The run's clock starts with the load; the pool's sign-ins are not part of it.
  records.length = 0
  origin = performance.now()
  load.start(sessionLoops)

  const faults = names.map((name) => FAULTS[name])
  const nominal = faults.reduce((sum, fault) => sum + fault.nominalMs, 0)
  const calmMs = Math.max(MIN_CALM_MS, (seconds * 1000 - nominal) / Math.max(1, 2 * faults.length))
  const reports: FaultReport[] = []
  const labels = new Map<RequestRecord, string>()
  try {
    for (const fault of faults) {
      reports.push(await runFault(fault, { topology, target, pool, records, calmMs, log, labels }))
    }
  } finally {
    await load.stop()
  }
  const ranMs = now()
  const report: ChaosReport = {
    startedAt,
    seconds,
    ranSeconds: Math.round(ranMs / 100) / 10,
    load: {
      sessionLoops,
      poolAtStart: poolSize,
      poolAtEnd: pool.length,
      idpFailures: load.idpFailures,
    },
    totals: windowStats(records, { from: 0, to: ranMs }),
    faults: reports,
  }
  const requests = [...records]
    .sort((a, b) => a.start - b.start)
    .map((record) => ({ ...record, window: labels.get(record) ?? '' }))
  return { report, requests }
}

interface FaultRun {
  readonly topology: Topology
  readonly target: ChaosTarget
  readonly pool: ChaosSession[]
  readonly records: readonly RequestRecord[]
  readonly calmMs: number
  readonly log: (line: string) => void
  /** Each request's window, filled in as the faults end. */
  readonly labels: Map<RequestRecord, string>
}

async function runFault(fault: Fault, run: FaultRun): Promise<FaultReport> {
  const { topology, target, pool, records, calmMs, log, labels } = run
  const { now } = target
  const beforeFrom = now()
  await delay(calmMs)
  const checked = pool.filter((session) => session.alive)
  const before = await statuses(target.appOrigin, checked)

  const faultFrom = now()
  const events: Record<string, number> = {}
  const mark = (event: string) => {
    events[event] = Math.round(now() - faultFrom)
    log(`${fault.name}: ${event}`)
  }
  let error: string | undefined
  try {
    await fault.inject(topology, mark)
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught)
    log(`${fault.name}: ${error}`)
  }
  const recoveredAt = await recovery(topology, now)
  const faultTo = now()
  await delay(calmMs)
  const afterTo = now()

  const created = new Set(
    pool
      .filter((session) => session.createdAt >= faultFrom && session.createdAt < faultTo)
      .map((session) => session.id),
  )
  const asked = pool.filter((session) => before.has(session.id) || created.has(session.id))
  const after = await statuses(target.appOrigin, asked)
  for (const session of asked) {
    if (after.get(session.id) === 401) session.alive = false
  }
  // A session that ended stays out of the next faults' checks.
  const ended = new Set(asked.filter((s) => after.get(s.id) === 401))
  pool.splice(0, pool.length, ...pool.filter((session) => !ended.has(session)))

  const spans = {
    before: { from: beforeFrom, to: faultFrom },
    during: { from: faultFrom, to: faultTo },
    after: { from: faultTo, to: afterTo },
  }
  const windows = windowsOf(records, spans)
  for (const [window, mine] of Object.entries(windows)) {
    for (const record of mine) labels.set(record, `${fault.name} ${window}`)
  }
  const segment = [...windows.before, ...windows.during, ...windows.after]
  const afterStats = windowStats(windows.after, spans.after)
  const killedAt = events['killed']
  return {
    fault: fault.name,
    description: fault.description,
    before: windowStats(windows.before, spans.before),
    during: windowStats(windows.during, spans.during),
    after: afterStats,
    events,
    longestFailureStretch: longestFailureStretch(segment),
    failures: failuresByKind(segment),
    sessions: sessionsCheck(before, after, created),
    ...(fault.name === 'primary-kill' &&
      killedAt !== undefined && {
        failover: {
          writeMs: firstSuccessAfter(records, faultFrom + killedAt, ['login']),
          readMs: firstSuccessAfter(records, faultFrom + killedAt, ['session']),
        },
      }),
    recoveredMs: recoveredAt === null ? null : Math.round(recoveredAt - faultFrom),
    healthyAfter:
      error === undefined && afterStats.failed === 0 && (await everyInstanceReady(topology)),
    ...(error !== undefined && { error }),
  }
}
