// Runtime configuration (docs/architecture.md §3 "Runtime config"): one JSON file, parsed once at
// start; every bad field is reported by path on the config error view. This file holds the core's
// part (backend, identity provider, timings) and the rules every part uses; each partner adapter
// brings its own part, and src/partners/runtime-config.ts puts them together.
//
// The rules are plain functions in config-rules.ts, so the callback entry can check the few fields
// it needs before its login request without loading zod; the zod schemas below call the same
// functions, so there is one rule per field.
import { z } from 'zod/mini'
import {
  apiBaseProblems,
  clientIdProblems,
  CONFIG_LIMITS,
  destinationProblems,
  endpointOriginProblems,
  type ConfigResult,
  type DestinationKind,
} from './config-rules.ts'
import type { IssuerRule } from './validated-callback.ts'

// zod/mini ships no messages of its own; the config error view shows zod's English ones.
z.config(z.locales.en())

export {
  apiBaseProblems,
  CONFIG_LIMITS,
  destinationProblems,
  integerProblems,
  type ConfigIssue,
  type ConfigResult,
  type DestinationKind,
} from './config-rules.ts'

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

/** The longest description a destination on the home page may carry. */
export const DESCRIPTION_MAX = 140

/**
 * What a home-page destination is for, in a short line under its link: 1 to
 * {@link DESCRIPTION_MAX} characters once trimmed. Optional on every partner's entries.
 */
export const descriptionSchema = z.optional(
  z.string().check(z.trim(), z.minLength(1), z.maxLength(DESCRIPTION_MAX)),
)

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
  identityProvider: z
    .strictObject({
      /** Expected `iss` (RFC 9207) and the only origin sign-in may redirect to. */
      issuer: destinationSchema('issuer'),
      /**
       * Weakens the RFC 9207 mix-up defence: when true, a callback without `iss` is accepted (a
       * present one is still compared). Leave it out unless the provider sends no `iss`.
       */
      allowMissingIss: z.optional(z.boolean()),
      /** Sign-out continues to the provider's end-session endpoint (RP-Initiated Logout 1.0). */
      endSession: z.optional(
        z.strictObject({
          /** The provider's `end_session_endpoint`; on the issuer's origin (checked below). */
          endpoint: destinationSchema('url'),
          /** The app's client id at the provider: public, not a secret. */
          clientId: checkedString(clientIdProblems),
        }),
      ),
      /** The organisation's sign-in page, where a person can sign out there themselves. */
      accountPageUrl: z.optional(destinationSchema('url')),
    })
    .check(
      z.superRefine((provider, ctx) => {
        // The endpoint's own rules run in its schema; zod runs this check all the same.
        if (provider.endSession === undefined) return
        for (const message of endpointOriginProblems(
          provider.endSession.endpoint,
          provider.issuer,
        )) {
          ctx.addIssue({ code: 'custom', message, path: ['endSession', 'endpoint'] })
        }
      }),
    ),
  requestTimeoutMs: limited(CONFIG_LIMITS.requestTimeoutMs),
  transactionTtlSeconds: limited(CONFIG_LIMITS.transactionTtlSeconds),
}

/** Where sign-out continues at the identity provider (`identityProvider.endSession`). */
export interface EndSessionConfig {
  /** The provider's `end_session_endpoint`, on the issuer's origin. */
  readonly endpoint: string
  /** The app's client id at the provider (public). */
  readonly clientId: string
}

/** The identity provider's part of the runtime config. */
export interface IdentityProviderConfig extends IssuerRule {
  /** When given, sign-out continues to the provider's end-session endpoint. */
  readonly endSession?: EndSessionConfig | undefined
  /** The organisation's sign-in page, where a person can sign out there themselves. */
  readonly accountPageUrl?: string | undefined
}

/** What the core reads of the runtime config (checked by `coreConfigShape`). */
export interface CoreConfig {
  readonly apiBase: string
  readonly identityProvider: IdentityProviderConfig
  readonly requestTimeoutMs: number
  readonly transactionTtlSeconds: number
}

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
