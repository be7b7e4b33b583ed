import { expect, test } from 'vitest'
import { isRelativeLandingPath } from './landing-path.ts'

test('accepts a plain relative path with a query', () => {
  expect(isRelativeLandingPath('/Dashboard')).toBe(true)
  expect(isRelativeLandingPath('/CSI/Registration?tab=1')).toBe(true)
})

test('refuses absolute, protocol-relative and backslash paths', () => {
  for (const value of [
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example',
    'javascript:alert(1)',
    'Dashboard',
    '/a//b',
    '',
  ]) {
    expect(isRelativeLandingPath(value), value).toBe(false)
  }
})

test('refuses whitespace and control characters a URL parser would strip', () => {
  expect(isRelativeLandingPath('/\t/evil.example')).toBe(false)
  expect(isRelativeLandingPath('/a b')).toBe(false)
  expect(isRelativeLandingPath('/a\nb')).toBe(false)
})

test('refuses an overlong path', () => {
  expect(isRelativeLandingPath(`/${'a'.repeat(2048)}`)).toBe(false)
})
