// Every partner of docs/architecture.md §2 has exactly one hand-off adapter (§5, epic-stack's
// Record<ProviderName, AuthProvider>): a partner without an adapter does not compile.
import type { HandoffAdapter, PartnerName } from '../core/handoff.ts'
import { abcAdapter } from './abc.ts'
import { aimbaseAdapter } from './aimbase.ts'
import { assureSignAdapter } from './assuresign.ts'

export const HANDOFF_ADAPTERS = {
  assuresign: assureSignAdapter,
  aimbase: aimbaseAdapter,
  abc: abcAdapter,
} as const satisfies Record<PartnerName, HandoffAdapter<never>>
