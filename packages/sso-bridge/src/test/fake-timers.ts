// Runs a request into its timeout on a fake clock, so no test waits in real time.
import { vi } from 'vitest'

/**
 * Starts `request` with fake timeouts, moves the clock `ms` forward, and settles as the request
 * did by then (a request still pending keeps the test waiting until vitest fails it).
 */
export async function afterFakeTime<T>(ms: number, request: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  try {
    const outcome = request()
    // Observed by the await below; this only keeps an early rejection from counting as unhandled.
    outcome.catch(() => undefined)
    await vi.advanceTimersByTimeAsync(ms)
    return await outcome
  } finally {
    vi.useRealTimers()
  }
}
