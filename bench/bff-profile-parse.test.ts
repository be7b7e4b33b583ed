import { expect, test } from 'vitest'
import {
  areaKey,
  bffShareOf,
  functionKey,
  parseServerTiming,
  sampleTimes,
  shortUrl,
  timeIn,
  type CallFrame,
  type CpuProfile,
} from './bff-profile-parse.ts'

const ROOT = '/work/repo'

test('the Server-Timing of a login reads as durations by name, entries without one left out', () => {
  const header =
    'bind;dur=0.05, indee;dur=8.1;desc="Indee sso/login", total;dur=9.75, indee-total;desc="x";dur=7, cache'
  expect(parseServerTiming(header)).toEqual({
    bind: 0.05,
    indee: 8.1,
    total: 9.75,
    'indee-total': 7,
  })
  expect(parseServerTiming(null)).toEqual({})
})

test("the BFF's own share is total − indee, and unknown when either is missing", () => {
  expect(bffShareOf({ total: 9.5, indee: 8, verify: 0.5 })).toBe(1.5)
  expect(bffShareOf({ total: 9.5 })).toBeUndefined()
  expect(bffShareOf({ indee: 8 })).toBeUndefined()
})

const frame = (functionName: string, url = '', lineNumber = 0): CallFrame => ({
  functionName,
  url,
  lineNumber,
  columnNumber: 0,
})

/**
 * root → handler → hash, root → handler → handler (recursion), root → (idle); samples every
 * 10 µs from 1000, one of them late.
 */
const PROFILE: CpuProfile = {
  startTime: 1000,
  endTime: 1100,
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 5] },
    {
      id: 2,
      callFrame: frame('handler', `file://${ROOT}/packages/bff/dist/app.js`, 9),
      children: [3, 4],
    },
    { id: 3, callFrame: frame('hash', 'node:internal/crypto/hash', 160) },
    { id: 4, callFrame: frame('handler', `file://${ROOT}/packages/bff/dist/app.js`, 9) },
    { id: 5, callFrame: frame('(idle)') },
  ],
  // at 1010, 1020, 1030, 1040, 1050, 1060, then 1090 (30 µs late)
  samples: [2, 3, 3, 5, 4, 3, 2],
  timeDeltas: [10, 10, 10, 10, 10, 10, 30],
}

test('each sample stands for the time until the next one, at most four times the median gap', () => {
  const { at, weight } = sampleTimes({ ...PROFILE, timeDeltas: [10, 10, 10, 10, 10, 10, 50] })
  expect(at).toEqual([1010, 1020, 1030, 1040, 1050, 1060, 1110])
  // The gap after 1060 is 50 µs: capped at 4 × 10. The last sample runs to the profile's end.
  expect(weight).toEqual([10, 10, 10, 10, 10, 40, 0])
})

test('only samples inside a window count; idle ones are told apart', () => {
  const windows = [
    { start: 1020, end: 1040 },
    { start: 1040, end: 1060 },
  ]
  const times = timeIn(PROFILE, windows, functionKey(ROOT))
  expect(times.sampledMs).toBeCloseTo(0.04)
  expect(times.idleMs).toBeCloseTo(0.01)
  expect(times.self).toEqual([
    { name: 'hash node:internal/crypto/hash:161', ms: 0.02 },
    { name: 'handler packages/bff/dist/app.js:10', ms: 0.01 },
  ])
})

test('total time counts a function once per sample, however deep it recurses', () => {
  const times = timeIn(PROFILE, [{ start: 0, end: 2000 }], functionKey(ROOT))
  expect(times.total).toEqual([
    { name: 'handler packages/bff/dist/app.js:10', ms: 0.08 },
    { name: 'hash node:internal/crypto/hash:161', ms: 0.05 },
  ])
  expect(times.self.map((row) => row.name)).not.toContain('(idle)')
})

test('scripts are named from the repository root, and packages from their node_modules folder', () => {
  expect(shortUrl(`file://${ROOT}/packages/bff/dist/bff/src/app.js`, ROOT)).toBe(
    'packages/bff/dist/bff/src/app.js',
  )
  expect(shortUrl(`file://${ROOT}/node_modules/fastify/node_modules/pino/lib/proto.js`, ROOT)).toBe(
    'node_modules/pino/lib/proto.js',
  )
  expect(shortUrl('node:internal/streams/writable', ROOT)).toBe('node:internal/streams/writable')
})

test('areas: a package (scoped or not), a folder of the repository, Node, V8', () => {
  const area = areaKey(ROOT)
  expect(area(frame('f', `file://${ROOT}/node_modules/@fastify/cookie/index.js`))).toBe(
    'node_modules/@fastify/cookie',
  )
  expect(area(frame('f', `file://${ROOT}/node_modules/zod/v4/core/schemas.js`))).toBe(
    'node_modules/zod',
  )
  expect(area(frame('f', `file://${ROOT}/packages/bff/dist/bff/src/app.js`))).toBe('packages/bff')
  expect(area(frame('f', 'node:net'))).toBe('node internals')
  expect(area(frame('(garbage collector)'))).toBe('(garbage collector)')
  expect(area(frame('writev'))).toBe('(native)')
})

test('a frame is its function, script and 1-based line; anonymous and V8 entries by their names', () => {
  const key = functionKey(ROOT)
  expect(key(frame('', 'node:net', 926))).toBe('(anonymous) node:net:927')
  expect(key(frame('(program)'))).toBe('(program)')
})
