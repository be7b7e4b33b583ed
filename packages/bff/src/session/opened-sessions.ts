// The sessions this process sealed or opened last, each with the exact value the store holds:
// when a request reads that same value again, the record is known without decrypting it. Any
// change made elsewhere (a refresh, a sign-out, a tampered value) changes or removes the stored
// value, so it is opened anew. Bounded: the least recently used go first.
import type { SessionRecord } from './session-store.ts'

/** How many opened sessions one process keeps at most. */
export const OPENED_SESSIONS_MAX = 10_000

export class OpenedSessions {
  readonly #entries = new Map<string, { readonly value: string; readonly record: SessionRecord }>()

  constructor(readonly max: number = OPENED_SESSIONS_MAX) {}

  /** The record of `value` under `key`, when this process sealed or opened that very value. */
  get(key: string, value: string): SessionRecord | undefined {
    const entry = this.#entries.get(key)
    if (entry === undefined || entry.value !== value) return undefined
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    return entry.record
  }

  remember(key: string, value: string, record: SessionRecord): void {
    this.#entries.delete(key)
    this.#entries.set(key, { value, record })
    if (this.#entries.size <= this.max) return
    const oldest = this.#entries.keys().next()
    if (oldest.done !== true) this.#entries.delete(oldest.value)
  }

  forget(key: string): void {
    this.#entries.delete(key)
  }

  get size(): number {
    return this.#entries.size
  }
}
