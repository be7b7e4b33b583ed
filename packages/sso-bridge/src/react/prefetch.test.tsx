import { cleanup, render } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { IdlePrefetch } from './prefetch.tsx'

const loaded = vi.hoisted(() => ({ views: 0, handoff: 0, check: 0 }))
vi.mock('./lazy-views.tsx', () => ({
  preloadViews: () => {
    loaded.views += 1
    return Promise.resolve()
  },
}))
vi.mock('./config-check.ts', () => ({
  loadConfigCheck: () => {
    loaded.check += 1
    return Promise.resolve()
  },
}))
vi.mock('./sso-routes.tsx', () => ({
  loadHandoffRoute: () => {
    loaded.handoff += 1
    return Promise.resolve()
  },
}))

/** Idle callbacks the test runs by hand. */
function fakeIdle() {
  const queued = new Map<number, () => void>()
  let next = 0
  vi.stubGlobal('requestIdleCallback', (task: () => void) => {
    next += 1
    queued.set(next, task)
    return next
  })
  vi.stubGlobal('cancelIdleCallback', (id: number) => queued.delete(id))
  return {
    get pending() {
      return queued.size
    },
    run() {
      for (const [id, task] of queued) {
        queued.delete(id)
        task()
      }
    },
  }
}

afterEach(() => {
  // Unmounted while the fake idle callbacks are still there to cancel.
  cleanup()
  vi.unstubAllGlobals()
  loaded.views = 0
  loaded.handoff = 0
  loaded.check = 0
})

test('nothing is prefetched while the exchange is in flight; once it answers, at the next idle time', async () => {
  const idle = fakeIdle()
  let answer: () => void = () => undefined
  const callback = new Promise<void>((resolve) => (answer = resolve))
  render(<IdlePrefetch callback={callback} />)
  await Promise.resolve()
  expect(idle.pending).toBe(0)
  answer()
  await vi.waitFor(() => {
    expect(idle.pending).toBe(1)
  })
  expect(loaded).toEqual({ views: 0, handoff: 0, check: 0 })
  idle.run()
  expect(loaded).toEqual({ views: 1, handoff: 1, check: 1 })
})

test('a failed exchange still prefetches, and leaving the page first cancels it', async () => {
  const idle = fakeIdle()
  const failed = Promise.reject(new Error('login failed'))
  const { unmount } = render(<IdlePrefetch callback={failed} />)
  await vi.waitFor(() => {
    expect(idle.pending).toBe(1)
  })
  unmount()
  expect(idle.pending).toBe(0)
  expect(loaded).toEqual({ views: 0, handoff: 0, check: 0 })
})

test('a page with no exchange prefetches at the first idle time', async () => {
  const idle = fakeIdle()
  render(<IdlePrefetch callback={undefined} />)
  await vi.waitFor(() => {
    expect(idle.pending).toBe(1)
  })
  idle.run()
  expect(loaded).toEqual({ views: 1, handoff: 1, check: 1 })
})
