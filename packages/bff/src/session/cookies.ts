// The BFF's two cookies. Both HttpOnly (page script cannot read them) and SameSite=Strict (the
// app only ever sends them from its own pages). Secure and the __Host- prefix (no Domain, Path=/)
// wherever every app origin is https; the sandbox's http://127.0.0.1 allows neither.
import type { CookieSerializeOptions } from '@fastify/cookie'

export interface CookieNames {
  readonly session: string
  readonly signIn: string
}

export function cookieNames(secure: boolean): CookieNames {
  const prefix = secure ? '__Host-' : ''
  return { session: `${prefix}sso_session`, signIn: `${prefix}sso_signin` }
}

export function cookieOptions(secure: boolean, maxAgeSeconds?: number): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure,
    ...(maxAgeSeconds !== undefined && { maxAge: maxAgeSeconds }),
  }
}
