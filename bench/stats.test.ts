import { expect, test, vi } from 'vitest'
import { cell, count, ratio, summarize } from './stats.ts'

test('the median of an odd count is the middle value, whatever the order', () => {
  expect(summarize([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, n: 3 })
})

test('the median of an even count is the mean of the two middle values', () => {
  expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 })
})

test('a row never measured prints as a dash and has no ratio', () => {
  const none = summarize([])
  expect(cell(none)).toBe('–')
  expect(ratio(none, summarize([1]))).toBe('–')
})

test('the ratio is ours over theirs, of the medians', () => {
  expect(ratio(summarize([60, 70, 50]), summarize([100, 90, 110]))).toBe('0.60')
  expect(ratio(summarize([1]), summarize([0]))).toBe('–')
})

test('a cell gives the median and the range with the decimals asked for', () => {
  expect(cell(summarize([1.25, 2.5, 3.75]), 1)).toBe('2.5 (1.3–3.8)')
})

test('a whole-number setting is read from the environment, its fallback when unset', () => {
  vi.stubEnv('BENCH_TEST_COUNT', '7')
  expect(count('BENCH_TEST_COUNT', 3)).toBe(7)
  vi.stubEnv('BENCH_TEST_COUNT', '0')
  expect(count('BENCH_TEST_COUNT', 3, 0)).toBe(0)
  expect(() => count('BENCH_TEST_COUNT', 3)).toThrow('BENCH_TEST_COUNT must be a whole number ≥ 1')
  vi.stubEnv('BENCH_TEST_COUNT', '2.5')
  expect(() => count('BENCH_TEST_COUNT', 3)).toThrow('must be a whole number')
  vi.unstubAllEnvs()
  expect(count('BENCH_TEST_COUNT', 3)).toBe(3)
})
