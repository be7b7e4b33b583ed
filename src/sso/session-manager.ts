// Keeps the session alive and ends it (DESIGN.md §3 "Session"): refresh before expiry as one
// shared request, sign out on a refused refresh, and sign-out that clears everything even when
// the backend cannot be reached. Tokens are never logged or put in error messages.
import type { AuthBackend } from './auth-backend.ts'
import { isSsoError, SsoError } from './errors.ts'
import { sessionFromTokens, type Session, type SessionStore } from './session-store.ts'
import type { TransactionStore } from './transaction-store.ts'

export type SignOutReason = 'session_expired' | 'signed_out'

/** Cancels a timer started by `setTimer`. */
export type CancelTimer = () => void

export interface SessionManagerOptions {
  readonly sessions: SessionStore
  /** Cleared on sign-out, so no half-finished sign-in outlives it. */
  readonly transactions: TransactionStore
  readonly backend: AuthBackend
  readonly now: () => number
  /** Refresh this long before the token expires. */
  readonly leewayMs: number
  /** Wait before retrying a scheduled refresh that failed without ending the session. */
  readonly retryMs?: number
  readonly setTimer?: (run: () => void, ms: number) => CancelTimer
}

export interface SessionManager {
  /** Renews the token; concurrent calls share one request. Rejects `session_expired` when signed out. */
  refresh(): Promise<Session>
  /** The current session, renewed first when it is inside the leeway window. */
  ensureFresh(): Promise<Session>
  /** (Re)starts the timer that refreshes `leewayMs` before expiry (at once if already inside). */
  scheduleRefresh(): void
  /** Signs out here and at the backend; never rejects. */
  signOut(): Promise<void>
  /** Cancels the scheduled refresh; scheduleRefresh() starts it again. */
  stop(): void
  /** Why the tab is signed out, when it was; undefined while signed in. */
  readonly lastSignOutReason: SignOutReason | undefined
  /** Calls `listener` when the session or the sign-out reason changes. */
  readonly subscribe: (listener: () => void) => () => void
}

const DEFAULT_RETRY_MS = 15_000
// setTimeout fires at once for delays above 2^31 - 1 ms.
const MAX_TIMER_MS = 2_147_483_647

const defaultSetTimer = (run: () => void, ms: number): CancelTimer => {
  const id = setTimeout(run, ms)
  return () => {
    clearTimeout(id)
  }
}

export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const { sessions, transactions, backend, now, leewayMs } = options
  const retryMs = options.retryMs ?? DEFAULT_RETRY_MS
  const setTimer = options.setTimer ?? defaultSetTimer
  const listeners = new Set<() => void>()
  let reason: SignOutReason | undefined
  let inflight: Promise<Session> | undefined
  let cancelTimer: CancelTimer | undefined
  // True between scheduleRefresh() and stop(): only then do refreshes schedule the next one.
  let scheduling = false
  // Bumped whenever the session ends, so an answer to an older refresh is dropped.
  let generation = 0

  const notify = () => {
    for (const listener of [...listeners]) listener()
  }
  const cancel = () => {
    cancelTimer?.()
    cancelTimer = undefined
  }
  const startTimer = (ms: number) => {
    cancel()
    cancelTimer = setTimer(
      () => {
        cancelTimer = undefined
        refresh().catch((error: unknown) => {
          // A refused refresh already signed the tab out; anything else (offline, timeout) is
          // retried while the same session is still here.
          if (isSsoError(error) && error.code === 'session_expired') return
          if (scheduling && sessions.current() !== undefined) startTimer(retryMs)
        })
      },
      Math.min(Math.max(ms, 0), MAX_TIMER_MS),
    )
  }
  const end = (why: SignOutReason) => {
    generation += 1
    cancel()
    reason = why
    sessions.clear()
    notify()
  }

  function refresh(): Promise<Session> {
    if (inflight !== undefined) return inflight
    const session = sessions.current()
    if (session === undefined)
      return Promise.reject(new SsoError('session_expired', 'no session to refresh'))
    const started = generation
    const stillCurrent = () =>
      started === generation && sessions.current()?.refreshToken === session.refreshToken
    const flight = (async () => {
      try {
        const { token } = await backend.refresh(session.refreshToken)
        if (!stillCurrent()) {
          const current = sessions.current()
          if (current !== undefined) return current
          throw new SsoError('session_expired', 'signed out while the refresh was in flight')
        }
        const next = sessionFromTokens({ token, refreshToken: session.refreshToken })
        sessions.save(next)
        if (scheduling) scheduleRefresh()
        return next
      } catch (error) {
        if (isSsoError(error) && error.code === 'session_expired' && stillCurrent())
          end('session_expired')
        throw error
      } finally {
        inflight = undefined
      }
    })()
    inflight = flight
    return flight
  }

  function scheduleRefresh() {
    scheduling = true
    const session = sessions.current()
    if (session === undefined) {
      cancel()
      return
    }
    reason = undefined
    // At most half the remaining life: a token shorter-lived than the leeway would otherwise be
    // refreshed in a loop.
    const remaining = session.expiresAt - now()
    startTimer(remaining - Math.min(leewayMs, remaining / 2))
  }

  return {
    refresh,
    async ensureFresh() {
      const session = sessions.current()
      if (session === undefined) throw new SsoError('session_expired', 'not signed in')
      if (now() < session.expiresAt - leewayMs) return session
      return refresh()
    },
    scheduleRefresh,
    async signOut() {
      const session = sessions.current()
      end('signed_out')
      try {
        transactions.clear()
      } catch {
        // Storage refusing must not keep anyone signed in; records left behind expire.
      }
      if (session === undefined) return
      try {
        await backend.logout(session.refreshToken)
      } catch {
        // Signed out here whatever the backend says; its refresh token expires on its own.
      }
    },
    stop() {
      scheduling = false
      cancel()
    },
    get lastSignOutReason() {
      return sessions.current() === undefined ? reason : undefined
    },
    subscribe(listener) {
      listeners.add(listener)
      const unsubscribeSessions = sessions.subscribe(listener)
      return () => {
        listeners.delete(listener)
        unsubscribeSessions()
      }
    },
  }
}
