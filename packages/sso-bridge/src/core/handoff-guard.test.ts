import { expect, test, vi } from 'vitest'
import { SsoError } from './errors.ts'
import type { AllowedRedirect } from './allowed-redirect.ts'
import { fetchFreshTarget, safeWindowFor } from './handoff-guard.ts'
import type { HandoffTarget } from './handoff.ts'

function target(n: number): HandoffTarget {
  return { kind: 'redirect', url: `https://vendor.test/land?token=${n}` as AllowedRedirect }
}

/**
 * A manual clock and a fetch that hands out target 1, 2, … ; each wait until the page is
 * navigable moves the clock by the next of `delays`.
 */
function scenario(delays: readonly number[]) {
  let clock = 1_000_000
  let fetched = 0
  let waited = 0
  const fetchTarget = vi.fn(() => {
    fetched += 1
    return Promise.resolve(target(fetched))
  })
  const waitUntilNavigable = vi.fn(() => {
    clock += delays[waited] ?? 0
    waited += 1
    return Promise.resolve()
  })
  return { fetchTarget, waitUntilNavigable, now: () => clock }
}

test('returns a target that is still inside its safe window', async () => {
  const { fetchTarget, waitUntilNavigable, now } = scenario([15_000])
  await expect(
    fetchFreshTarget(fetchTarget, { now, safeWindowMs: 15_000, waitUntilNavigable }),
  ).resolves.toEqual(target(1))
  expect(fetchTarget).toHaveBeenCalledTimes(1)
  expect(waitUntilNavigable).toHaveBeenCalledTimes(1)
})

test('discards a target that aged past its safe window and fetches a fresh one once', async () => {
  const { fetchTarget, waitUntilNavigable, now } = scenario([15_001, 10])
  await expect(
    fetchFreshTarget(fetchTarget, { now, safeWindowMs: 15_000, waitUntilNavigable }),
  ).resolves.toEqual(target(2))
  expect(fetchTarget).toHaveBeenCalledTimes(2)
})

test('fails with handoff_expired when the fresh target is stale too', async () => {
  const { fetchTarget, waitUntilNavigable, now } = scenario([60_000, 60_000, 0])
  const failure = fetchFreshTarget(fetchTarget, { now, safeWindowMs: 15_000, waitUntilNavigable })
  await expect(failure).rejects.toBeInstanceOf(SsoError)
  await expect(failure).rejects.toMatchObject({
    code: 'handoff_expired',
    message:
      'hand-off token was 60000 ms old when the page could navigate (safe window 15000 ms), twice',
  })
  expect(fetchTarget).toHaveBeenCalledTimes(2)
})

test('measures the age from when the answer arrived, not from when it was asked for', async () => {
  let clock = 0
  const fetchTarget = vi.fn(() => {
    clock += 20_000 // a slow answer is not the token's age
    return Promise.resolve(target(1))
  })
  const waitUntilNavigable = () => Promise.resolve()
  await expect(
    fetchFreshTarget(fetchTarget, { now: () => clock, safeWindowMs: 15_000, waitUntilNavigable }),
  ).resolves.toEqual(target(1))
  expect(fetchTarget).toHaveBeenCalledTimes(1)
})

test('passes a failed fetch through without fetching again', async () => {
  const { waitUntilNavigable, now } = scenario([])
  const fetchTarget = vi.fn(() =>
    Promise.reject(new SsoError('handoff_unavailable', 'request failed')),
  )
  await expect(
    fetchFreshTarget(fetchTarget, { now, safeWindowMs: 15_000, waitUntilNavigable }),
  ).rejects.toMatchObject({ code: 'handoff_unavailable' })
  expect(fetchTarget).toHaveBeenCalledTimes(1)
  expect(waitUntilNavigable).not.toHaveBeenCalled()
})

test('uses half of the token lifetime as the default safe window', () => {
  expect(safeWindowFor({ tokenLifetimeMs: 30_000 })).toBe(15_000)
  expect(safeWindowFor({ tokenLifetimeMs: 15_000 })).toBe(7_500)
})
