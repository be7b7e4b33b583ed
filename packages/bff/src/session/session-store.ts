// Where the BFF keeps sessions. One interface, so a shared store (many instances behind a load
// balancer) can replace the in-memory one without touching the routes.

/**
 * What the BFF knows of one signed-in person. Tokens never leave the server, and a store keeps
 * the record sealed only.
 */
export interface SessionRecord {
  /** The Indee session token (a JWT verified at login and at every refresh). */
  readonly token: string
  /** When `token` expires (ms since the epoch). */
  readonly tokenExpiresAt: number
  /** From here on, the next request renews `token` first. */
  readonly refreshAt: number
  readonly refreshToken: string
  readonly subject: string
  readonly email: string
  readonly permissions: readonly string[]
  readonly ciiNo: string | undefined
  readonly createdAt: number
  /** The last request that used the session; the idle timeout counts from here. */
  readonly lastSeenAt: number
  /** The session ends here whatever happens (at most the refresh token's lifetime). */
  readonly absoluteExpiresAt: number
}

/**
 * Each session is under its own key, as a sealed value (session-seal.ts): a store never sees a
 * token or an email, and cannot tell one session's value from another's.
 */
export interface SessionStore {
  /** The value under `key`, or undefined when there is none (or it has expired). */
  get(key: string): Promise<string | undefined>
  /** Stores `value` under `key`; the store forgets it after `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>
  /**
   * Like set, but only while a value is under `key`; false (and nothing stored) when there is
   * none. A request that read the session before a sign-out (here or on another instance) cannot
   * bring it back by writing it afterwards.
   */
  replace(key: string, value: string, ttlMs: number): Promise<boolean>
  delete(key: string): Promise<void>
  /**
   * Runs `work` while no other `withLock(key)` caller runs (one refresh per session at a time).
   * A shared store implements this with a lock that times out.
   */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>
  /** Resolves when the store can serve requests (GET /readyz). */
  ping(): Promise<void>
  /** Which kind of store this is, for logs and /readyz. */
  readonly kind: 'memory' | 'redis'
  close(): Promise<void>
}

/**
 * The session store cannot serve the request (a shared store that is down, slow, or a lock that
 * could not be had in time). Routes answer it as 503 `backend_unavailable`; the message names
 * the operation and the cause, never a key or a value.
 */
export class SessionStoreUnavailable extends Error {
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options)
    this.name = 'SessionStoreUnavailable'
  }
}
