// Which partners the sandbox's app and BFF are configured with: every partner unless
// SSO_SANDBOX_PARTNERS lists some (comma-separated contract names, e.g. "assuresign"). The
// emulators of the others still run; the BFF gets none of their variables, and the app's runtime
// config, as the dev and preview servers serve it, leaves them out. This is how a deployment
// without a partner looks (docs/configuration.md, "Partners").
import { PARTNER_NAMES, type PartnerName } from '../packages/contract/src/contract.ts'

export const PARTNERS_VARIABLE = 'SSO_SANDBOX_PARTNERS'

/** The partners SSO_SANDBOX_PARTNERS names (all when unset); throws on a name it does not know. */
export function sandboxPartners(
  env: Readonly<Record<string, string | undefined>> = process.env,
): readonly PartnerName[] {
  const raw = env[PARTNERS_VARIABLE]
  if (raw === undefined || raw.trim() === '') return PARTNER_NAMES
  const names = raw.split(',').map((name) => name.trim())
  const unknown = names.filter((name) => !(PARTNER_NAMES as readonly string[]).includes(name))
  if (unknown.length > 0) {
    throw new Error(
      `${PARTNERS_VARIABLE}: ${unknown.map((name) => `"${name}"`).join(', ')} is not a partner ` +
        `(known: ${PARTNER_NAMES.join(', ')})`,
    )
  }
  return PARTNER_NAMES.filter((name) => names.includes(name))
}

/** Whether SSO_SANDBOX_PARTNERS leaves any partner out. */
export function partnersLeftOut(env: Readonly<Record<string, string | undefined>> = process.env) {
  return sandboxPartners(env).length < PARTNER_NAMES.length
}

/** The runtime config's text with only the sandbox's partners under `partners`. */
export function withSandboxPartners(
  configText: string,
  partners: readonly PartnerName[] = sandboxPartners(),
): string {
  const config = JSON.parse(configText) as { partners?: Record<string, unknown> }
  if (config.partners === undefined) return configText
  config.partners = Object.fromEntries(
    Object.entries(config.partners).filter(([name]) =>
      (partners as readonly string[]).includes(name),
    ),
  )
  return `${JSON.stringify(config, null, 2)}\n`
}
