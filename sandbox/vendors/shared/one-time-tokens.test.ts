import { expect, test } from 'vitest'
import { OneTimeTokens } from './one-time-tokens.ts'

function store() {
  let next = 0
  return new OneTimeTokens<string>(30_000, () => `token-${++next}`)
}

test('redeems a token once, up to and including the last millisecond of its lifetime', () => {
  const tokens = store()
  const token = tokens.issue('alice', 1_000)
  expect(tokens.redeem(token, 31_000)).toEqual({ ok: true, value: 'alice' })
  expect(tokens.redeem(token, 31_000)).toEqual({ ok: false, reason: 'used' })
})

test('refuses a token one millisecond after its lifetime as expired', () => {
  const tokens = store()
  const token = tokens.issue('alice', 1_000)
  expect(tokens.redeem(token, 31_001)).toEqual({ ok: false, reason: 'expired' })
})

test('refuses a token it never issued as unknown', () => {
  expect(store().redeem('token-1', 0)).toEqual({ ok: false, reason: 'unknown' })
})

test('forgets old tombstones when issuing, so memory stays bounded', () => {
  const tokens = store()
  const old = tokens.issue('alice', 0)
  tokens.issue('bob', 60 * 60 * 1000)
  expect(tokens.redeem(old, 60 * 60 * 1000)).toEqual({ ok: false, reason: 'unknown' })
})
