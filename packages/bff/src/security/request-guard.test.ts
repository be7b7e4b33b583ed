import { expect, test } from 'vitest'
import { isAllowedOrigin } from './request-guard.ts'

const ALLOWED = ['https://a.example.com', 'http://127.0.0.1:5173']

test.each([
  ['https://a.example.com', true],
  ['http://127.0.0.1:5173', true],
  ['https://a.example.com.evil', false],
  ['https://a.example.com:8443', false],
  ['http://a.example.com', false],
  ['https://evil.a.example.com', false],
  ['http://127.0.0.1:5174', false],
  ['https://a.example.com/', false],
  ['null', false],
  ['http://127.0.0.1:51730', false],
  ['https://a.example.co', false],
  ['https://a.example.com@evil.example', false],
])('origin %s allowed: %s', (origin, allowed) => {
  expect(isAllowedOrigin(origin, ALLOWED)).toBe(allowed)
})
