// Runtime configuration (docs/architecture.md §3 "Runtime config"): one JSON file under public/,
// parsed once at start; every bad field is reported by path on the config error view.
import { z } from 'zod/mini'

// zod/mini ships no messages of its own; the config error view shows zod's English ones.
z.config(z.locales.en())

/**
 * Where a person may be sent (docs/architecture.md §3 "Destinations come only from config"): https,
 * or http on a loopback host; never userinfo. An `origin` has no path, query or fragment; an
 * `issuer` no query or fragment (RFC 8414 §2); a `url` no fragment.
 */
function destinationSchema(kind: 'origin' | 'issuer' | 'url') {
  return z.string().check(
    z.superRefine((value, ctx) => {
      let url: URL
      try {
        url = new URL(value)
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be an absolute URL' })
        return
      }
      const loopback =
        url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        ctx.addIssue({ code: 'custom', message: 'must use https (http only on a loopback host)' })
      }
      if (url.username !== '' || url.password !== '') {
        ctx.addIssue({ code: 'custom', message: 'must not carry userinfo' })
      }
      if (kind === 'origin' && url.origin !== value) {
        ctx.addIssue({ code: 'custom', message: `must be an origin only, like "${url.origin}"` })
      }
      if (kind === 'issuer' && url.search !== '') {
        ctx.addIssue({ code: 'custom', message: 'must not carry a query' })
      }
      if (kind !== 'origin' && url.hash !== '') {
        ctx.addIssue({ code: 'custom', message: 'must not carry a fragment' })
      }
    }),
  )
}

/** An origin a person may be sent to (see destinationSchema). */
export const originSchema = destinationSchema('origin')

/**
 * Envelope and account ids: GUIDs in the vendors' documentation (any version bits, as vendors
 * mint them), for the config and for hand-off links alike.
 */
export const guidSchema = z.guid({
  error: 'must be a GUID like 3f2504e0-4f89-41d3-9a0c-0305e82c3301',
})

const intBetween = (min: number, max: number) =>
  z.number().check(z.int(), z.minimum(min), z.maximum(max))

export const runtimeConfigSchema = z.strictObject({
  /** Same-origin path prefix of the backend (the BFF, proxied by the dev and preview servers). */
  apiBase: z
    .string()
    .check(z.regex(/^\/[A-Za-z0-9/_-]*[A-Za-z0-9_-]$/, 'must be a same-origin path like "/api"')),
  identityProvider: z.strictObject({
    /** Expected `iss` (RFC 9207) and the only origin sign-in may redirect to. */
    issuer: destinationSchema('issuer'),
    /** When true, a callback without `iss` is refused (the provider advertises RFC 9207). */
    requireIssuer: z.boolean(),
  }),
  requestTimeoutMs: intBetween(100, 120_000),
  transactionTtlSeconds: intBetween(30, 3600),
  partners: z.strictObject({
    assuresign: z.strictObject({
      /** Origin of the Simple Setup page; the only place this hand-off may navigate to. */
      origin: originSchema,
      envelopes: z.array(
        z.strictObject({ id: guidSchema, label: z.string().check(z.minLength(1)) }),
      ),
    }),
    aimbase: z.strictObject({
      origin: originSchema,
      /** Body format of SignOnAccount: both are documented by Aimbase. */
      format: z.enum(['json', 'xml']),
      accounts: z.array(
        z.strictObject({
          uid: guidSchema,
          label: z.string().check(z.minLength(1)),
          landing: z.string().check(z.startsWith('/')),
          /** Overrides `format` for this account. */
          format: z.optional(z.enum(['json', 'xml'])),
        }),
      ),
    }),
    abc: z.strictObject({
      apiVersion: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'must look like "1.0.0"')),
      lobs: z.array(
        z.strictObject({
          id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/)),
          label: z.string().check(z.minLength(1)),
          /** Where the hand-off form is POSTed; its origin is allowed in CSP form-action. */
          portalUrl: destinationSchema('url'),
          functionality: z.string().check(z.minLength(1), z.maxLength(5)),
        }),
      ),
    }),
  }),
})

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>

export interface ConfigIssue {
  readonly path: string
  readonly message: string
}

export type ConfigResult =
  | { readonly ok: true; readonly config: RuntimeConfig }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] }

/** Validates a parsed config file and lists every bad field by its dotted path. */
export function parseRuntimeConfig(value: unknown): ConfigResult {
  const parsed = runtimeConfigSchema.safeParse(value)
  if (parsed.success) return { ok: true, config: parsed.data }
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.length === 0 ? '(root)' : issue.path.join('.'),
      message: issue.message,
    })),
  }
}
