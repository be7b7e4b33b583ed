// Every partner as the signed-in home shows it (the name, the permission, the hand-off route and
// the links from config), once: PARTNERS (registry.ts) adds the config schema, the input checks
// and the vendor call, which only the hand-off routes and the config's validation load.
import type { AnyPartnerLinks } from '../core/handoff.ts'
import { PARTNER_NAMES, type PartnerName } from '../../../contract/src/contract.ts'
import { abcLinks } from './abc-links.ts'
import { aimbaseLinks } from './aimbase-links.ts'
import { assureSignLinks } from './assuresign-links.ts'

export { PARTNER_NAMES, type PartnerName }

/** A name without links, or links without a name, does not compile. */
export const PARTNER_LINKS = {
  assuresign: assureSignLinks,
  aimbase: aimbaseLinks,
  abc: abcLinks,
} as const satisfies Record<PartnerName, AnyPartnerLinks>
