// Security headers of docs/architecture.md §3 "Headers", shared by `vite preview` and
// docs/production-server.md. form-action lists the origins the app may POST a form to (the
// line-of-business portals of the runtime config), read from public/sso.config.json so preview
// matches the shipped config (vite.config.ts passes the config as served on moved ports).
import { readFileSync } from 'node:fs'

/** The origins of the line-of-business portals of a parsed runtime config. */
export function formActionOriginsOf(config) {
  const lobs = config?.partners?.abc?.lobs ?? []
  return [...new Set(lobs.map((lob) => new URL(lob.portalUrl).origin))]
}

export function formActionOrigins(
  configPath = new URL('../public/sso.config.json', import.meta.url),
) {
  return formActionOriginsOf(JSON.parse(readFileSync(configPath, 'utf8')))
}

export function securityHeaders(formActions = formActionOrigins()) {
  const csp = [
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
  return {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  }
}
