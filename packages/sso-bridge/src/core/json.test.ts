import { expect, test } from 'vitest'
import { parseJsonText } from './json.ts'

test('parses JSON text', () => {
  expect(parseJsonText('{"a":[1,null]}')).toEqual({ a: [1, null] })
  expect(parseJsonText('null')).toBeNull()
})

test('no text at all (a storage miss) is undefined, not null', () => {
  expect(parseJsonText(null)).toBeUndefined()
  expect(parseJsonText(undefined)).toBeUndefined()
})

test('text that is not JSON is undefined', () => {
  expect(parseJsonText('<html>Bad gateway</html>')).toBeUndefined()
  expect(parseJsonText('')).toBeUndefined()
})
