// The whole runtime config (docs/architecture.md §3 "Runtime config"): the core's fields, and
// under `partners` the part of each partner this deployment uses, every one checked at start. A
// partner left out has no links and its hand-off addresses show the not-found view.
import { z } from 'zod/mini'
import { brandingSchema } from '../core/branding.ts'
import { coreConfigShape, parseConfigWith, type ConfigResult } from '../core/config.ts'
import type { AnyPartnerAdapter } from '../core/handoff.ts'
import { isLocaleTag } from '../i18n/catalog.ts'
import { PARTNER_NAMES, PARTNERS, type PartnerConfig, type PartnerName } from './registry.ts'

type PartnersShape = {
  [Name in PartnerName]: z.ZodMiniOptional<(typeof PARTNERS)[Name]['configSchema']>
}

const partnersShape = Object.fromEntries(
  Object.entries(PARTNERS).map(([name, adapter]) => [name, z.optional(adapter.configSchema)]),
) as PartnersShape

const localeTag = z
  .string()
  .check(z.refine(isLocaleTag, { message: 'must be a language tag like "en" or "hi-IN"' }))

/** Which languages people may see, and the deployment's default (docs/i18n.md). */
const languagesSchema = z.strictObject({
  defaultLocale: z.optional(localeTag),
  locales: z.optional(z.array(localeTag).check(z.minLength(1), z.maxLength(20))),
})

export const runtimeConfigSchema = z.strictObject({
  ...coreConfigShape,
  /** Product name, logo, support contact and colours; without it views carry no brand. */
  branding: z.optional(brandingSchema),
  /** The languages offered and the default; without it every language with a catalog. */
  i18n: z.optional(languagesSchema),
  partners: z.strictObject(partnersShape),
})

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>

/** Checks a parsed config file and lists every bad field by its dotted path. */
export function parseRuntimeConfig(value: unknown): ConfigResult<RuntimeConfig> {
  return parseConfigWith(runtimeConfigSchema, value)
}

/** The config part of one partner; undefined when this deployment leaves the partner out. */
export function partnerConfig<Name extends PartnerName>(
  config: RuntimeConfig,
  name: Name,
): PartnerConfig<Name> | undefined {
  return config.partners[name]
}

/**
 * Every origin a hand-off form may be POSTed to under `config` (the line-of-business portals):
 * the page's CSP `form-action`, for `vite preview` and the rendered nginx config alike.
 */
export function formActionOriginsOf(config: RuntimeConfig): string[] {
  const origins = PARTNER_NAMES.flatMap((name) => {
    const partnerPart = partnerConfig(config, name)
    if (partnerPart === undefined) return []
    return (PARTNERS[name] as AnyPartnerAdapter).formActionOrigins?.(partnerPart) ?? []
  })
  return [...new Set(origins)]
}
