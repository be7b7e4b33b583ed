import { expect, test } from 'vitest'
import { LOGIN_RENEWAL_MARGIN_MS, UpstreamLogins, type LoginOutcome } from './upstream-logins.ts'

const LIFETIME_MS = 20 * 60_000

function fakeClock() {
  let now = 1_767_000_000_000
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms
    },
  }
}

/** A cache on a fake clock, and a login that hands out token-1, token-2, … counting its calls. */
function setUp() {
  const clock = fakeClock()
  return { clock, logins: new UpstreamLogins(clock.now), vendor: countingLogin(clock) }
}

/** A login that hands out token-1, token-2, … and counts its calls. */
function countingLogin(clock: { now: () => number }) {
  let calls = 0
  return {
    calls: () => calls,
    login: (): Promise<LoginOutcome> => {
      calls += 1
      return Promise.resolve({
        kind: 'token',
        token: `token-${calls}`,
        expiresAt: clock.now() + LIFETIME_MS,
      })
    },
  }
}

test('reuses a token until the renewal margin before it expires', async () => {
  const { clock, logins, vendor } = setUp()
  expect(await logins.get('k', vendor.login)).toMatchObject({ token: 'token-1' })
  clock.advance(LIFETIME_MS - LOGIN_RENEWAL_MARGIN_MS - 1)
  expect(await logins.get('k', vendor.login)).toMatchObject({ token: 'token-1' })
  clock.advance(1)
  expect(await logins.get('k', vendor.login)).toMatchObject({ token: 'token-2' })
  expect(vendor.calls()).toBe(2)
})

test('keeps one token per key', async () => {
  const { logins, vendor } = setUp()
  await logins.get('alice', vendor.login)
  await logins.get('carol', vendor.login)
  expect(await logins.get('alice', vendor.login)).toMatchObject({ token: 'token-1' })
  expect(vendor.calls()).toBe(2)
})

test('concurrent callers share one login', async () => {
  const { logins, vendor } = setUp()
  const outcomes = await Promise.all([1, 2, 3].map(() => logins.get('k', vendor.login)))
  expect(outcomes.map((o) => o.kind === 'token' && o.token)).toEqual([
    'token-1',
    'token-1',
    'token-1',
  ])
  expect(vendor.calls()).toBe(1)
})

test('forget drops only the token it names', async () => {
  const { logins, vendor } = setUp()
  await logins.get('k', vendor.login)
  logins.forget('k', 'token-1')
  expect(await logins.get('k', vendor.login)).toMatchObject({ token: 'token-2' })
  logins.forget('k', 'token-1') // a stale 401 for the old token keeps the new one
  expect(await logins.get('k', vendor.login)).toMatchObject({ token: 'token-2' })
  expect(vendor.calls()).toBe(2)
})

test('does not keep a refused or failed login', async () => {
  const { logins } = setUp()
  let calls = 0
  const failing = (): Promise<LoginOutcome> => {
    calls += 1
    return Promise.resolve({ kind: 'failed', message: 'Vendor is unreachable' })
  }
  expect(await logins.get('k', failing)).toEqual({
    kind: 'failed',
    message: 'Vendor is unreachable',
  })
  await logins.get('k', failing)
  expect(calls).toBe(2)
})
