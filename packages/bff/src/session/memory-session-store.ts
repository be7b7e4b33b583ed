// The embedded default session store: one process, nothing to install. Expired records are
// dropped when read and swept once a minute, so memory stays bounded by the live sessions.
import type { SessionStore } from './session-store.ts'

interface Entry {
  readonly value: string
  readonly expiresAt: number
}

export interface MemorySessionStoreOptions {
  readonly now?: () => number
  /** How often expired records are swept (ms); 0 turns the sweep off (tests). */
  readonly sweepMs?: number
}

export function createMemorySessionStore(options: MemorySessionStoreOptions = {}): SessionStore {
  const now = options.now ?? Date.now
  const entries = new Map<string, Entry>()
  const locks = new Map<string, Promise<unknown>>()
  const sweepMs = options.sweepMs ?? 60_000
  const sweep = () => {
    const at = now()
    for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key)
  }
  const timer = sweepMs > 0 ? setInterval(sweep, sweepMs) : undefined
  timer?.unref()

  return {
    kind: 'memory',
    get(key) {
      const entry = entries.get(key)
      if (entry === undefined) return Promise.resolve(undefined)
      if (entry.expiresAt <= now()) {
        entries.delete(key)
        return Promise.resolve(undefined)
      }
      return Promise.resolve(entry.value)
    },
    set(key, value, ttlMs) {
      entries.set(key, { value, expiresAt: now() + ttlMs })
      return Promise.resolve()
    },
    replace(key, value, ttlMs) {
      const entry = entries.get(key)
      if (entry === undefined || entry.expiresAt <= now()) return Promise.resolve(false)
      entries.set(key, { value, expiresAt: now() + ttlMs })
      return Promise.resolve(true)
    },
    delete(key) {
      entries.delete(key)
      return Promise.resolve()
    },
    async withLock(key, work) {
      const previous = locks.get(key) ?? Promise.resolve()
      const run = previous.then(work, work)
      const settled = run.catch(() => undefined)
      locks.set(key, settled)
      try {
        return await run
      } finally {
        if (locks.get(key) === settled) locks.delete(key)
      }
    },
    ping: () => Promise.resolve(),
    close() {
      if (timer !== undefined) clearInterval(timer)
      entries.clear()
      return Promise.resolve()
    },
  }
}
