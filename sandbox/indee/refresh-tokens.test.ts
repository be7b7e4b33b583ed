import { expect, test } from 'vitest'
import { RefreshTokenStore } from './refresh-tokens.ts'

const owner = { sub: 'alice@example.com', email: 'alice@example.com' }

test('keeps a refresh token usable, without rotating it, until it expires', () => {
  const clock = { now: 0 }
  const store = new RefreshTokenStore(() => clock.now)
  const token = store.issue(owner, 60)
  expect(store.use(token)).toMatchObject(owner)
  clock.now += 59_999
  expect(store.use(token)).toMatchObject(owner)
  clock.now += 1
  expect(store.use(token)).toBeUndefined()
})

test('forgets a revoked refresh token, and revoking twice is harmless', () => {
  const store = new RefreshTokenStore(() => 0)
  const token = store.issue(owner, 60)
  store.revoke(token)
  store.revoke(token)
  expect(store.use(token)).toBeUndefined()
  expect(store.use('never-issued')).toBeUndefined()
})
