import { expect, test } from 'vitest'
import { isWholeNumber } from './plain-checks.ts'

test('a whole number of exactly the minimum passes; one below, a fraction or text does not', () => {
  expect(isWholeNumber(0, 0)).toBe(true)
  expect(isWholeNumber(-1, 0)).toBe(false)
  expect(isWholeNumber(1.5, 0)).toBe(false)
  expect(isWholeNumber('1', 0)).toBe(false)
})
