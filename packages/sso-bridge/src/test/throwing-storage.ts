// Test doubles for storage that misbehaves the way browsers do (Safari private mode, quota,
// sandboxed frames, cookies blocked). Used by unit tests only.

export type StorageOperation = 'getItem' | 'setItem' | 'removeItem' | 'key' | 'clear'

/**
 * A Storage that delegates to `inner` but throws a DOMException from the listed operations.
 * `failing` is read on every call, so a test can make a working storage start failing.
 */
export function throwingStorage(
  inner: Storage,
  failing: { operations: ReadonlySet<StorageOperation>; name?: string },
): Storage {
  const fail = (operation: StorageOperation) => {
    if (failing.operations.has(operation)) {
      throw new DOMException(`${operation} refused`, failing.name ?? 'QuotaExceededError')
    }
  }
  return {
    get length() {
      return inner.length
    },
    key(index) {
      fail('key')
      return inner.key(index)
    },
    getItem(key) {
      fail('getItem')
      return inner.getItem(key)
    },
    setItem(key, value) {
      fail('setItem')
      inner.setItem(key, value)
    },
    removeItem(key) {
      fail('removeItem')
      inner.removeItem(key)
    },
    clear() {
      fail('clear')
      inner.clear()
    },
  }
}

/** A Storage that silently drops writes (reads always return null). */
export function forgetfulStorage(): Storage {
  return {
    length: 0,
    key: () => null,
    getItem: () => null,
    setItem: () => undefined,
    removeItem: () => undefined,
    clear: () => undefined,
  }
}
