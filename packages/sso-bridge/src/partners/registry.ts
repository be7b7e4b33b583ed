// Every partner, once (docs/architecture.md §5, epic-stack's Record<ProviderName, AuthProvider>):
// the router's hand-off routes, the names people see, the runtime config's `partners` part, the
// home page's links and the hand-off runner all derive from this record. A partner is one adapter
// file plus its name and its line here.
import { PARTNER_NAMES, type PartnerName } from '../../../contract/src/contract.ts'
import type { AnyPartnerAdapter } from '../core/handoff.ts'
import { abc } from './abc.ts'
import { aimbase } from './aimbase.ts'
import { assureSign } from './assuresign.ts'

export { PARTNER_NAMES, type PartnerName }
// Each adapter's config part and link input, public through sso-bridge/core.
import type { LobInput } from './abc.ts'
import type { AimbaseInput } from './aimbase.ts'
import type { AssureSignInput } from './assuresign.ts'
export type { AbcConfig, LobInput } from './abc.ts'
export type { AimbaseConfig, AimbaseInput } from './aimbase.ts'
export type { AssureSignConfig, AssureSignInput } from './assuresign.ts'

/** A name without an adapter, or an adapter without a name, does not compile. */
export const PARTNERS = {
  assuresign: assureSign,
  aimbase,
  abc,
} as const satisfies Record<PartnerName, AnyPartnerAdapter>

/** A partner's part of the runtime config (`partners.<name>`). */
export type PartnerConfig<Name extends PartnerName> = Parameters<
  (typeof PARTNERS)[Name]['parseInput']
>[1]

/** What each partner's hand-off link is made of (a host builds one with `sso.handoffLink`). */
export interface PartnerInputs {
  readonly assuresign: AssureSignInput
  readonly aimbase: AimbaseInput
  readonly abc: LobInput
}

/** What a partner's hand-off link parses to. */
export type PartnerInput<Name extends PartnerName> = ReturnType<
  (typeof PARTNERS)[Name]['parseInput']
>
