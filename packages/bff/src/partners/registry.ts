// Every partner of the BFF, once: the routes (routes/partner-routes.ts) and the settings
// (config.ts) loop over this record. A partner is one module plus its line here; a name of the
// contract without a module, or a module without a name, does not compile.
import type { PartnerName } from '../../../contract/src/contract.ts'
import { abc } from './abc.ts'
import { aimbase } from './aimbase.ts'
import { assureSign } from './assuresign.ts'
import type { AnyBffPartner } from './partner.ts'

export const BFF_PARTNERS = {
  assuresign: assureSign,
  aimbase,
  abc,
} as const satisfies Record<PartnerName, AnyBffPartner>
