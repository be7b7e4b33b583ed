import { expect, test } from 'vitest'
import { TRANSACTION_TTL_MS, TransactionStore, type SignInTransaction } from './transactions.ts'

function storeWithClock(maxPending?: number) {
  const clock = { now: 1_700_000_000_000 }
  return { clock, store: new TransactionStore(() => clock.now, maxPending) }
}

const fields = { username: 'alice@example.com', redirectUri: 'http://127.0.0.1:5173/sso/callback' }

function created(store: TransactionStore): SignInTransaction {
  return store.create(fields) ?? expect.fail('the store refused a transaction')
}

test('gives a transaction back once for its state, with no browser id needed', () => {
  const { store } = storeWithClock()
  const transaction = created(store)
  expect(store.take(transaction.state)).toEqual({ ok: true, transaction })
  expect(store.take(transaction.state)).toEqual({ ok: false, reason: 'unknown_state' })
})

test('keeps several transactions apart by state', () => {
  const { store } = storeWithClock()
  const first = created(store)
  const second = created(store)
  expect(store.take(second.state).ok).toBe(true)
  expect(store.take(first.state).ok).toBe(true)
  expect(store.take('never-issued')).toEqual({ ok: false, reason: 'unknown_state' })
})

test('expires a transaction after its TTL on the injected clock, and consumes it anyway', () => {
  const { clock, store } = storeWithClock()
  const fresh = created(store)
  const stale = created(store)
  clock.now += TRANSACTION_TTL_MS - 1
  expect(store.take(fresh.state).ok).toBe(true)
  clock.now += 1
  expect(store.take(stale.state)).toEqual({ ok: false, reason: 'expired' })
  expect(store.take(stale.state)).toEqual({ ok: false, reason: 'unknown_state' })
})

test('refuses a new transaction when full of live ones', () => {
  const { store } = storeWithClock(3)
  for (let i = 0; i < 3; i += 1) created(store)
  expect(store.create(fields)).toBeUndefined()
  expect(store.size).toBe(3)
})

test('makes room when full by forgetting expired transactions first', () => {
  const { clock, store } = storeWithClock(3)
  created(store)
  created(store)
  clock.now += TRANSACTION_TTL_MS
  const live = created(store)
  expect(store.create(fields)).toBeDefined()
  expect(store.size).toBe(2)
  expect(store.take(live.state).ok).toBe(true)
})

test('a taken transaction frees its place', () => {
  const { store } = storeWithClock(1)
  const only = created(store)
  expect(store.create(fields)).toBeUndefined()
  store.take(only.state)
  expect(store.create(fields)).toBeDefined()
})

test('makes state, nonce and PKCE verifier distinct and unguessable', () => {
  const { store } = storeWithClock()
  const transaction = created(store)
  const values = [transaction.state, transaction.nonce, transaction.codeVerifier]
  expect(new Set(values).size).toBe(3)
  // RFC 7636 §4.1: a verifier of 43 to 128 unreserved characters.
  for (const value of values) expect(value).toMatch(/^[\w-]{43,128}$/)
})
