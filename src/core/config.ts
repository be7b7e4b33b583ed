// Runtime configuration (docs/architecture.md §3 "Runtime config"): one JSON file, parsed once at
// start; every bad field is reported by path on the config error view. This file holds the core's
// part (backend, identity provider, timings) and the rules every part uses; each partner adapter
// brings its own part, and src/partners/runtime-config.ts puts them together.
//
// The rules are plain functions first (`…Problems`), so the callback entry can check the few
// fields it needs before its login request without loading zod; the zod schemas below call the
// same functions, so there is one rule per field.
import { z } from 'zod/mini'

// zod/mini ships no messages of its own; the config error view shows zod's English ones.
z.config(z.locales.en())

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

const API_BASE = /^\/[A-Za-z0-9/_-]*[A-Za-z0-9_-]$/

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

function checkedString(problemsOf: (value: string) => string[]) {
  return z.string().check(
    z.superRefine((value, ctx) => {
      for (const message of problemsOf(value)) ctx.addIssue({ code: 'custom', message })
    }),
  )
}

/** A destination URL of `kind` (see {@link destinationProblems}). */
export function destinationSchema(kind: DestinationKind) {
  return checkedString((value) => destinationProblems(value, kind))
}

/** An origin a person may be sent to (see destinationProblems). */
export const originSchema = destinationSchema('origin')

/**
 * Envelope and account ids: GUIDs in the vendors' documentation (any version bits, as vendors
 * mint them), for the config and for hand-off links alike.
 */
export const guidSchema = z.guid({
  error: 'must be a GUID like 3f2504e0-4f89-41d3-9a0c-0305e82c3301',
})

const limited = (limits: { min: number; max: number }) =>
  z.number().check(z.int(), z.minimum(limits.min), z.maximum(limits.max))

/** The core's fields of the runtime config; partners add `partners`. */
export const coreConfigShape = {
  /** Same-origin path prefix of the backend (the BFF, proxied by the dev and preview servers). */
  apiBase: checkedString(apiBaseProblems),
  identityProvider: z.strictObject({
    /** Expected `iss` (RFC 9207) and the only origin sign-in may redirect to. */
    issuer: destinationSchema('issuer'),
    /** When true, a callback without `iss` is refused (the provider advertises RFC 9207). */
    requireIssuer: z.boolean(),
  }),
  requestTimeoutMs: limited(CONFIG_LIMITS.requestTimeoutMs),
  transactionTtlSeconds: limited(CONFIG_LIMITS.transactionTtlSeconds),
}

/** What the core reads of the runtime config. */
export type CoreConfig = z.infer<z.ZodMiniObject<typeof coreConfigShape>>

export interface ConfigIssue {
  readonly path: string
  readonly message: string
}

export type ConfigResult<Config> =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] }

/** Validates a parsed config file against `schema` and lists every bad field by its dotted path. */
export function parseConfigWith<Config>(
  schema: z.ZodMiniType<Config>,
  value: unknown,
): ConfigResult<Config> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return { ok: true, config: parsed.data }
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.length === 0 ? '(root)' : issue.path.join('.'),
      message: issue.message,
    })),
  }
}
