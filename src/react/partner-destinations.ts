import type { RuntimeConfig } from '../core/config.ts'
import { PARTNER_NAMES } from './partner-names.ts'

export interface Destination {
  readonly partner: string
  readonly label: string
  /** An app path of a hand-off route (docs/architecture.md §2). */
  readonly href: string
}

/** The hand-offs the signed-in home offers, all taken from the runtime config. */
export function partnerDestinations(config: RuntimeConfig): Destination[] {
  const { assuresign, aimbase, abc } = config.partners
  return [
    ...assuresign.envelopes.map((envelope) => ({
      partner: PARTNER_NAMES.assuresign,
      label: `Sign "${envelope.label}" in AssureSign`,
      href: `/handoff/assuresign/${encodeURIComponent(envelope.id)}`,
    })),
    ...aimbase.accounts.map((account) => ({
      partner: PARTNER_NAMES.aimbase,
      label: `Open ${account.label} in Aimbase`,
      href: `/handoff/aimbase?${new URLSearchParams({ account: account.uid, landing: account.landing }).toString()}`,
    })),
    ...abc.lobs.map((lob) => ({
      partner: PARTNER_NAMES.abc,
      label: `Open ${lob.label}`,
      href: `/handoff/lob/${encodeURIComponent(lob.id)}?${new URLSearchParams({ functionality: lob.functionality }).toString()}`,
    })),
  ]
}
