// Security headers of docs/architecture.md §3 "Headers": the one source of the policy, applied by
// `vite preview` (vite.config.ts) and rendered into the nginx config of deploy/nginx/ and
// docs/production-server.md (scripts/nginx-config.ts, `npm run deploy:nginx`). form-action lists
// the origins the app may POST a form to (the line-of-business portals of the runtime config),
// read from public/sso.config.json so preview matches the shipped config (vite.config.ts passes
// the config as served on moved ports).
import { readFileSync } from 'node:fs'

/** What formActionOriginsOf reads of a parsed runtime config. */
interface PortalConfig {
  readonly partners?: {
    readonly abc?: { readonly lobs?: readonly { readonly portalUrl: string }[] }
  }
}

/** The origins of the line-of-business portals of a parsed runtime config. */
export function formActionOriginsOf(config: PortalConfig): string[] {
  const lobs = config.partners?.abc?.lobs ?? []
  return [...new Set(lobs.map((lob) => new URL(lob.portalUrl).origin))]
}

export function formActionOrigins(
  configPath: URL | string = new URL('../public/sso.config.json', import.meta.url),
): string[] {
  return formActionOriginsOf(JSON.parse(readFileSync(configPath, 'utf8')) as PortalConfig)
}

/** The Content-Security-Policy of every page and of the runtime config. */
export function contentSecurityPolicy(
  formActions: readonly string[] = formActionOrigins(),
): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `form-action ${formActions.length > 0 ? formActions.join(' ') : "'none'"}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "manifest-src 'self'",
  ].join('; ')
}

/**
 * The headers of every answer of the static site (pages, the runtime config, assets, 404s),
 * whatever the transport; Cache-Control comes from `cacheControlFor`.
 */
export function pageHeaders(
  formActions: readonly string[] = formActionOrigins(),
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(formActions),
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  }
}

/** Strict-Transport-Security, sent over TLS only (a browser ignores it over plain http). */
export const HSTS = 'max-age=31536000; includeSubDomains'

/** Headers added to every answer when the site is served over TLS. */
export function tlsHeaders(): Record<string, string> {
  return { 'Strict-Transport-Security': HSTS }
}

/** Where Vite puts the content-hashed build output: a name there never changes its content. */
export const ASSETS_PREFIX = '/assets/'
/** Cache-Control of a hashed asset that exists. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable'
/** Cache-Control of HTML, /sso.config.json and every error (a 404 must not be kept). */
export const CACHE_NONE = 'no-store'
/** The statuses of an asset answer that may be cached for good (it exists). */
export const IMMUTABLE_STATUSES: readonly number[] = [200, 206, 304]

/** Cache-Control of the answer with `status` to a request for `path` (no query). */
export function cacheControlFor(path: string, status: number): string {
  const asset = path.startsWith(ASSETS_PREFIX)
  return asset && IMMUTABLE_STATUSES.includes(status) ? CACHE_IMMUTABLE : CACHE_NONE
}

/** The page headers with the Cache-Control of HTML and the runtime config. */
export function securityHeaders(
  formActions: readonly string[] = formActionOrigins(),
): Record<string, string> {
  return { ...pageHeaders(formActions), 'Cache-Control': CACHE_NONE }
}
