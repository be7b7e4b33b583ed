import { createHash } from 'node:crypto'
import { expect, test } from 'vitest'
import { RECORD } from '../testing/session-records.ts'
import { createSessionSeal, hkdfExpandSha256 } from './session-seal.ts'
import type { SessionRecord } from './session-store.ts'

const ID = 'kR3m0Xw2ZC1sQ9vYp7uJtLhB6eNfA4dG8iOqW5xVzUc'
const OTHER_ID = 'Tq8mP2vN6wXc0LzR4yJb9HsK1eFgU7dA3iOoW5tVlQa'
const keyOf = (id: string) => createHash('sha256').update(id).digest('base64url')
const seal = createSessionSeal(ID, keyOf(ID))

/** `value` with one bit of its byte at `index` flipped (the bytes after the version prefix). */
function flipped(value: string, index: number): string {
  const bytes = Buffer.from(value.slice('v1.'.length), 'base64url')
  bytes[index] = (bytes[index] ?? 0) ^ 1
  return `v1.${bytes.toString('base64url')}`
}

test('a record sealed for a session opens with that session, as it was', () => {
  expect(seal.open(seal.seal(RECORD))).toEqual(RECORD)
  const withCii = { ...RECORD, ciiNo: '1001234567' }
  expect(createSessionSeal(ID, keyOf(ID)).open(seal.seal(withCii))).toEqual(withCii)
})

test('a sealed record is versioned and shows nothing of the record, even decoded', () => {
  const value = seal.seal(RECORD)
  expect(value).toMatch(/^v1\.[\w-]+$/)
  const decoded = Buffer.from(value.slice(3), 'base64url').toString('latin1')
  for (const text of [RECORD.token, RECORD.refreshToken, RECORD.email, RECORD.subject, 'alice']) {
    expect(value).not.toContain(text)
    expect(decoded).not.toContain(text)
  }
})

test('every write has a fresh IV: the same record sealed twice gives two values that both open', () => {
  const [first, second] = [seal.seal(RECORD), seal.seal(RECORD)]
  expect(first).not.toBe(second)
  expect(first.slice(0, 19)).not.toBe(second.slice(0, 19))
  expect(seal.open(first)).toEqual(RECORD)
  expect(seal.open(second)).toEqual(RECORD)
})

test('a record sealed for one session id does not open with another id', () => {
  const value = seal.seal(RECORD)
  // Even under the very same store key: the key comes from the id, which the store never has.
  expect(createSessionSeal(OTHER_ID, keyOf(ID)).open(value)).toBeUndefined()
  expect(createSessionSeal(OTHER_ID, keyOf(OTHER_ID)).open(value)).toBeUndefined()
})

test('a record sealed under one store key does not open under another', () => {
  const value = seal.seal(RECORD)
  expect(createSessionSeal(ID, keyOf(OTHER_ID)).open(value)).toBeUndefined()
})

test('a changed value does not open: any flipped bit of IV, ciphertext or tag', () => {
  const value = seal.seal(RECORD)
  const length = Buffer.from(value.slice(3), 'base64url').length
  for (const index of [0, 11, 12, length >> 1, length - 17, length - 16, length - 1]) {
    expect(seal.open(flipped(value, index)), `byte ${index}`).toBeUndefined()
  }
})

test('a cut, empty, plain JSON or other-version value does not open', () => {
  const value = seal.seal(RECORD)
  const bytes = Buffer.from(value.slice(3), 'base64url')
  for (const bad of [
    `v1.${bytes.subarray(0, bytes.length - 1).toString('base64url')}`,
    `v1.${bytes.subarray(0, 27).toString('base64url')}`,
    'v1.',
    '',
    JSON.stringify(RECORD),
    `v2.${value.slice(3)}`,
    value.slice(1),
  ]) {
    expect(seal.open(bad), bad.slice(0, 20)).toBeUndefined()
  }
})

test('a value that opens but does not hold a session record counts as none', () => {
  const notARecord = { ...RECORD, permissions: 'all' } as unknown as SessionRecord
  expect(seal.open(seal.seal(notARecord))).toBeUndefined()
})

test('the key derivation is RFC 5869 HKDF-Expand-SHA-256: the test vector of its appendix A.1', () => {
  // A.1's PRK and info; the first 32 bytes of its OKM are the first block, T(1).
  const prk = Buffer.from('077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5', 'hex')
  const info = Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex')
  expect(hkdfExpandSha256(prk, info).toString('hex')).toBe(
    '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf',
  )
})
