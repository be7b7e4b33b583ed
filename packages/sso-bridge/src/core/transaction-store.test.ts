import { beforeEach, expect, test } from 'vitest'
import { codeOf, thrownSsoError } from '../test/sso-failure.ts'
import { throwingStorage, type StorageOperation } from '../test/throwing-storage.ts'
import { createTransactionStore, readTransaction, type Transaction } from './transaction-store.ts'

const TTL = 600_000
let clock = 1_700_000_000_000
const now = () => clock

beforeEach(() => {
  clock = 1_700_000_000_000
})

function transaction(overrides: Partial<Transaction> = {}): Transaction {
  return {
    flow: 'signin',
    provider: 'bff',
    state: 'state-1',
    nonce: 'nonce-1',
    email: 'alice@example.com',
    returnTo: '/?tab=partners',
    issuer: 'http://127.0.0.1:4010',
    createdAt: clock,
    ...overrides,
  }
}

function store(storage: Storage = sessionStorage) {
  return createTransactionStore({ storage, now, ttlMs: TTL })
}

test('saves under a prefixed key and consumes the same transaction', () => {
  const transactions = store()
  transactions.save(transaction())
  expect(sessionStorage.getItem('sso-bridge:txn:state-1')).not.toBeNull()
  expect(transactions.consume('state-1')).toEqual(transaction())
})

test('consuming removes the record and leaves a used tombstone', () => {
  const transactions = store()
  transactions.save(transaction())
  transactions.consume('state-1')
  expect(sessionStorage.getItem('sso-bridge:txn:state-1')).toBeNull()
  expect(JSON.parse(sessionStorage.getItem('sso-bridge:done:state-1') ?? 'null')).toEqual({
    reason: 'used',
    at: clock,
  })
})

test('rejects a reused state as state_used', () => {
  const transactions = store()
  transactions.save(transaction())
  transactions.consume('state-1')
  expect(codeOf(() => transactions.consume('state-1'))).toBe('state_used')
})

test('rejects a reused state even when the record was stored again under it', () => {
  const transactions = store()
  transactions.save(transaction())
  transactions.consume('state-1')
  transactions.save(transaction())
  expect(codeOf(() => transactions.consume('state-1'))).toBe('state_used')
})

test('rejects a missing state as state_missing', () => {
  expect(codeOf(() => store().consume(undefined))).toBe('state_missing')
  expect(codeOf(() => store().consume(''))).toBe('state_missing')
})

test('rejects an unknown state as state_mismatch', () => {
  const transactions = store()
  transactions.save(transaction())
  expect(codeOf(() => transactions.consume('state-2'))).toBe('state_mismatch')
  expect(transactions.consume('state-1').state).toBe('state-1')
})

