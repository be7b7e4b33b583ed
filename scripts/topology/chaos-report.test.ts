// The chaos run's arithmetic (chaos-report.ts): windows, percentiles, failure stretches, the
// failover time and the sessions lost, on hand-made requests.
import { expect, test } from 'vitest'
import {
  failed,
  failuresByKind,
  firstSuccessAfter,
  longestFailureStretch,
  percentile,
  renderTable,
  sessionsCheck,
  windowStats,
  windowsOf,
  type ChaosReport,
  type RequestKind,
  type RequestRecord,
} from './chaos-report.ts'

function request(start: number, end: number, status = 200, kind: RequestKind = 'session') {
  return { kind, start, end, status } satisfies RequestRecord
}

test('a request failed when it got no answer, a 5xx or any 4xx: the run expects 2xx only', () => {
  expect(
    [0, 200, 204, 301, 401, 429, 502, 503].map((status) => failed(request(0, 1, status))),
  ).toEqual([true, false, false, true, true, true, true, true])
})

test('percentile picks the value a share q of the sorted values lies below', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1)
  expect(percentile(hundred, 0.5)).toBe(51)
  expect(percentile(hundred, 0.99)).toBe(100)
  expect(percentile([7], 0.99)).toBe(7)
  expect(percentile([], 0.5)).toBeNaN()
})

test('a request in flight at any moment of the fault counts for the fault, the others where they began', () => {
  const records = [
    request(0, 10),
    request(95, 130, 502, 'login'), // began calm, answered after the kill at 100
    request(120, 140),
    request(190, 260), // began in the fault, answered after it
    request(210, 220),
    request(300, 301), // after the after window
  ]
  const windows = windowsOf(records, {
    before: { from: 0, to: 100 },
    during: { from: 100, to: 200 },
    after: { from: 200, to: 300 },
  })
  expect(windows.before).toEqual([records[0]])
  expect(windows.during).toEqual([records[1], records[2], records[3]])
  expect(windows.after).toEqual([records[4]])
})

test('a window counts answers by status and gives latency overall and per kind, leaving out unanswered requests', () => {
  const records = [
    request(0, 2),
    request(0, 4),
    request(0, 6, 502, 'login'),
    request(0, 15_000, 0),
    request(0, 30, 200, 'handoff'),
  ]
  const stats = windowStats(records, { from: 0, to: 1000 })
  expect(stats).toMatchObject({
    fromMs: 0,
    toMs: 1000,
    requests: 5,
    failed: 2,
    statuses: { '0': 1, '200': 3, '502': 1 },
    p50Ms: 6,
    p99Ms: 30,
  })
  expect(stats.byKind).toEqual({
    session: { requests: 3, failed: 1, p50Ms: 4, p99Ms: 4 },
    login: { requests: 1, failed: 1, p50Ms: 6, p99Ms: 6 },
    handoff: { requests: 1, failed: 0, p50Ms: 30, p99Ms: 30 },
  })
  expect(windowStats([], { from: 0, to: 1 })).toMatchObject({ requests: 0, p50Ms: null })
})

test('the longest failure stretch is the longest time one kind kept failing, whatever other kinds did meanwhile', () => {
  const records = [
    request(40, 45, 503),
    request(0, 5, 503),
    request(10, 12),
    request(20, 80, 503),
    request(30, 35, 0),
    request(50, 55),
  ]
  expect(longestFailureStretch(records)).toEqual({
    kind: 'session',
    count: 3,
    ms: 60,
    fromMs: 20,
  })
  const initiate = (start: number) => request(start, start + 1, 200, 'initiate')
  expect(
    longestFailureStretch([request(0, 5, 503), initiate(6), request(10, 300, 503), initiate(400)]),
  ).toEqual({ kind: 'session', count: 2, ms: 300, fromMs: 0 })
  expect(longestFailureStretch([request(0, 1)])).toEqual({
    kind: null,
    count: 0,
    ms: 0,
    fromMs: null,
  })
})

test('failover: from the kill to the first 2xx of a request of that kind sent after it', () => {
  const records = [
    request(90, 110, 200, 'login'), // sent before the kill
    request(120, 900, 503, 'login'),
    request(400, 1500, 200, 'login'),
    request(500, 1200, 200, 'login'),
    request(150, 160),
  ]
  expect(firstSuccessAfter(records, 100, ['login'])).toBe(1100)
  expect(firstSuccessAfter(records, 100, ['session'])).toBe(60)
  expect(firstSuccessAfter(records, 2000, ['login'])).toBeNull()
})

test('a session is lost when it answered 200 before the fault and 401 after it', () => {
  const before = new Map([
    [1, 200],
    [2, 200],
    [3, 401],
    [4, 200],
  ])
  const after = new Map([
    [1, 200],
    [2, 401],
    [3, 401],
    [4, 503],
    [5, 401],
    [6, 200],
  ])
  expect(sessionsCheck(before, after, new Set([5, 6]))).toEqual({
    checkedBefore: 4,
    validBefore: 3,
    lost: 1,
    createdDuringFault: 2,
    lostCreatedDuringFault: 1,
    unanswered: 1,
  })
})

test('failures are counted by kind and status', () => {
  const records = [request(0, 1, 502, 'login'), request(0, 1, 502, 'login'), request(0, 1, 0)]
  expect(failuresByKind([...records, request(0, 1)])).toEqual({ 'login 502': 2, 'session 0': 1 })
})

test('the table has a row per window and says what each fault cost', () => {
  const stats = windowStats([request(0, 2), request(1, 3, 503)], { from: 0, to: 4000 })
  const report: ChaosReport = {
    startedAt: '2026-01-01T00:00:00.000Z',
    seconds: 15,
    ranSeconds: 15.2,
    load: { sessionLoops: 6, poolAtStart: 12, poolAtEnd: 20, idpFailures: 0 },
    totals: stats,
    faults: [
      {
        fault: 'primary-kill',
        description: 'SIGKILL of the Redis primary',
        before: stats,
        during: stats,
        after: stats,
        events: { killed: 0, promoted: 3100 },
        longestFailureStretch: { kind: 'session', count: 1, ms: 2, fromMs: 1 },
        failures: { 'session 503': 1 },
        sessions: {
          checkedBefore: 12,
          validBefore: 12,
          lost: 0,
          createdDuringFault: 2,
          lostCreatedDuringFault: 1,
          unanswered: 0,
        },
        failover: { writeMs: 3200, readMs: 3150.5 },
        recoveredMs: 5000,
        healthyAfter: false,
      },
    ],
  }
  const table = renderTable(report)
  expect(table).toContain('primary-kill  before      0.0–4.0        2      1   200×1 503×1')
  expect(table).toContain('sessions lost: 0 of 12 (made during the fault: 1 of 2)')
  expect(table).toContain('failed: session 503 ×1')
  expect(table).toContain('failover: first login answered 3200.0 ms after the kill')
  expect(table).toContain('killed +0.0 s, promoted +3.1 s · recovered (every /readyz 200) +5.0 s')
  expect(table).toContain('healthy after: NO')
})
