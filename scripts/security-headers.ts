// Security headers of docs/architecture.md §3 "Headers": the one source of the policy, applied by
// `vite preview` (vite.config.ts) and rendered into the nginx config of deploy/nginx/ and
// docs/production-server.md (scripts/nginx-config.ts, `npm run deploy:nginx`). form-action lists
// the origins the app may POST a form to: `formActionOrigins` reads a runtime config file (by
// default public/sso.config.json), checks it with the app's own rules and asks the partner
// adapters for their form origins (src/partners/runtime-config.ts), so preview, nginx and the
// topology never build a policy from a config the app would refuse.
import { readFileSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  formActionOriginsOf,
  parseRuntimeConfig,
} from '../packages/sso-bridge/src/partners/runtime-config.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** The runtime config the app ships with (the sandbox's). */
export const SHIPPED_CONFIG = fileURLToPath(new URL('../public/sso.config.json', import.meta.url))

/** `file` as messages name it: relative to the repository when inside it, else absolute. */
export function repositoryPath(file: string): string {
  const absolute = resolve(file)
  const inside = relative(ROOT, absolute)
  return inside.startsWith('..') || isAbsolute(inside) ? absolute : inside
}

/** A runtime config file that gives no form-action: not JSON, or fields the app refuses. */
export class RuntimeConfigError extends Error {
  override readonly name = 'RuntimeConfigError'
}

export interface FormActionOptions {
  /** The file's text as it is served (moved sandbox ports, `moveOrigins`); default: as it is. */
  readonly served?: (text: string) => string
}

/**
 * The CSP form-action origins of the runtime config in `configPath`: every origin a hand-off form
 * may be POSTed to, as the partner adapters declare them (`formActionOriginsOf`), once the file
 * (as served) passes `parseRuntimeConfig`. Throws a RuntimeConfigError naming the file and each
 * bad field, one line each ("public/sso.config.json: partners.abc.lobs.0.portalUrl must use
 * https (http only on a loopback host)"). The one reader of a config file for form-action.
 */
export function formActionOrigins(
  configPath: string = SHIPPED_CONFIG,
  { served = (text) => text }: FormActionOptions = {},
): string[] {
  const name = repositoryPath(configPath)
  const text = served(readFileSync(configPath, 'utf8'))
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new RuntimeConfigError(`${name}: not JSON (${(error as Error).message})`)
  }
  const result = parseRuntimeConfig(value)
  if (!result.ok) {
    throw new RuntimeConfigError(
      result.issues.map((issue) => `${name}: ${issue.path} ${issue.message}`).join('\n'),
    )
  }
  return formActionOriginsOf(result.config)
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
