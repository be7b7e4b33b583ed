import { afterEach, expect, test, vi } from 'vitest'
import { browserTransactions } from './browser.ts'

afterEach(() => {
  vi.restoreAllMocks()
})

const tx = {
  flow: 'signin',
  provider: 'bff',
  state: 'kind-1',
  nonce: 'n1',
  email: 'alice@example.com',
  returnTo: '/',
  issuer: 'http://127.0.0.1:4010',
  createdAt: Date.now(),
} as const

test("keeps a sign-in in this tab's sessionStorage, never in localStorage", () => {
  localStorage.clear()
  const local = vi.spyOn(Storage.prototype, 'setItem')
  browserTransactions(600).save(tx)
  expect(sessionStorage.getItem('sso-bridge:txn:kind-1')).not.toBeNull()
  expect(localStorage.length).toBe(0)
  // Every write went to sessionStorage.
  for (const call of local.mock.contexts) expect(call).toBe(sessionStorage)
})

test('finds the sign-in again in a new store of the same tab, as the callback page does', () => {
  browserTransactions(600).save({ ...tx, state: 'kind-2' })
  expect(browserTransactions(600).consume('kind-2').email).toBe('alice@example.com')
})

test('refuses to start without sessionStorage rather than fall back to memory', () => {
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('quota', 'QuotaExceededError')
  })
  expect(() => browserTransactions(600)).toThrow(
    expect.objectContaining({ code: 'storage_unavailable' }),
  )
})

test("reads the tab's clock: a sign-in older than its time to live is purged as expired", () => {
  browserTransactions(600).save({ ...tx, state: 'kind-3', createdAt: Date.now() - 601_000 })
  const store = browserTransactions(600)
  expect(sessionStorage.getItem('sso-bridge:txn:kind-3')).toBeNull()
  expect(() => store.consume('kind-3')).toThrow(expect.objectContaining({ code: 'state_expired' }))
})
