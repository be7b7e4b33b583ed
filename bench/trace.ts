// Reading a Chromium trace of one sign-in: the main thread of the callback document between the
// end of the exchange and "signed in". Both ends come from the trace itself, in its clock
// (microseconds of a monotonic clock): the exchange's end is its ResourceFinish, the other end
// the probe's `performance.mark`. Pure functions; the benchmark records the trace.

/** One event of Chrome's JSON trace format, as far as this file reads it. */
export interface TraceEvent {
  readonly name: string
  readonly ph: string
  readonly pid: number
  readonly tid: number
  /** Microseconds. */
  readonly ts: number
  /** Microseconds; on complete ('X') events. */
  readonly dur?: number
  readonly args?: { readonly data?: Readonly<Record<string, unknown>> }
}

/**
 * The categories a sign-in trace needs, and no more (tracing costs the browser time): tasks
 * (RunTask), resource events (ResourceSendRequest, ResourceFinish), user timing (the mark).
 */
export const TRACE_CATEGORIES = [
  '-*',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
]

/** A main-thread task: Chromium's names for a top-level task (RunTask in devtools' category). */
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask'])

export interface MainThreadLoad {
  /** The full length of the longest task that overlaps the interval, ms; 0 when none does. */
  readonly longestTask: number
  /** How much of the interval some task was running, ms (nested tasks counted once). */
  readonly busy: number
}

/**
 * The load of one thread over [from, to] (trace microseconds): its tasks are the complete
 * events named RunTask (or ThreadControllerImpl::RunTask) on that pid and tid.
 */
export function mainThreadLoad(
  events: readonly TraceEvent[],
  thread: { readonly pid: number; readonly tid: number },
  from: number,
  to: number,
): MainThreadLoad {
  const tasks = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        TASK_NAMES.has(e.name) &&
        e.pid === thread.pid &&
        e.tid === thread.tid &&
        e.dur !== undefined &&
        e.ts < to &&
        e.ts + e.dur > from,
    )
    .map((e) => ({ start: e.ts, end: e.ts + (e.dur ?? 0) }))
    .sort((a, b) => a.start - b.start)
  let longest = 0
  let busy = 0
  let coveredUntil = from
  for (const task of tasks) {
    longest = Math.max(longest, task.end - task.start)
    const start = Math.max(task.start, coveredUntil)
    const end = Math.min(task.end, to)
    if (end > start) busy += end - start
    coveredUntil = Math.max(coveredUntil, Math.min(task.end, to))
  }
  return { longestTask: longest / 1000, busy: busy / 1000 }
}

export interface SignInWindow {
  readonly pid: number
  readonly tid: number
  /** The exchange's end, trace microseconds. */
  readonly from: number
  /** The probe's mark, trace microseconds. */
  readonly to: number
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/**
 * Finds the probe's mark named `mark` (its thread is the callback document's main thread) and the
 * last request before it, in the same process, whose URL matches `exchange`; the window runs from
 * that request's finish (its network `finishTime`, else the event's time) to the mark. A string
 * says what is missing.
 */
export function signInWindow(
  events: readonly TraceEvent[],
  mark: string,
  exchange: RegExp,
): SignInWindow | string {
  const marks = events.filter((e) => e.name === mark && (e.ph === 'I' || e.ph === 'R'))
  const at = marks[marks.length - 1]
  if (at === undefined) return `no mark "${mark}" in the trace`
  const sent = events.filter(
    (e) =>
      e.name === 'ResourceSendRequest' &&
      e.pid === at.pid &&
      e.ts <= at.ts &&
      exchange.test(text(e.args?.data?.url)),
  )
  const request = sent.sort((a, b) => a.ts - b.ts)[sent.length - 1]
  if (request === undefined) return `no request matching ${exchange.source} before the mark`
  const id = text(request.args?.data?.requestId)
  const finish = events.find(
    (e) => e.name === 'ResourceFinish' && e.pid === at.pid && text(e.args?.data?.requestId) === id,
  )
  if (finish === undefined) return `the request ${exchange.source} never finished in the trace`
  const finishTime = finish.args?.data?.finishTime
  const from = typeof finishTime === 'number' && finishTime > 0 ? finishTime * 1e6 : finish.ts
  return { pid: at.pid, tid: at.tid, from, to: at.ts }
}

/** The events of a trace file as Chromium writes it: an array, or an object with traceEvents. */
export function traceEvents(json: unknown): TraceEvent[] {
  const list = Array.isArray(json) ? json : (json as { traceEvents?: unknown } | null)?.traceEvents
  if (!Array.isArray(list)) throw new Error('not a Chromium trace')
  return list as TraceEvent[]
}
