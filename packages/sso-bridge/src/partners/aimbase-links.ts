// Aimbase as the signed-in home shows it: its name, its permission, its hand-off address and the
// accounts its config offers. Free of zod and of Aimbase's answers (aimbase.ts), so the home does
// not load them.
import type { PartnerLinks } from '../core/handoff.ts'

export interface AimbaseInput {
  readonly accountUid: string
  readonly landing: string
}

/** Landing used when `?landing=` is absent: the root of the vendor's site. */
export const DEFAULT_AIMBASE_LANDING = '/'

export interface AimbaseConfig {
  readonly origin: string
  readonly format: 'json' | 'xml'
  readonly accounts: readonly {
    readonly uid: string
    readonly label: string
    readonly description?: string | undefined
    readonly landing: string
    readonly format?: 'json' | 'xml' | undefined
  }[]
}

export const aimbaseLinks: PartnerLinks<AimbaseConfig, AimbaseInput> = {
  label: 'Aimbase',
  permission: 'aimbase',
  routePath: 'aimbase',
  linkTo: (input) =>
    `aimbase?${new URLSearchParams({ account: input.accountUid, landing: input.landing }).toString()}`,
  destinations: (config) =>
    config.accounts.map((account) => ({
      label: account.label,
      description: account.description,
      input: { accountUid: account.uid, landing: account.landing },
    })),
}
