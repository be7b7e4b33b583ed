// Where to continue after sign-in. An open redirect through `returnTo` would let a crafted link
// send a freshly signed-in person anywhere, so only same-origin absolute paths pass.
// OWASP Unvalidated Redirects cheat sheet: allowlist, and reject scheme-relative URLs.

const MAX_LENGTH = 2048
/** The callback path of the standalone app; a host passes its own. */
export const DEFAULT_CALLBACK_PATH = '/sso/callback'
/** Used only to check a path's shape when no real origin is at hand. */
const PLACEHOLDER_ORIGIN = 'https://sso-bridge.invalid'

// eslint-disable-next-line no-control-regex -- the point is to refuse control characters
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/

/**
 * Returns `value` as a normalized same-origin path (pathname + search + hash), or undefined when
 * it is anything else: absolute or scheme-relative URLs, backslashes, control characters, or a
 * path under the callback path (which would loop back into the callback).
 */
export function safeReturnTo(
  value: string | null | undefined,
  appOrigin: string,
  callbackPath: string = DEFAULT_CALLBACK_PATH,
): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return undefined
  // '//host' and '/\host' are scheme-relative to browsers; URL parsers drop tabs and newlines,
  // which would turn '/\t/host' into '//host'.
  if (!value.startsWith('/') || value.startsWith('//')) return undefined
  if (value.includes('\\') || CONTROL_CHARACTERS.test(value)) return undefined
  let origin: string
  let url: URL
  try {
    origin = new URL(appOrigin).origin
    url = new URL(value, origin)
  } catch {
    return undefined
  }
  if (url.origin !== origin) return undefined
  if (isUnder(url.pathname, callbackPath)) return undefined
  return `${url.pathname}${url.search}${url.hash}`
}

/** True when `value` is already a normalized safe return path (as stored in a transaction). */
export function isReturnPath(value: string): boolean {
  return safeReturnTo(value, PLACEHOLDER_ORIGIN) === value
}

function isUnder(pathname: string, callbackPath: string): boolean {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return true
  }
  // The router matches case-insensitively and ignores repeated or trailing slashes.
  const normalized = decoded.toLowerCase().replace(/\/+/g, '/')
  const callback = callbackPath.toLowerCase().replace(/\/+$/, '')
  return normalized === callback || normalized.startsWith(`${callback}/`)
}
