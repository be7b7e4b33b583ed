// Aimbase accounts of the sandbox: every user's aimbaseAccounts (sandbox/users.ts). One of
// alice's always fails its sign-on with HTTP 500, so QA can see the vendor's server error.
import { AIMBASE_BROKEN_ACCOUNT_UID, USERS } from '../../users.ts'

export interface AimbaseAccount {
  /** Lower-case GUID; Aimbase compares AccountUid case-insensitively. */
  readonly uid: string
  readonly accountId: number
  /** Account name (the Account Search "Name"). */
  readonly name: string
  readonly ownerEmail: string
  readonly firstName: string
  readonly lastName: string
  /** SignOnAccount answers 500 for this account (sandbox trigger, docs/emulators.md). */
  readonly broken: boolean
}

function accountsOf(): readonly AimbaseAccount[] {
  const accounts: AimbaseAccount[] = []
  for (const user of USERS) {
    const [firstName = user.name, lastName = ''] = user.name.split(' ')
    const localPart = user.email.split('@')[0] ?? user.email
    for (const uid of user.aimbaseAccounts) {
      accounts.push({
        uid: uid.toLowerCase(),
        accountId: 2700 + accounts.length,
        name: accounts.some((a) => a.ownerEmail === user.email)
          ? `${localPart}${accounts.length}`
          : localPart,
        ownerEmail: user.email,
        firstName,
        lastName,
        broken: uid.toLowerCase() === AIMBASE_BROKEN_ACCOUNT_UID,
      })
    }
  }
  return accounts
}

export const AIMBASE_ACCOUNTS: readonly AimbaseAccount[] = accountsOf()

export function findAimbaseAccount(uid: string): AimbaseAccount | undefined {
  const wanted = uid.trim().toLowerCase()
  return AIMBASE_ACCOUNTS.find((account) => account.uid === wanted)
}

/** Email of the sandbox user who owns the account, or undefined for an unknown AccountUid. */
export function aimbaseAccountOwner(uid: string): string | undefined {
  return findAimbaseAccount(uid)?.ownerEmail
}
