// The sandbox's people and things, as typed data (the kit's entry `sso-bridge-sandbox/users`): who
// can sign in, and what the emulators know of them: AssureSign's prepared envelopes, the Aimbase
// accounts, ABC's lines of business. The emulators read them from here, and so do journeys, which
// never type an email, an envelope id, an account uid or a line-of-business id themselves.
// Passwords are sandbox-only and printed by `npm start` and the kit's CLI.
import { DEFAULT_PORTS, HOST } from './ports.ts'

/** The partner hand-offs a sandbox user may use (the contract's partner names). */
export type SandboxPermission = 'assuresign' | 'aimbase' | 'abc'

export interface SandboxUser {
  readonly email: string
  readonly password: string
  /** Display name, in the identity provider's ID token (`name`). */
  readonly name: string
  /** ABC customer id (CII number) carried in the session token as `cii_no`. */
  readonly ciiNo: string
  /** Partner hand-offs this user may use; carried in the session token as `permissions`. */
  readonly permissions: readonly SandboxPermission[]
  /** Aimbase accounts (AccountUid) that belong to this user. */
  readonly aimbaseAccounts: readonly string[]
}

/** Aimbase answers 500 {"Message":"An error has occurred."} to every sign-on to this account; alice owns it. */
export const AIMBASE_BROKEN_ACCOUNT_UID = '0badc0de-0500-4500-8500-000000000500'

const ALICE_DEALER_UID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'
const ALICE_SERVICE_UID = '7c9e6679-7425-40de-944b-e07fc1f90ae7'
const BOB_ACCOUNT_UID = '9a7b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d'

/** Every sandbox user by first name: `SANDBOX_USERS.alice.password`, `.ciiNo`, `.permissions`. */
export const SANDBOX_USERS = {
  /** Every permission (AssureSign, Aimbase, ABC), three Aimbase accounts (one always fails). */
  alice: {
    email: 'alice@example.com',
    password: 'alice-password',
    name: 'Alice Example',
    ciiNo: '1001234567',
    permissions: ['assuresign', 'aimbase', 'abc'],
    aimbaseAccounts: [ALICE_DEALER_UID, ALICE_SERVICE_UID, AIMBASE_BROKEN_ACCOUNT_UID],
  },
  /** No permission at all; one Aimbase account of his own. */
  bob: {
    email: 'bob@example.com',
    password: 'bob-password',
    name: 'Bob Example',
    ciiNo: '1007654321',
    permissions: [],
    aimbaseAccounts: [BOB_ACCOUNT_UID],
  },
  /** AssureSign only, no Aimbase account. */
  carol: {
    email: 'carol@example.com',
    password: 'carol-password',
    name: 'Carol Example',
    ciiNo: '1002468135',
    permissions: ['assuresign'],
    aimbaseAccounts: [],
  },
} as const satisfies Record<string, SandboxUser>

/** The email of a sandbox user. */
export type SandboxEmail = (typeof SANDBOX_USERS)[keyof typeof SANDBOX_USERS]['email']

export const USERS: readonly SandboxUser[] = Object.values(SANDBOX_USERS)

/** alice's email. */
export const ALICE = SANDBOX_USERS.alice.email
/** bob's email. */
export const BOB = SANDBOX_USERS.bob.email
/** carol's email. */
export const CAROL = SANDBOX_USERS.carol.email
/** alice's ABC customer id (CII number), shown by the line-of-business portal. */
export const ALICE_CII = SANDBOX_USERS.alice.ciiNo

/** The sandbox user with this email (any case, spaces around ignored), or undefined. */
export function findUser(email: string): SandboxUser | undefined {
  const wanted = email.trim().toLowerCase()
  return USERS.find((u) => u.email === wanted)
}

/** The password of a sandbox user; throws for an email that is not one. */
export function passwordOf(email: string): string {
  const user = findUser(email)
  if (user === undefined) throw new Error(`${email} is not a sandbox user`)
  return user.password
}

/** A prepared AssureSign envelope: Simple Setup opens it. */
export interface SandboxEnvelope {
  readonly id: string
  readonly label: string
  /** The line under its link on an app's home page. */
  readonly description?: string
}

/** The one envelope of the sandbox ("Demo envelope"). */
export const DEMO_ENVELOPE = {
  id: '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f',
  label: 'Demo envelope',
  description: 'The partner agreement waiting for your signature.',
} satisfies SandboxEnvelope

/** The prepared envelopes the AssureSign emulator knows. */
export const ASSURESIGN_ENVELOPES: readonly SandboxEnvelope[] = [DEMO_ENVELOPE]

/** An Aimbase account as an app's runtime config lists it. */
export interface SandboxAimbaseAccount {
  readonly uid: string
  readonly label: string
  /** The line under its link on an app's home page. */
  readonly description?: string
  /** A relative path on Aimbase to land on. */
  readonly landing: string
  /** The wire format the app uses for it. */
  readonly format: 'json' | 'xml'
}

/** Aimbase accounts: alice's two of the home page, her broken one, and bob's. */
export const AIMBASE_ACCOUNTS = {
  /** "Alice's dealer account", JSON, lands on /Dashboard. */
  aliceDealer: {
    uid: ALICE_DEALER_UID,
    label: "Alice's dealer account",
    description: 'Dealer orders, stock and invoices.',
    landing: '/Dashboard',
    format: 'json',
  },
  /** "Alice's service account", XML, lands on /Service/Orders. */
  aliceService: {
    uid: ALICE_SERVICE_UID,
    label: "Alice's service account",
    description: 'Service orders and warranty claims.',
    landing: '/Service/Orders',
    format: 'xml',
  },
  /** alice's account whose sign-on always answers 500. */
  aliceBroken: AIMBASE_BROKEN_ACCOUNT_UID,
  /** bob's account: not alice's, so the BFF refuses it to her. */
  bobs: BOB_ACCOUNT_UID,
} satisfies Record<string, SandboxAimbaseAccount | string>

/** A line of business ABC knows, and its portal (a URL of stack 0's line-of-business portal). */
export interface SandboxLineOfBusiness {
  readonly id: string
  readonly label: string
  /** The line under its link on an app's home page. */
  readonly description?: string
  readonly functionality: string
  readonly portalUrl: string
}

const LOB_PORTAL = `http://${HOST}:${DEFAULT_PORTS.lob}`

/** The lines of business: id, label, functionality and portal URL (stack 0's ports). */
export const LINES_OF_BUSINESS = {
  /** ABSLI, "Life insurance", functionality POL. */
  lifeInsurance: {
    id: 'ABSLI',
    label: 'Life insurance',
    description: 'Policies, premiums and claims of your life insurance customers.',
    functionality: 'POL',
    portalUrl: `${LOB_PORTAL}/lob/ABSLI/sso`,
  },
  /** ABSLAMC, "Mutual funds", functionality INV. */
  mutualFunds: {
    id: 'ABSLAMC',
    label: 'Mutual funds',
    description: 'Investments and statements of your mutual fund customers.',
    functionality: 'INV',
    portalUrl: `${LOB_PORTAL}/lob/ABSLAMC/sso`,
  },
} satisfies Record<string, SandboxLineOfBusiness>
