// Aditya Birla Capital as the signed-in home shows it: its name, its permission, its hand-off
// address and the lines of business its config offers. Free of zod and of ABC's answers (abc.ts),
// so the home does not load them.
import type { PartnerLinks } from '../core/handoff.ts'

export interface LobInput {
  readonly lobId: string
  readonly functionality: string
}

export interface AbcConfig {
  readonly apiVersion: string
  readonly lobs: readonly {
    readonly id: string
    readonly label: string
    readonly description?: string | undefined
    readonly portalUrl: string
    readonly functionality: string
  }[]
}

export const abcLinks: PartnerLinks<AbcConfig, LobInput> = {
  label: 'Aditya Birla Capital',
  permission: 'abc',
  routePath: 'lob/:lobId',
  linkTo: (input) =>
    `lob/${encodeURIComponent(input.lobId)}?${new URLSearchParams({ functionality: input.functionality }).toString()}`,
  destinations: (config) =>
    config.lobs.map((lob) => ({
      label: lob.label,
      description: lob.description,
      input: { lobId: lob.id, functionality: lob.functionality },
    })),
}
