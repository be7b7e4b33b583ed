// Binds each sign-in to the browser that started it (login CSRF, code injection: RFC 9700
// §4.5): at sso/initiate the BFF adds a MAC of the new state to a short-lived HttpOnly cookie;
// sso/login goes to Indee only when this browser's cookie holds the MAC of the callback's state.
// A code and state replayed from another browser are refused without reaching Indee. Keys
// rotate: new MACs use the current key, and a MAC made with an older listed key still binds, so
// a rotation breaks no sign-in in flight.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** Sign-ins one browser may have in flight at once (one per tab); older ones drop out. */
export const MAX_PENDING_SIGN_INS = 5
/** As long as a sign-in transaction lives. */
export const SIGN_IN_COOKIE_SECONDS = 600

/** The MAC keys, the current one first, then older ones still accepted. */
export type SignInKeys = readonly [current: string, ...older: string[]]

export function createSignInBinding(keys: SignInKeys = [randomBytes(32).toString('base64url')]) {
  const macOf = (key: string, state: string) =>
    createHmac('sha256', key).update(state).digest('base64url').slice(0, 32)

  const entriesOf = (cookie: string | undefined) =>
    (cookie ?? '').split('.').filter((entry) => /^[\w-]{32}$/.test(entry))

  return {
    /** The cookie value after starting a sign-in with `state`. */
    add(cookie: string | undefined, state: string): string {
      return [...entriesOf(cookie), macOf(keys[0], state)].slice(-MAX_PENDING_SIGN_INS).join('.')
    },
    /**
     * Whether the cookie holds `state` (a MAC made with any of the keys), and the cookie value
     * without it ('' when none is left).
     */
    take(cookie: string | undefined, state: string): { bound: boolean; rest: string } {
      const wanted = keys.map((key) => Buffer.from(macOf(key, state)))
      const entries = entriesOf(cookie)
      const rest = entries.filter((entry) => {
        const mac = Buffer.from(entry)
        return !wanted.some((one) => timingSafeEqual(mac, one))
      })
      return { bound: rest.length < entries.length, rest: rest.join('.') }
    },
  }
}

export type SignInBinding = ReturnType<typeof createSignInBinding>
