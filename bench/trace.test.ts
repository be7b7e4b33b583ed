import { expect, test } from 'vitest'
import { mainThreadLoad, signInWindow, traceEvents, type TraceEvent } from './trace.ts'

const MAIN = { pid: 7, tid: 1 }

/** A task on the main thread from `start` to `end`, in ms (the trace has µs). */
const task = (start: number, end: number, name = 'RunTask', thread = MAIN): TraceEvent => ({
  name,
  ph: 'X',
  ...thread,
  ts: start * 1000,
  dur: (end - start) * 1000,
})

const load = (events: TraceEvent[], from: number, to: number) =>
  mainThreadLoad(events, MAIN, from * 1000, to * 1000)

test('busy time counts only the part of each task inside the interval', () => {
  const events = [task(0, 15), task(20, 30), task(95, 120)]
  expect(load(events, 10, 100)).toEqual({ longestTask: 25, busy: 5 + 10 + 5 })
})

test('the longest task is the whole length of a task that overlaps the interval', () => {
  expect(load([task(0, 60), task(70, 80)], 50, 100).longestTask).toBe(60)
})

test('tasks wholly outside the interval, or on other threads, do not count', () => {
  const events = [
    task(0, 10),
    task(100, 150),
    task(20, 90, 'RunTask', { pid: 7, tid: 2 }),
    task(20, 90, 'RunTask', { pid: 8, tid: 1 }),
    task(20, 90, 'ParseHTML'),
  ]
  expect(load(events, 10, 100)).toEqual({ longestTask: 0, busy: 0 })
})

test('a task seen under both of its names, or nested in another, is busy time once', () => {
  const events = [
    task(20, 40),
    task(20, 40, 'ThreadControllerImpl::RunTask'),
    task(50, 80),
    task(60, 70),
  ]
  expect(load(events, 0, 100)).toEqual({ longestTask: 30, busy: 20 + 30 })
})

const exchangeUrl = /\/api\/sso\/login$/

const send = (requestId: string, url: string, ts: number, pid = 7): TraceEvent => ({
  name: 'ResourceSendRequest',
  ph: 'I',
  pid,
  tid: 1,
  ts,
  args: { data: { requestId, url } },
})
const finish = (requestId: string, ts: number, finishTime?: number): TraceEvent => ({
  name: 'ResourceFinish',
  ph: 'I',
  ...MAIN,
  ts,
  args: { data: { requestId, ...(finishTime === undefined ? {} : { finishTime }) } },
})
const mark = (ts: number): TraceEvent => ({ name: 'bench-signed-in', ph: 'I', ...MAIN, ts })

test("the window runs from the exchange's network finish to the probe's mark, on the mark's thread", () => {
  const events = [
    send('7.1', 'http://127.0.0.1:4173/assets/index.js', 1_000),
    send('7.2', 'http://127.0.0.1:4173/api/sso/login', 2_000),
    finish('7.2', 3_500_500, 3.5),
    mark(3_600_000),
  ]
  expect(signInWindow(events, 'bench-signed-in', exchangeUrl)).toEqual({
    ...MAIN,
    from: 3_500_000,
    to: 3_600_000,
  })
})

test('the window takes the last exchange before the mark in its process, and the event time without a finishTime', () => {
  const events = [
    send('7.2', 'http://127.0.0.1:4173/api/sso/login', 1_000),
    finish('7.2', 1_500),
    send('9.1', 'http://127.0.0.1:4173/api/sso/login', 2_000, 9),
    send('7.5', 'http://127.0.0.1:4173/api/sso/login', 3_000),
    finish('7.5', 4_000),
    mark(5_000),
    send('7.9', 'http://127.0.0.1:4173/api/sso/login', 6_000),
  ]
  expect(signInWindow(events, 'bench-signed-in', exchangeUrl)).toEqual({
    ...MAIN,
    from: 4_000,
    to: 5_000,
  })
})

test('a trace without the mark or the exchange says what is missing', () => {
  expect(signInWindow([], 'bench-signed-in', exchangeUrl)).toBe(
    'no mark "bench-signed-in" in the trace',
  )
  expect(signInWindow([mark(5)], 'bench-signed-in', exchangeUrl)).toBe(
    'no request matching \\/api\\/sso\\/login$ before the mark',
  )
  const unfinished = [send('7.2', 'http://x/api/sso/login', 1), mark(5)]
  expect(signInWindow(unfinished, 'bench-signed-in', exchangeUrl)).toBe(
    'the request \\/api\\/sso\\/login$ never finished in the trace',
  )
})

test('trace files come as an object with traceEvents or as a bare array', () => {
  const events = [mark(1)]
  expect(traceEvents({ traceEvents: events, metadata: {} })).toEqual(events)
  expect(traceEvents(events)).toEqual(events)
  expect(() => traceEvents({ nothing: true })).toThrow('not a Chromium trace')
})
