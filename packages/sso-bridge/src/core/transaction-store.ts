// Sign-ins in progress (docs/architecture.md §3 "Transactions"): one sessionStorage record per
// state, validated on the way in and out, consumed once, remembered briefly by a tombstone.
import { LIMITS } from '../../../contract/src/contract.ts'
import { destinationProblems } from './config-rules.ts'
import { isEmail } from './email-address.ts'
import { SsoError } from './errors.ts'
import { parseJsonText } from './json.ts'
import { hasOnlyKeys, isObject, isText, isWholeNumber } from './plain-checks.ts'
import { isReturnPath } from './return-to.ts'
import { guardStorage, probeStorage, storageKeys } from './storage.ts'

const RECORD_PREFIX = 'sso-bridge:txn:'
const TOMBSTONE_PREFIX = 'sso-bridge:done:'

/** Backends sso-bridge has an adapter for; a Record over this catches a missing adapter. */
export type ProviderName = 'bff'

export interface Transaction {
  readonly flow: 'signin'
  readonly provider: ProviderName
  readonly state: string
  readonly nonce: string
  readonly email: string
  /** A same-origin path (isReturnPath). */
  readonly returnTo: string
  /** The issuer expected in the callback's `iss` (RFC 9207). */
  readonly issuer: string
  /** Milliseconds since the epoch, from the injected clock. */
  readonly createdAt: number
}

const TRANSACTION_KEYS = [
  'flow',
  'provider',
  'state',
  'nonce',
  'email',
  'returnTo',
  'issuer',
  'createdAt',
] as const

/**
 * The one check of a transaction record, used before it is stored and whenever it is read back
 * (sessionStorage is shared with every script of this origin): every field present and well
 * formed, no other field. Returns a copy, else undefined.
 */
export function readTransaction(value: unknown): Transaction | undefined {
  if (!isObject(value) || !hasOnlyKeys(value, TRANSACTION_KEYS)) return undefined
  const { flow, provider, state, nonce, email, returnTo, issuer, createdAt } = value
  if (flow !== 'signin' || provider !== 'bff') return undefined
  if (!isText(state, 1, LIMITS.state) || !isText(nonce, 1, LIMITS.nonce)) return undefined
  if (typeof email !== 'string' || !isEmail(email)) return undefined
  if (typeof returnTo !== 'string' || !isReturnPath(returnTo)) return undefined
  if (typeof issuer !== 'string' || destinationProblems(issuer, 'issuer').length > 0) {
    return undefined
  }
  if (!isWholeNumber(createdAt, 0)) return undefined
  return { flow, provider, state, nonce, email, returnTo, issuer, createdAt }
}

interface Tombstone {
  readonly reason: 'used' | 'expired'
  readonly at: number
}

function readTombstoneValue(value: unknown): Tombstone | undefined {
  if (!isObject(value) || !hasOnlyKeys(value, ['reason', 'at'])) return undefined
  const { reason, at } = value
  if ((reason !== 'used' && reason !== 'expired') || !isWholeNumber(at, 0)) return undefined
  return { reason, at }
}

export interface TransactionStore {
  /**
   * Throws `storage_unavailable` when the storage cannot take a record now (disabled, quota), so a
   * sign-in is refused before anything is sent (docs/architecture.md §3 "Transactions": never fall
   * back to memory).
   */
  probe(): void
  /** Stores a new transaction under its state; throws `storage_unavailable` if it cannot. */
  save(tx: Transaction): void
  /**
   * Looks up the transaction for a callback's state and consumes it, so it can never be used
   * again. Throws `state_missing`, `state_used`, `state_expired` or `state_mismatch`.
   */
  consume(state: string | undefined): Transaction
  /** Removes expired and malformed records (leaving `expired` tombstones) and old tombstones. */
  purgeStale(): void
  /** Removes every transaction record and tombstone (sign-out leaves nothing behind). */
  clear(): void
}

export interface TransactionStoreOptions {
  readonly storage: Storage
  readonly now: () => number
  readonly ttlMs: number
}

/**
 * A transaction store over `storage`. Lookups are `getItem` of a prefixed key, never property
 * access on an object, so `__proto__` or `constructor` as a state matches nothing.
 */
export function createTransactionStore({
  storage,
  now,
  ttlMs,
}: TransactionStoreOptions): TransactionStore {
  const get = (key: string) => guardStorage(() => storage.getItem(key))
  const set = (key: string, value: string) => {
    guardStorage(() => {
      storage.setItem(key, value)
    })
  }
  const remove = (key: string) => {
    guardStorage(() => {
      storage.removeItem(key)
    })
  }

  const readRecord = (key: string) => readTransaction(parseJsonText(get(key)))
  const readTombstone = (key: string) => readTombstoneValue(parseJsonText(get(key)))
  const writeTombstone = (state: string, reason: Tombstone['reason']) => {
    set(TOMBSTONE_PREFIX + state, JSON.stringify({ reason, at: now() } satisfies Tombstone))
  }
  const isExpired = (since: number) => now() - since > ttlMs

  return {
    probe() {
      probeStorage(storage)
    },

    save(tx) {
      const record = readTransaction(tx)
      if (record === undefined) {
        throw new SsoError('invalid_response', 'refusing to store a malformed sign-in transaction')
      }
      set(RECORD_PREFIX + record.state, JSON.stringify(record))
    },

    consume(state) {
      if (state === undefined || state === '') {
        throw new SsoError('state_missing', 'callback has no "state" parameter')
      }
      const tombstoneKey = TOMBSTONE_PREFIX + state
      if (get(tombstoneKey) !== null) {
        const tombstone = readTombstone(tombstoneKey)
        if (tombstone === undefined || isExpired(tombstone.at)) {
          remove(tombstoneKey)
        } else if (tombstone.reason === 'used') {
          // RFC 9700 §4.2.4: state is single use; say so rather than a generic mismatch.
          throw new SsoError('state_used', '"state" was already used')
        } else {
          throw new SsoError('state_expired', '"state" expired before the callback')
        }
      }

      const recordKey = RECORD_PREFIX + state
      if (get(recordKey) === null) {
        throw new SsoError('state_mismatch', 'unexpected "state" value')
      }
      const tx = readRecord(recordKey)
      if (tx?.state !== state) {
        remove(recordKey)
        throw new SsoError('state_mismatch', 'stored transaction for "state" is malformed')
      }
      remove(recordKey)
      if (isExpired(tx.createdAt)) {
        writeTombstone(state, 'expired')
        throw new SsoError('state_expired', '"state" expired before the callback')
      }
      // Consumed before any backend call: a replayed callback finds only the tombstone.
      writeTombstone(state, 'used')
      return tx
    },

    purgeStale() {
      for (const key of storageKeys(storage)) {
        if (key.startsWith(RECORD_PREFIX)) {
          const tx = readRecord(key)
          if (tx === undefined || key !== RECORD_PREFIX + tx.state) {
            remove(key)
          } else if (isExpired(tx.createdAt)) {
            remove(key)
            writeTombstone(tx.state, 'expired')
          }
        } else if (key.startsWith(TOMBSTONE_PREFIX)) {
          const tombstone = readTombstone(key)
          if (tombstone === undefined || isExpired(tombstone.at)) remove(key)
        }
      }
    },

    clear() {
      for (const key of storageKeys(storage)) {
        if (key.startsWith(RECORD_PREFIX) || key.startsWith(TOMBSTONE_PREFIX)) remove(key)
      }
    },
  }
}
