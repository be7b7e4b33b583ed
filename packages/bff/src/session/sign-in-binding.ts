// Binds each sign-in to the browser that started it (login CSRF, code injection: RFC 9700
// §4.5): at sso/initiate the BFF adds a MAC of the new state to a short-lived HttpOnly cookie;
// sso/login goes to Indee only when this browser's cookie holds the MAC of the callback's state.
// A code and state replayed from another browser are refused without reaching Indee.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** Sign-ins one browser may have in flight at once (one per tab); older ones drop out. */
export const MAX_PENDING_SIGN_INS = 5
/** As long as a sign-in transaction lives. */
export const SIGN_IN_COOKIE_SECONDS = 600

export function createSignInBinding(secret: string = randomBytes(32).toString('base64url')) {
  const macOf = (state: string) =>
    createHmac('sha256', secret).update(state).digest('base64url').slice(0, 32)

  const entriesOf = (cookie: string | undefined) =>
    (cookie ?? '').split('.').filter((entry) => /^[\w-]{32}$/.test(entry))

  return {
    /** The cookie value after starting a sign-in with `state`. */
    add(cookie: string | undefined, state: string): string {
      return [...entriesOf(cookie), macOf(state)].slice(-MAX_PENDING_SIGN_INS).join('.')
    },
    /** Whether the cookie holds `state`, and the cookie value without it ('' when none is left). */
    take(cookie: string | undefined, state: string): { bound: boolean; rest: string } {
      const wanted = Buffer.from(macOf(state))
      const entries = entriesOf(cookie)
      const rest = entries.filter((entry) => !timingSafeEqual(Buffer.from(entry), wanted))
      return { bound: rest.length < entries.length, rest: rest.join('.') }
    },
  }
}

export type SignInBinding = ReturnType<typeof createSignInBinding>
