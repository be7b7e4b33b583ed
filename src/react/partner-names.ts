import type { PartnerName } from '../core/handoff.ts'

/** How the app names each partner to people. */
export const PARTNER_NAMES: Record<PartnerName, string> = {
  assuresign: 'AssureSign',
  aimbase: 'Aimbase',
  abc: 'Aditya Birla Capital',
}
