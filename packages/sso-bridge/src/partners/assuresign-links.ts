// AssureSign as the signed-in home shows it: its name, its permission, its hand-off address and
// the links its config offers. Free of zod and of AssureSign's answers (assuresign.ts), so the
// home does not load them.
import type { PartnerLinks } from '../core/handoff.ts'

export interface AssureSignInput {
  readonly envelopeId: string
}

export interface AssureSignConfig {
  readonly origin: string
  readonly envelopes: readonly {
    readonly id: string
    readonly label: string
    readonly description?: string | undefined
  }[]
}

export const assureSignLinks: PartnerLinks<AssureSignConfig, AssureSignInput> = {
  label: 'AssureSign',
  permission: 'assuresign',
  routePath: 'assuresign/:envelopeId',
  linkTo: (input) => `assuresign/${encodeURIComponent(input.envelopeId)}`,
  destinations: (config) =>
    config.envelopes.map((envelope) => ({
      label: envelope.label,
      description: envelope.description,
      input: { envelopeId: envelope.id },
    })),
}
