// The sandbox's people and things, for journeys: the users (sandbox/users.ts), the demo envelope
// (public/sso.config.json, known to the AssureSign emulator), the Aimbase accounts
// (sandbox/users.ts, sandbox/vendors/aimbase/accounts.ts) and the lines of business
// (sandbox/vendors/abc/lines-of-business.ts and the runtime config). Journeys import these and
// never type an email, an envelope id, an account uid or a line-of-business id themselves.
import { readFileSync } from 'node:fs'
import { USERS, type SandboxUser } from '../sandbox/users.ts'
import { ABC_LINES_OF_BUSINESS } from '../sandbox/vendors/abc/lines-of-business.ts'
import { AIMBASE_BROKEN_ACCOUNT_UID } from '../sandbox/vendors/aimbase/accounts.ts'
import { ASSURESIGN_SANDBOX_ENVELOPES } from '../sandbox/vendors/assuresign/credentials.ts'
import { onThisStack } from './stack.ts'

export type { SandboxUser }

/** The parts of public/sso.config.json the journeys use. */
interface ShippedConfig {
  readonly partners: {
    readonly assuresign: { readonly envelopes: readonly { id: string; label: string }[] }
    readonly aimbase: {
      readonly format: 'json' | 'xml'
      readonly accounts: readonly {
        uid: string
        label: string
        landing: string
        format?: 'json' | 'xml'
      }[]
    }
    readonly abc: {
      readonly lobs: readonly {
        id: string
        label: string
        portalUrl: string
        functionality: string
      }[]
    }
  }
}

const config = JSON.parse(
  readFileSync(new URL('../public/sso.config.json', import.meta.url), 'utf8'),
) as ShippedConfig

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`e2e/sandbox-data.ts: no ${what}`)
  return value
}

function user(localPart: string): SandboxUser {
  return found(
    USERS.find((u) => u.email.startsWith(`${localPart}@`)),
    `sandbox user ${localPart}`,
  )
}

/** Every sandbox user by first name: `SANDBOX_USERS.alice.password`, `.ciiNo`, `.permissions`. */
export const SANDBOX_USERS = { alice: user('alice'), bob: user('bob'), carol: user('carol') }

/** alice: every permission (AssureSign, Aimbase, ABC), three Aimbase accounts. */
export const ALICE = SANDBOX_USERS.alice.email
/** bob: no permission at all, one Aimbase account of his own. */
export const BOB = SANDBOX_USERS.bob.email
/** carol: AssureSign only, no Aimbase account. */
export const CAROL = SANDBOX_USERS.carol.email
/** alice's ABC customer id (CII number), shown by the line-of-business portal. */
export const ALICE_CII = SANDBOX_USERS.alice.ciiNo

/** The password of a sandbox user. */
export function passwordOf(email: string): string {
  return found(
    USERS.find((u) => u.email === email),
    `sandbox user ${email}`,
  ).password
}

/** The envelope the home page offers ("Demo envelope"), the one AssureSign knows. */
export const DEMO_ENVELOPE = found(
  config.partners.assuresign.envelopes.find((e) => ASSURESIGN_SANDBOX_ENVELOPES.includes(e.id)),
  'envelope of public/sso.config.json that the AssureSign emulator knows',
)

function aimbaseAccount(index: number) {
  const account = found(config.partners.aimbase.accounts[index], `Aimbase account ${index}`)
  return { ...account, format: account.format ?? config.partners.aimbase.format }
}

/** Aimbase accounts: alice's two of the home page, her broken one, and bob's. */
export const AIMBASE_ACCOUNTS = {
  /** "Alice's dealer account", JSON, lands on /Dashboard. */
  aliceDealer: aimbaseAccount(0),
  /** "Alice's service account", XML, lands on /Service/Orders. */
  aliceService: aimbaseAccount(1),
  /** alice's account whose sign-on always answers 500. */
  aliceBroken: AIMBASE_BROKEN_ACCOUNT_UID,
  /** bob's account: not alice's, so the BFF refuses it to her. */
  bobs: found(SANDBOX_USERS.bob.aimbaseAccounts[0], "bob's Aimbase account"),
}

function lineOfBusiness(index: number) {
  const { id, label } = found(ABC_LINES_OF_BUSINESS[index], `line of business ${index}`)
  const inConfig = found(
    config.partners.abc.lobs.find((lob) => lob.id === id),
    `line of business ${id} in public/sso.config.json`,
  )
  return { ...inConfig, id, label, portalUrl: onThisStack(inConfig.portalUrl) }
}

/** The lines of business: id, label, functionality and portal URL (on this worker's stack). */
export const LINES_OF_BUSINESS = {
  /** ABSLI, "Life insurance", functionality POL. */
  lifeInsurance: lineOfBusiness(0),
  /** ABSLAMC, "Mutual funds", functionality INV. */
  mutualFunds: lineOfBusiness(1),
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
