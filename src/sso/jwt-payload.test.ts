import { expect, test } from 'vitest'
import { unverifiedJwtPayload } from './jwt-payload.ts'

const encode = (value: unknown) =>
  btoa(JSON.stringify(value)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')

test('reads the payload of a compact JWT, unpadded base64url included', () => {
  const token = `${encode({ alg: 'RS256' })}.${encode({ email: 'alice@example.com', n: '??>' })}.sig`
  expect(unverifiedJwtPayload(token)).toEqual({ email: 'alice@example.com', n: '??>' })
})

test.each([
  ['two parts', 'a.b'],
  ['four parts', 'a.b.c.d'],
  ['a payload that is not base64url', 'a.b+c.d'],
  ['a payload that is not JSON', `a.${btoa('not json')}.c`],
  ['an empty string', ''],
])('gives undefined for %s', (_name, token) => {
  expect(unverifiedJwtPayload(token)).toBeUndefined()
})
