// docs/architecture.md §3 "Transactions": when sessionStorage is unavailable (throws, quota,
// disabled) sign-in refuses to start with a clear message; it never falls back silently to memory,
// which would lose the transaction on the identity provider's redirect.
import { SsoError } from './errors.ts'

const PROBE_KEY = 'sso-bridge:probe'

/**
 * Proves that `storage` can write, read back and remove a value, and returns it.
 * Throws SsoError `storage_unavailable` when it cannot (undefined, SecurityError, quota).
 */
export function probeStorage(storage: Storage | undefined): Storage {
  if (storage === undefined) {
    throw new SsoError('storage_unavailable', 'sessionStorage is not available')
  }
  try {
    storage.setItem(PROBE_KEY, PROBE_KEY)
    const readBack = storage.getItem(PROBE_KEY)
    storage.removeItem(PROBE_KEY)
    if (readBack !== PROBE_KEY) {
      throw new Error('sessionStorage did not keep the probe value')
    }
  } catch (error) {
    throw new SsoError('storage_unavailable', 'sessionStorage refused the probe write', {
      cause: error,
    })
  }
  return storage
}

/** The page's sessionStorage, probed; reading the property itself throws in sandboxed frames. */
export function safeSessionStorage(): Storage {
  let storage: Storage | undefined
  try {
    storage = (globalThis as { sessionStorage?: Storage }).sessionStorage
  } catch (error) {
    throw new SsoError('storage_unavailable', 'reading sessionStorage threw', { cause: error })
  }
  return probeStorage(storage)
}

/** Runs one storage operation and turns any throw into SsoError `storage_unavailable`. */
export function guardStorage<T>(operation: () => T): T {
  try {
    return operation()
  } catch (error) {
    throw new SsoError('storage_unavailable', 'sessionStorage operation failed', { cause: error })
  }
}

/** Every key currently in `storage` (copied first, so callers may remove while iterating). */
export function storageKeys(storage: Storage): string[] {
  return guardStorage(() => {
    const keys: string[] = []
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index)
      if (key !== null) keys.push(key)
    }
    return keys
  })
}
