import { expect, test } from 'vitest'
import { TRANSACTION_TTL_MS, TransactionStore } from './transactions.ts'

function storeWithClock() {
  const clock = { now: 1_700_000_000_000 }
  return { clock, store: new TransactionStore(() => clock.now) }
}

const fields = { username: 'alice@example.com', redirectUri: 'http://127.0.0.1:5173/sso/callback' }

test('gives a transaction back once for its browser and state', () => {
  const { store } = storeWithClock()
  const { bindingId, transaction } = store.create(undefined, fields)
  expect(store.take(bindingId, transaction.state)).toEqual({ ok: true, transaction })
  expect(store.take(bindingId, transaction.state)).toEqual({ ok: false, reason: 'unknown_state' })
})

test('refuses a take without the browser binding', () => {
  const { store } = storeWithClock()
  const { transaction } = store.create(undefined, fields)
  expect(store.take(undefined, transaction.state)).toEqual({ ok: false, reason: 'no_cookie' })
  expect(store.take('someone-else', transaction.state)).toEqual({
    ok: false,
    reason: 'unknown_state',
  })
})

test('keeps several transactions per browser (one per tab)', () => {
  const { store } = storeWithClock()
  const first = store.create(undefined, fields)
  const second = store.create(first.bindingId, fields)
  expect(second.bindingId).toBe(first.bindingId)
  expect(store.take(first.bindingId, first.transaction.state).ok).toBe(true)
  expect(store.hasPending(first.bindingId)).toBe(true)
  expect(store.take(first.bindingId, second.transaction.state).ok).toBe(true)
  expect(store.hasPending(first.bindingId)).toBe(false)
})

test('does not adopt a binding id the browser made up', () => {
  const { store } = storeWithClock()
  const { bindingId } = store.create('chosen-by-the-browser', fields)
  expect(bindingId).not.toBe('chosen-by-the-browser')
})

test('expires a transaction after its TTL on the injected clock', () => {
  const { clock, store } = storeWithClock()
  const fresh = store.create(undefined, fields)
  const stale = store.create(fresh.bindingId, fields)
  clock.now += TRANSACTION_TTL_MS - 1
  expect(store.take(fresh.bindingId, fresh.transaction.state).ok).toBe(true)
  clock.now += 1
  expect(store.take(stale.bindingId, stale.transaction.state)).toEqual({
    ok: false,
    reason: 'expired',
  })
})

test('makes state, nonce and PKCE verifier distinct and unguessable', () => {
  const { store } = storeWithClock()
  const { transaction } = store.create(undefined, fields)
  const values = [transaction.state, transaction.nonce, transaction.codeVerifier]
  expect(new Set(values).size).toBe(3)
  // RFC 7636 §4.1: a verifier of 43 to 128 unreserved characters.
  for (const value of values) expect(value).toMatch(/^[\w-]{43,128}$/)
})
