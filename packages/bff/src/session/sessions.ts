// The session lifecycle: created after a successful sso/login, found by the cookie's random id,
// renewed at Indee shortly before the session token expires (one refresh per session at a time:
// shared by this process's requests, serialised across instances by the store's lock), ended by
// the idle timeout, the absolute lifetime, a refused refresh, or sign-out. The store keeps each
// record sealed with a key derived from the id (session-seal.ts), never readable by itself.
import { createHash, randomBytes } from 'node:crypto'
import { decodeJwt } from 'jose'
import type { SessionView } from '../../../contract/src/contract.ts'
import type { IndeeClient } from '../upstream/indee.ts'
import type { SessionTokenVerifier, VerifiedToken } from '../upstream/session-token.ts'
import { createSessionSeal, type SessionSeal } from './session-seal.ts'
import { OpenedSessions } from './opened-sessions.ts'
import type { SessionRecord, SessionStore } from './session-store.ts'

/** Refresh this long before the token expires (or at half its life, when that is sooner). */
export const REFRESH_LEEWAY_MS = 60_000
/** After a refresh failed with the token still valid, the session's next try waits this long. */
export const REFRESH_BACKOFF_MS = 10_000
/**
 * The last try comes at least this long before the token expires (the default upstream
 * timeout), so a try that fails slowly still ends while the token is valid.
 */
export const REFRESH_LAST_TRY_MS = 5_000

export interface SessionsOptions {
  readonly store: SessionStore
  readonly indee: Pick<IndeeClient, 'refresh' | 'logout'>
  readonly verify: SessionTokenVerifier
  readonly now: () => number
  readonly idleMs: number
  readonly maxMs: number
}

export type Resolved =
  | { readonly ok: true; readonly record: SessionRecord }
  | { readonly ok: false; readonly reason: 'signed_out' | 'session_expired' }

/** The store key of a session id: a leaked store dump gives no usable cookie. */
function keyOf(id: string): string {
  return createHash('sha256').update(id).digest('base64url')
}

/** Session `id`'s store key and the seal of its record, derived once per request. */
interface Sealed extends SessionSeal {
  readonly key: string
}

function sealedOf(id: string): Sealed {
  const key = keyOf(id)
  return { key, ...createSessionSeal(id, key) }
}

function refreshAtOf(now: number, expiresAt: number): number {
  return expiresAt - Math.min(REFRESH_LEEWAY_MS, Math.max(0, expiresAt - now) / 2)
}

/** When to try again after a refresh failed at `now`; past the last try, once it has expired. */
function retryAtOf(now: number, expiresAt: number): number {
  const lastTry = expiresAt - REFRESH_LAST_TRY_MS
  return now < lastTry ? Math.min(now + REFRESH_BACKOFF_MS, lastTry) : expiresAt
}

/** The refresh token's own expiry when it is a JWT; the session never outlives it. */
function refreshTokenExpiry(refreshToken: string): number | undefined {
  try {
    const { exp } = decodeJwt(refreshToken)
    return typeof exp === 'number' ? exp * 1000 : undefined
  } catch {
    return undefined
  }
}

/** What a request learns of its session's life as it is resolved (metrics, the audit trail). */
export interface SessionObserver {
  /** The BFF ended the session now: idle, at the end of its lifetime, or its refresh refused. */
  expired(reason: 'idle' | 'absolute' | 'refresh_refused', record: SessionRecord): void
  /**
   * This request refreshed the token at Indee: renewed, refused (the session ends), or failed
   * (Indee slow or down: a still-valid token carries on).
   */
  refreshed(outcome: 'ok' | 'refused' | 'failed', record: SessionRecord, error?: unknown): void
}

const UNOBSERVED: SessionObserver = { expired: () => undefined, refreshed: () => undefined }

/**
 * A session's last use is recorded at most this often (or every hundredth of the idle timeout,
 * when that is shorter): requests in between only read it.
 */
export const TOUCH_EVERY_MS = 15_000

/** How long the store keeps a session after it ended by idleness or lifetime (sealed, unusable). */
export const EXPIRED_KEPT_MS = 15 * 60_000

