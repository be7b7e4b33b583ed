// The session store under watch: every operation counted by outcome, and its latency, whatever
// store it is. The lock's time is left out of the latency: it includes the refresh it guards.
import type { SessionStore } from '../session/session-store.ts'
import type { BffMetrics } from './metrics.ts'

const TIMED = ['get', 'set', 'replace', 'delete', 'ping'] as const
const COUNTED = [...TIMED, 'withLock'] as const

type Operation = (typeof COUNTED)[number]

/** `store`, with each operation recorded in `metrics`; the store itself is unchanged. */
export function watchedStore<Store extends SessionStore>(
  store: Store,
  metrics: Pick<BffMetrics, 'storeOperations' | 'storeDuration'>,
): Store {
  const watched = Object.create(store) as Store
  for (const operation of COUNTED) {
    const run = (store[operation] as (...args: unknown[]) => Promise<unknown>).bind(store)
    const label = operation === 'withLock' ? 'lock' : operation
    // Children bound to their labels once: no label hashing on the request path.
    const ok = metrics.storeOperations.labels(label, 'ok')
    const failed = metrics.storeOperations.labels(label, 'error')
    const duration = (TIMED as readonly Operation[]).includes(operation)
      ? metrics.storeDuration.labels(label)
      : undefined
    Object.defineProperty(watched, operation, {
      value: async (...args: unknown[]) => {
        const started = performance.now()
        try {
          const result = await run(...args)
          ok.inc()
          return result
        } catch (error) {
          failed.inc()
          throw error
        } finally {
          duration?.observe((performance.now() - started) / 1000)
        }
      },
    })
  }
  return watched
}
