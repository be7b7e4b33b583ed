// The signed-in session (DESIGN.md §3 "Session"): kept in memory and in this tab's
// sessionStorage, never localStorage, never a URL, never a log line.
import { z } from 'zod/mini'
import type { SessionTokens } from './auth-backend.ts'
import { SsoError } from './errors.ts'
import { parseJsonText } from './json.ts'
import { unverifiedJwtPayload } from './jwt-payload.ts'
import { guardStorage } from './storage.ts'

const SESSION_KEY = 'sso-bridge:session'

export const sessionSchema = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(8192)),
  refreshToken: z.string().check(z.minLength(1), z.maxLength(8192)),
  email: z.string().check(z.minLength(1), z.maxLength(320)),
  /** When `token` expires, in ms since the epoch (from its unverified `exp`). */
  expiresAt: z.number().check(z.int(), z.positive()),
})

export type Session = z.infer<typeof sessionSchema>

export interface SessionStore {
  /** Reads the stored session into memory; a malformed record is removed. */
  load(): Session | undefined
  /** The session in memory (stable between changes, for useSyncExternalStore). */
  readonly current: () => Session | undefined
  /** Stores and publishes `session`; throws `storage_unavailable` and keeps the old one if it cannot. */
  save(session: Session): void
  /** Forgets the session, in memory even when storage refuses. */
  clear(): void
  /** Calls `listener` after every change; returns the unsubscribe function. */
  readonly subscribe: (listener: () => void) => () => void
}

/**
 * A session store over `storage`, loaded from it at once (so a reload keeps the tab signed in).
 * Its methods do not depend on `this`, so they can be passed around unbound.
 */
export function createSessionStore({ storage }: { readonly storage: Storage }): SessionStore {
  let session: Session | undefined
  const listeners = new Set<() => void>()
  const publish = (next: Session | undefined) => {
    if (next === session) return
    session = next
    for (const listener of [...listeners]) listener()
  }

  const store: SessionStore = {
    load() {
      const raw = guardStorage(() => storage.getItem(SESSION_KEY))
      const parsed = sessionSchema.safeParse(parseJsonText(raw))
      if (parsed.success) {
        const same =
          session !== undefined && JSON.stringify(session) === JSON.stringify(parsed.data)
        publish(same ? session : parsed.data)
      } else {
        if (raw !== null) {
          guardStorage(() => {
            storage.removeItem(SESSION_KEY)
          })
        }
        publish(undefined)
      }
      return session
    },
    current() {
      return session
    },
    save(next) {
      const parsed = sessionSchema.safeParse(next)
      if (!parsed.success) {
        throw new SsoError('invalid_response', 'refusing to store a malformed session', {
          cause: parsed.error,
        })
      }
      guardStorage(() => {
        storage.setItem(SESSION_KEY, JSON.stringify(parsed.data))
      })
      publish(parsed.data)
    },
    clear() {
      try {
        storage.removeItem(SESSION_KEY)
      } catch {
        // Signing out must still forget the session in memory; the stored copy is unreadable
        // to this app anyway when storage refuses.
      }
      publish(undefined)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
  store.load()
  return store
}

// Read without verification: the token is verified by the gateway on every call. Here it only
// gives the email to show and `exp` to schedule the refresh.
const tokenPayloadSchema = z.looseObject({
  email: z.string().check(z.minLength(1), z.maxLength(320)),
  exp: z.number().check(z.int(), z.positive()),
})

/** Builds a session from fresh tokens; throws `invalid_response` if the token is not a JWT with email and exp. */
export function sessionFromTokens({ token, refreshToken }: SessionTokens): Session {
  const payload = tokenPayloadSchema.safeParse(unverifiedJwtPayload(token))
  if (!payload.success) {
    throw new SsoError('invalid_response', 'session "token" is not a JWT with "email" and "exp"', {
      cause: payload.error,
    })
  }
  const session = sessionSchema.safeParse({
    token,
    refreshToken,
    email: payload.data.email,
    expiresAt: payload.data.exp * 1000,
  })
  if (!session.success) {
    throw new SsoError('invalid_response', 'session tokens are malformed', { cause: session.error })
  }
  return session.data
}
