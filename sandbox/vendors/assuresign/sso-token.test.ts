import { expect, test } from 'vitest'
import { newSsoToken } from './sso-token.ts'

test('is standard base64 of the documented JSON fields', () => {
  const validUntil = Date.UTC(2026, 11, 1, 12, 0, 30)
  const token = newSsoToken(validUntil)
  expect(token).toMatch(/^[A-Za-z0-9+/]+={0,2}$/)
  const fields = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Record<
    string,
    unknown
  >
  expect(Object.keys(fields)).toEqual(['validUntil', 'ssoTokenId', 'signature'])
  expect(fields['validUntil']).toBe('2026-12-01T12:00:30.000Z')
  expect(fields['ssoTokenId']).toMatch(/^[0-9a-f-]{36}$/)
  expect(fields['signature']).toEqual(expect.any(String))
})

test('holds +, / and =, the characters a client must URL-encode', () => {
  for (let i = 0; i < 20; i += 1) {
    const token = newSsoToken(Date.now())
    expect(token).toContain('+')
    expect(token).toContain('/')
    expect(token.endsWith('=')).toBe(true)
  }
})

test('is new every time', () => {
  const now = Date.now()
  expect(newSsoToken(now)).not.toBe(newSsoToken(now))
})