export function createSessions(options: SessionsOptions) {
  const { store, indee, verify, now, idleMs, maxMs } = options
  const touchEveryMs = Math.min(TOUCH_EVERY_MS, idleMs / 100)

  // The store keeps a session a while past its end, so a request in that time learns why and
  // for whom it ended (the audit trail's session_expired); it can no longer be used.
  const ttlOf = (record: SessionRecord) =>
    Math.max(
      1,
      Math.min(record.lastSeenAt + idleMs, record.absoluteExpiresAt) + EXPIRED_KEPT_MS - now(),
    )

  const opened = new OpenedSessions()

  /**
   * The record of `session`, read from the store at every request (a change made on another
   * instance shows at once); a value this process sealed or opened before is not decrypted
   * again. A value that does not open counts as none, and goes.
   */
  async function read(session: Sealed): Promise<SessionRecord | undefined> {
    const value = await store.get(session.key)
    if (value === undefined) {
      opened.forget(session.key)
      return undefined
    }
    const known = opened.get(session.key, value)
    if (known !== undefined) return known
    const record = session.open(value)
    if (record !== undefined) {
      opened.remember(session.key, value, record)
      return record
    }
    // It would expire by itself, so a failed delete changes nothing.
    await remove(session.key).catch(() => undefined)
    return undefined
  }

  async function write(session: Sealed, record: SessionRecord): Promise<boolean> {
    const value = session.seal(record)
    const written = await store.replace(session.key, value, ttlOf(record))
    if (written) opened.remember(session.key, value, record)
    else opened.forget(session.key)
    return written
  }

  function remove(key: string): Promise<void> {
    opened.forget(key)
    return store.delete(key)
  }

  async function renew(
    session: Sealed,
    seen: SessionRecord,
    observer: SessionObserver,
  ): Promise<SessionRecord | undefined> {
    const { key } = session
    return store.withLock(key, async () => {
      const current = await read(session)
      // While this request waited for the lock, another one (here or on another instance)
      // renewed the session, ended it, or failed to renew it and set the next try later.
      if (current === undefined || current.token !== seen.token || now() < current.refreshAt) {
        return current
      }
      let token: string | undefined
      try {
        token = await indee.refresh(current.refreshToken)
      } catch (error) {
        observer.refreshed('failed', current, error)
        if (now() >= current.tokenExpiresAt) throw error
        // Indee is slow or down and the token is still valid: it carries on, and no request
        // (here or on another instance) calls Indee for this session again before the back-off.
        const backedOff: SessionRecord = {
          ...current,
          refreshAt: retryAtOf(now(), current.tokenExpiresAt),
        }
        if (!(await write(session, backedOff))) return undefined
        return backedOff
      }
      const verified = token === undefined ? undefined : await verify(token)
      if (token === undefined || verified === undefined || verified.subject !== current.subject) {
        await remove(key)
        observer.refreshed('refused', current)
        observer.expired('refresh_refused', current)
        return undefined
      }
      const next: SessionRecord = {
        ...current,
        ...claimsOf(verified),
        token,
        tokenExpiresAt: verified.expiresAt,
        refreshAt: refreshAtOf(now(), verified.expiresAt),
      }
      observer.refreshed('ok', next)
      // Signed out while Indee answered: it stays signed out.
      if (!(await write(session, next))) return undefined
      return next
    })
  }

  /** The refresh of each session running in this process, shared by the requests that need it. */
  const refreshing = new Map<string, Promise<SessionRecord | undefined>>()

  function renewOnce(
    session: Sealed,
    seen: SessionRecord,
    observer: SessionObserver,
  ): Promise<SessionRecord | undefined> {
    const { key } = session
    const running = refreshing.get(key)
    // The request that started the refresh observes it: one Indee call, one event.
    if (running !== undefined) return running
    const started = renew(session, seen, observer).finally(() => refreshing.delete(key))
    refreshing.set(key, started)
    return started
  }

  return {
    /** Starts a session for freshly issued tokens; returns the cookie's session id. */
    async create(
      tokens: { readonly token: string; readonly refreshToken: string },
      verified: VerifiedToken,
    ): Promise<{ readonly id: string; readonly record: SessionRecord }> {
      const at = now()
      const id = randomBytes(32).toString('base64url')
      const refreshExpiry = refreshTokenExpiry(tokens.refreshToken)
      const record: SessionRecord = {
        ...claimsOf(verified),
        token: tokens.token,
        tokenExpiresAt: verified.expiresAt,
        refreshAt: refreshAtOf(at, verified.expiresAt),
        refreshToken: tokens.refreshToken,
        createdAt: at,
        lastSeenAt: at,
        absoluteExpiresAt: Math.min(at + maxMs, refreshExpiry ?? Number.POSITIVE_INFINITY),
      }
      const session = sealedOf(id)
      const value = session.seal(record)
      await store.set(session.key, value, ttlOf(record))
      opened.remember(session.key, value, record)
      return { id, record }
    },

    /**
     * The live session of cookie id `id`, renewed first when its token is about to expire, and
     * marked as used now (the idle timeout starts again). `observer` learns whether it expired
     * or was refreshed on the way.
     */
    async resolve(
      id: string | undefined,
      observer: SessionObserver = UNOBSERVED,
    ): Promise<Resolved> {
      if (id === undefined) return { ok: false, reason: 'signed_out' }
      const session = sealedOf(id)
      let record = await read(session)
      // A cookie without a session: it ended here (idle, lifetime, refused refresh, sign-out).
      if (record === undefined) return { ok: false, reason: 'session_expired' }
      const at = now()
      if (at >= record.absoluteExpiresAt) {
        // Its lifetime is over, however busy it was.
        await remove(session.key)
        observer.expired('absolute', record)
        return { ok: false, reason: 'session_expired' }
      }
      if (at - record.lastSeenAt >= idleMs) {
        // Nobody used it for the idle timeout.
        await remove(session.key)
        observer.expired('idle', record)
        return { ok: false, reason: 'session_expired' }
      }
      if (at >= record.refreshAt) {
        record = await renewOnce(session, record, observer)
        if (record === undefined) return { ok: false, reason: 'session_expired' }
      }
      // A use this soon after the last one recorded changes nothing worth a seal and a store
      // write: the idle timeout counts from the last use to within touchEveryMs.
      if (at - record.lastSeenAt < touchEveryMs) return { ok: true, record }
      const touched: SessionRecord = { ...record, lastSeenAt: at }
      // Signed out (here or on another instance) since it was read: it stays signed out.
      if (!(await write(session, touched))) return { ok: false, reason: 'session_expired' }
      return { ok: true, record: touched }
    },

    /**
     * Ends the session at once, then tells Indee in the background (with a timeout and one
     * retry) so sign-out never waits on it. Resolves when the session is gone here, with the
     * session that ended (undefined when there was none).
     */
    async end(
      id: string | undefined,
      onLogoutFailed: (error: unknown) => void,
    ): Promise<SessionRecord | undefined> {
      if (id === undefined) return undefined
      const session = sealedOf(id)
      const value = await store.get(session.key)
      await remove(session.key)
      const record = value === undefined ? undefined : session.open(value)
      if (record === undefined) return undefined
      void indee
        .logout(record.refreshToken)
        .catch(() => indee.logout(record.refreshToken))
        .catch(onLogoutFailed)
      return record
    },

    viewOf(record: SessionRecord): SessionView {
      return {
        email: record.email,
        permissions: record.permissions,
        ...(record.ciiNo !== undefined && { ciiNo: record.ciiNo }),
        expiresAt: record.absoluteExpiresAt,
        idleTimeoutSeconds: Math.round(idleMs / 1000),
      }
    },
  }
}

function claimsOf(verified: VerifiedToken) {
  return {
    subject: verified.subject,
    email: verified.email,
    permissions: verified.permissions,
    ciiNo: verified.ciiNo,
  }
}

export type Sessions = ReturnType<typeof createSessions>
