// The rules of the runtime config's fields as plain functions (docs/architecture.md §3 "Runtime
// config"). No zod here: the callback entry checks the few fields it needs with them before its
// login request, and the zod schemas in config.ts call the same functions, so each field has one
// rule.

export type DestinationKind = 'origin' | 'issuer' | 'url'

/**
 * Where a person may be sent (docs/architecture.md §3 "Destinations come only from config"): https,
 * or http on a loopback host; never userinfo. An `origin` has no path, query or fragment; an
 * `issuer` no query or fragment (RFC 8414 §2); a `url` no fragment. Returns what is wrong, if
 * anything.
 */
export function destinationProblems(value: string, kind: DestinationKind): string[] {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return ['must be an absolute URL']
  }
  const problems: string[] = []
  const loopback =
    url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    problems.push('must use https (http only on a loopback host)')
  }
  if (url.username !== '' || url.password !== '') problems.push('must not carry userinfo')
  if (kind === 'origin' && url.origin !== value) {
    problems.push(`must be an origin only, like "${url.origin}"`)
  }
  if (kind === 'issuer' && url.search !== '') problems.push('must not carry a query')
  if (kind !== 'origin' && url.hash !== '') problems.push('must not carry a fragment')
  return problems
}

/**
 * The identity provider's end-session endpoint (OpenID Connect RP-Initiated Logout 1.0 §2) must be
 * on exactly the issuer's origin, the one origin sign-in already sends the browser to, so sign-out
 * adds no destination to the allowlist. Its other rules are those of a `url` destination.
 */
export function endpointOriginProblems(value: string, issuer: string): string[] {
  let issuerOrigin: string
  let origin: string
  try {
    issuerOrigin = new URL(issuer).origin
    origin = new URL(value).origin
  } catch {
    return [] // each value's own rule reports it
  }
  return origin === issuerOrigin
    ? []
    : [`must be on the issuer's origin "${issuerOrigin}", not "${origin}"`]
}

// A client id as registered at the provider: printable ASCII, no spaces (RFC 6749 §A.1 allows
// more, but a value that needs escaping is a typo in a config file, not a real registration).
const CLIENT_ID = /^[\x21-\x7e]{1,200}$/

/** The app's client id at the identity provider (public, not a secret). */
export function clientIdProblems(value: string): string[] {
  return CLIENT_ID.test(value)
    ? []
    : ['must be 1 to 200 printable characters without spaces, as registered at the provider']
}

// One or more "/segment"s: never "//host", which browsers resolve as another host.
const API_BASE = /^(?:\/[A-Za-z0-9_-]+)+$/

/** The backend prefix: a same-origin path, so requests carry the session cookie and no CORS. */
export function apiBaseProblems(value: string): string[] {
  return API_BASE.test(value) ? [] : ['must be a same-origin path like "/api"']
}

/** Bounds of the core's numeric settings. */
export const CONFIG_LIMITS = {
  requestTimeoutMs: { min: 100, max: 120_000 },
  transactionTtlSeconds: { min: 30, max: 3600 },
} as const

export function integerProblems(value: number, limits: { min: number; max: number }): string[] {
  if (!Number.isInteger(value)) return ['must be an integer']
  if (value < limits.min) return [`must be at least ${limits.min}`]
  if (value > limits.max) return [`must be at most ${limits.max}`]
  return []
}

export interface ConfigIssue {
  readonly path: string
  readonly message: string
}

export type ConfigResult<Config> =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] }
