// Every partner, once (docs/architecture.md §5, epic-stack's Record<ProviderName, AuthProvider>):
// the router's hand-off routes, the names people see, the runtime config's `partners` part, the
// home page's links and the hand-off runner all derive from this record. A partner is one adapter
// file plus its line here.
import type { AnyPartnerAdapter } from '../core/handoff.ts'
import { abc } from './abc.ts'
import { aimbase } from './aimbase.ts'
import { assureSign } from './assuresign.ts'

export const PARTNERS = {
  assuresign: assureSign,
  aimbase,
  abc,
} as const satisfies Record<string, AnyPartnerAdapter>

export type PartnerName = keyof typeof PARTNERS

/** The partners in the order the registry lists them. */
export const PARTNER_NAMES = Object.keys(PARTNERS) as readonly PartnerName[]

type Registry = typeof PARTNERS

/** A partner's part of the runtime config (`partners.<name>`). */
export type PartnerConfig<Name extends PartnerName> =
  Registry[Name] extends PartnerAdapterOf<infer Config, unknown> ? Config : never

/** What a partner's hand-off link parses to. */
export type PartnerInput<Name extends PartnerName> =
  Registry[Name] extends PartnerAdapterOf<unknown, infer Input> ? Input : never

interface PartnerAdapterOf<Config, Input> {
  parseInput(link: never, config: Config): Input
}
