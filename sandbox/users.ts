// Sandbox users (README "Sandbox users"). Passwords are sandbox-only and printed by npm start.
export interface SandboxUser {
  readonly email: string
  readonly password: string
  readonly name: string
  /** ABC customer id (CII number) carried in the session token as `cii_no`. */
  readonly ciiNo: string
  /** Partner hand-offs this user may use; carried in the session token as `permissions`. */
  readonly permissions: readonly ('assuresign' | 'aimbase' | 'abc')[]
  /** Aimbase accounts (AccountUid) that belong to this user. */
  readonly aimbaseAccounts: readonly string[]
}

export const USERS: readonly SandboxUser[] = [
  {
    email: 'alice@example.com',
    password: 'alice-password',
    name: 'Alice Example',
    ciiNo: '1001234567',
    permissions: ['assuresign', 'aimbase', 'abc'],
    aimbaseAccounts: [
      '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      // Aimbase answers 500 to every sign-on to this one (sandbox/vendors/aimbase/accounts.ts).
      '0badc0de-0500-4500-8500-000000000500',
    ],
  },
  {
    email: 'bob@example.com',
    password: 'bob-password',
    name: 'Bob Example',
    ciiNo: '1007654321',
    permissions: [],
    aimbaseAccounts: ['9a7b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d'],
  },
  {
    email: 'carol@example.com',
    password: 'carol-password',
    name: 'Carol Example',
    ciiNo: '1002468135',
    permissions: ['assuresign'],
    aimbaseAccounts: [],
  },
]

export function findUser(email: string): SandboxUser | undefined {
  const wanted = email.trim().toLowerCase()
  return USERS.find((u) => u.email === wanted)
}