test.each(['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'length', 'key'])(
  'state %s matches nothing',
  (state) => {
    const transactions = store()
    transactions.save(transaction())
    expect(codeOf(() => transactions.consume(state))).toBe('state_mismatch')
  },
)

test('a state over the length limit matches nothing', () => {
  expect(codeOf(() => store().consume('x'.repeat(513)))).toBe('state_mismatch')
})

test('discards a malformed record and reports state_mismatch', () => {
  sessionStorage.setItem('sso-bridge:txn:state-1', '{not json')
  expect(codeOf(() => store().consume('state-1'))).toBe('state_mismatch')
  expect(sessionStorage.getItem('sso-bridge:txn:state-1')).toBeNull()
})

test('discards a record that fails the schema', () => {
  sessionStorage.setItem(
    'sso-bridge:txn:state-1',
    JSON.stringify({ ...transaction(), returnTo: '//evil.example' }),
  )
  expect(codeOf(() => store().consume('state-1'))).toBe('state_mismatch')
  expect(sessionStorage.getItem('sso-bridge:txn:state-1')).toBeNull()
})

test('discards a record with extra fields', () => {
  sessionStorage.setItem(
    'sso-bridge:txn:state-1',
    JSON.stringify({ ...transaction(), admin: true }),
  )
  expect(codeOf(() => store().consume('state-1'))).toBe('state_mismatch')
})

test('discards a record stored under another state', () => {
  sessionStorage.setItem(
    'sso-bridge:txn:state-1',
    JSON.stringify(transaction({ state: 'state-2' })),
  )
  expect(codeOf(() => store().consume('state-1'))).toBe('state_mismatch')
  expect(sessionStorage.getItem('sso-bridge:txn:state-1')).toBeNull()
})

test('accepts a transaction at exactly its time to live', () => {
  const transactions = store()
  transactions.save(transaction())
  clock += TTL
  expect(transactions.consume('state-1').state).toBe('state-1')
})

test('rejects a transaction older than its time to live as state_expired', () => {
  const transactions = store()
  transactions.save(transaction())
  clock += TTL + 1
  expect(codeOf(() => transactions.consume('state-1'))).toBe('state_expired')
  expect(sessionStorage.getItem('sso-bridge:txn:state-1')).toBeNull()
  expect(codeOf(() => transactions.consume('state-1'))).toBe('state_expired')
})

test('save refuses a malformed transaction', () => {
  expect(codeOf(() => store().save(transaction({ returnTo: 'https://evil.example' })))).toBe(
    'invalid_response',
  )
  expect(sessionStorage.length).toBe(0)
})

test.each<StorageOperation>(['setItem'])(
  'save reports storage_unavailable when %s throws',
  (operation) => {
    const storage = throwingStorage(sessionStorage, { operations: new Set([operation]) })
    expect(codeOf(() => store(storage).save(transaction()))).toBe('storage_unavailable')
  },
)

test.each<StorageOperation>(['getItem', 'removeItem', 'setItem'])(
  'consume reports storage_unavailable when %s throws',
  (operation) => {
    store().save(transaction())
    const storage = throwingStorage(sessionStorage, { operations: new Set([operation]) })
    expect(codeOf(() => store(storage).consume('state-1'))).toBe('storage_unavailable')
  },
)

test('purgeStale turns expired records into expired tombstones', () => {
  const transactions = store()
  transactions.save(transaction({ state: 'old' }))
  clock += TTL / 2
  transactions.save(transaction({ state: 'fresh', createdAt: clock }))
  clock += TTL / 2 + 1
  transactions.purgeStale()
  expect(sessionStorage.getItem('sso-bridge:txn:old')).toBeNull()
  expect(sessionStorage.getItem('sso-bridge:txn:fresh')).not.toBeNull()
  expect(codeOf(() => transactions.consume('old'))).toBe('state_expired')
  expect(transactions.consume('fresh').state).toBe('fresh')
})

test('purgeStale removes malformed records and tombstones and leaves other keys alone', () => {
  sessionStorage.setItem('sso-bridge:txn:bad', 'nope')
  sessionStorage.setItem('sso-bridge:txn:other', JSON.stringify(transaction()))
  sessionStorage.setItem('sso-bridge:done:bad', '{"reason":"lost","at":1}')
  sessionStorage.setItem('unrelated', 'keep')
  store().purgeStale()
  expect(sessionStorage.getItem('sso-bridge:txn:bad')).toBeNull()
  expect(sessionStorage.getItem('sso-bridge:txn:other')).toBeNull()
  expect(sessionStorage.getItem('sso-bridge:done:bad')).toBeNull()
  expect(sessionStorage.getItem('unrelated')).toBe('keep')
})

test('purgeStale removes tombstones older than the time to live', () => {
  const transactions = store()
  transactions.save(transaction())
  transactions.consume('state-1')
  clock += TTL
  transactions.purgeStale()
  expect(sessionStorage.getItem('sso-bridge:done:state-1')).not.toBeNull()
  clock += 1
  transactions.purgeStale()
  expect(sessionStorage.getItem('sso-bridge:done:state-1')).toBeNull()
})

test('a tombstone older than the time to live no longer answers state_used', () => {
  const transactions = store()
  transactions.save(transaction())
  transactions.consume('state-1')
  clock += TTL + 1
  expect(codeOf(() => transactions.consume('state-1'))).toBe('state_mismatch')
  expect(sessionStorage.getItem('sso-bridge:done:state-1')).toBeNull()
})

test('a malformed tombstone is ignored and removed', () => {
  const transactions = store()
  transactions.save(transaction())
  sessionStorage.setItem('sso-bridge:done:state-1', '"used"')
  expect(transactions.consume('state-1').state).toBe('state-1')
})

test('clear removes every record and tombstone but keeps other keys', () => {
  const transactions = store()
  transactions.save(transaction({ state: 'a' }))
  transactions.save(transaction({ state: 'b' }))
  transactions.consume('a')
  sessionStorage.setItem('unrelated', 'keep')
  transactions.clear()
  expect(sessionStorage.getItem('sso-bridge:txn:b')).toBeNull()
  expect(sessionStorage.getItem('sso-bridge:done:a')).toBeNull()
  expect(codeOf(() => transactions.consume('b'))).toBe('state_mismatch')
  expect(sessionStorage.getItem('unrelated')).toBe('keep')
})

test('readTransaction gives a copy of a well-formed record', () => {
  const tx = transaction()
  const read = readTransaction(JSON.parse(JSON.stringify(tx)))
  expect(read).toEqual(tx)
  expect(read).not.toBe(tx)
})

test.each(Object.keys(transaction()))('readTransaction refuses a record without %s', (field) => {
  const record = Object.fromEntries(Object.entries(transaction()).filter(([key]) => key !== field))
  expect(readTransaction(record)).toBeUndefined()
})

test.each<[string, Record<string, unknown>]>([
  ['another flow', { flow: 'handoff' }],
  ['another provider', { provider: 'indee' }],
  ['an empty state', { state: '' }],
  ['a state over 512 characters', { state: 's'.repeat(513) }],
  ['a numeric nonce', { nonce: 1 }],
  ['a nonce over 512 characters', { nonce: 'n'.repeat(513) }],
  ['an email that is not an address', { email: 'alice' }],
  ['an email with surrounding spaces', { email: ' alice@example.com ' }],
  ['a returnTo on another origin', { returnTo: '//evil.example/' }],
  ['a returnTo into the callback', { returnTo: '/sso/callback?code=x' }],
  ['an issuer that is not a URL', { issuer: 'idp' }],
  ['an issuer over plain http elsewhere', { issuer: 'http://idp.example' }],
  ['a fractional createdAt', { createdAt: 1.5 }],
  ['a negative createdAt', { createdAt: -1 }],
  ['a createdAt as text', { createdAt: '1700000000000' }],
])('readTransaction refuses %s', (_name, change) => {
  expect(readTransaction({ ...transaction(), ...change })).toBeUndefined()
})

test('readTransaction refuses an unknown key, "__proto__" included', () => {
  expect(readTransaction({ ...transaction(), admin: true })).toBeUndefined()
  const withProto: unknown = JSON.parse(
    JSON.stringify(transaction()).replace('{', '{"__proto__":{"admin":true},'),
  )
  expect(readTransaction(withProto)).toBeUndefined()
})

test('readTransaction refuses what is not an object', () => {
  expect(readTransaction(null)).toBeUndefined()
  expect(readTransaction([transaction()])).toBeUndefined()
  expect(readTransaction('{}')).toBeUndefined()
})

test('save refuses a record with an unknown key, as the read path does', () => {
  const tx = { ...transaction(), admin: true }
  expect(codeOf(() => store().save(tx))).toBe('invalid_response')
  expect(sessionStorage.length).toBe(0)
})

test('a tombstone with an unknown key is ignored and removed', () => {
  const transactions = store()
  transactions.save(transaction())
  sessionStorage.setItem(
    'sso-bridge:done:state-1',
    JSON.stringify({ reason: 'used', at: clock, x: 1 }),
  )
  expect(transactions.consume('state-1').state).toBe('state-1')
})

test('readTransaction refuses an issuer that is not text, even one that reads as a URL', () => {
  expect(readTransaction({ ...transaction(), issuer: ['http://127.0.0.1:4010'] })).toBeUndefined()
})

test('readTransaction holds the issuer to the issuer rule: no query', () => {
  expect(readTransaction({ ...transaction(), issuer: 'http://127.0.0.1:4010/?tenant=1' })).toBe(
    undefined,
  )
})

test.each<[string, unknown]>([
  ['another reason', { reason: 'consumed', at: 1_700_000_000_000 }],
  ['a time as text', { reason: 'used', at: 'now' }],
  ['a negative time', { reason: 'used', at: -1 }],
])('a tombstone with %s is ignored and removed', (_name, tombstone) => {
  const transactions = store()
  transactions.save(transaction())
  sessionStorage.setItem('sso-bridge:done:state-1', JSON.stringify(tombstone))
  expect(transactions.consume('state-1').state).toBe('state-1')
  expect(JSON.parse(sessionStorage.getItem('sso-bridge:done:state-1') ?? 'null')).toEqual({
    reason: 'used',
    at: clock,
  })
})

test('each refusal says what was wrong with the state', () => {
  const transactions = store()
  expect(thrownSsoError(() => transactions.consume('')).message).toBe(
    'callback has no "state" parameter',
  )
  expect(thrownSsoError(() => transactions.consume('nobody')).message).toBe(
    'unexpected "state" value',
  )
  sessionStorage.setItem('sso-bridge:txn:broken', '{')
  expect(thrownSsoError(() => transactions.consume('broken'))).toMatchObject({
    code: 'state_mismatch',
    message: 'stored transaction for "state" is malformed',
  })

  transactions.save(transaction({ state: 'used-1' }))
  transactions.consume('used-1')
  expect(thrownSsoError(() => transactions.consume('used-1')).message).toBe(
    '"state" was already used',
  )

  transactions.save(transaction({ state: 'late-1' }))
  clock += TTL + 1
  expect(thrownSsoError(() => transactions.consume('late-1'))).toMatchObject({
    code: 'state_expired',
    message: '"state" expired before the callback',
  })
  expect(thrownSsoError(() => transactions.consume('late-1'))).toMatchObject({
    code: 'state_expired',
    message: '"state" expired before the callback',
  })
})

test('save names why it refuses a malformed transaction', () => {
  expect(thrownSsoError(() => store().save(transaction({ email: 'alice' })))).toMatchObject({
    code: 'invalid_response',
    message: 'refusing to store a malformed sign-in transaction',
  })
})

test('an unknown state is looked up without removing anything', () => {
  const storage = throwingStorage(sessionStorage, { operations: new Set(['removeItem']) })
  expect(codeOf(() => store(storage).consume('nobody'))).toBe('state_mismatch')
})
