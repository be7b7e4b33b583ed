// Only an allowlisted URL can reach navigation (docs/architecture.md §5 "Parse, don't trust"):
// the brand below is produced here and nowhere else, so `location.assign(x)` with x typed
// AllowedRedirect proves x went through this check.
import { SsoError } from './errors.ts'

declare const allowedRedirectBrand: unique symbol

/** An absolute http(s) URL whose origin is exactly one of the configured destinations. */
export type AllowedRedirect = string & { readonly [allowedRedirectBrand]: true }

/**
 * Returns `url` (normalized) when its origin is exactly one of `allowedOrigins`, it uses http or
 * https and carries no userinfo; otherwise throws SsoError `untrusted_redirect`.
 */
export function allowRedirect(url: string, allowedOrigins: readonly string[]): AllowedRedirect {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch (error) {
    throw new SsoError('untrusted_redirect', 'redirect is not an absolute URL', { cause: error })
  }
  // OWASP Unvalidated Redirects: exact-origin allowlist, no other scheme, no userinfo.
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new SsoError('untrusted_redirect', `redirect scheme "${parsed.protocol}" is not allowed`)
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new SsoError('untrusted_redirect', 'redirect carries userinfo')
  }
  if (!allowedOrigins.includes(parsed.origin)) {
    throw new SsoError('untrusted_redirect', `redirect origin "${parsed.origin}" is not configured`)
  }
  return parsed.href as AllowedRedirect
}
