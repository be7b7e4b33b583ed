// Our journeys' view of the sandbox's people and things: the kit's typed data
// (sandbox/users.ts, `sso-bridge-sandbox/users`), the portal URLs on this worker's stack, and our
// app's hand-off addresses (sso-bridge's default routes, docs/architecture.md §2).
import {
  AIMBASE_ACCOUNTS,
  DEMO_ENVELOPE,
  LINES_OF_BUSINESS as ON_STACK_0,
  type SandboxLineOfBusiness,
} from '../sandbox/users.ts'
import { onThisStack } from '../sandbox/playwright.ts'

export {
  AIMBASE_ACCOUNTS,
  ALICE,
  ALICE_CII,
  BOB,
  CAROL,
  DEMO_ENVELOPE,
  SANDBOX_USERS,
  passwordOf,
  type SandboxUser,
} from '../sandbox/users.ts'

const onStack = (lob: SandboxLineOfBusiness) => ({ ...lob, portalUrl: onThisStack(lob.portalUrl) })

/** The lines of business, their portal URL on this worker's stack. */
export const LINES_OF_BUSINESS = {
  lifeInsurance: onStack(ON_STACK_0.lifeInsurance),
  mutualFunds: onStack(ON_STACK_0.mutualFunds),
}

/** The app's hand-off addresses for these (append to the app's origin, or goto them). */
export const HANDOFF_PATHS = {
  assuresign: (envelopeId: string = DEMO_ENVELOPE.id) => `/handoff/assuresign/${envelopeId}`,
  aimbase: (
    account: string = AIMBASE_ACCOUNTS.aliceDealer.uid,
    landing: string = AIMBASE_ACCOUNTS.aliceDealer.landing,
  ) => `/handoff/aimbase?${new URLSearchParams({ account, landing }).toString()}`,
  lob: (
    lob: { readonly id: string; readonly functionality: string } = LINES_OF_BUSINESS.lifeInsurance,
  ) => `/handoff/lob/${lob.id}?functionality=${lob.functionality}`,
}
