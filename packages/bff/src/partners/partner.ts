// The one interface every partner of the BFF implements (docs/adding-a-partner.md): its settings,
// and the handler of its hand-off route. A partner's module holds everything of that partner: the
// settings schema, the vendor login (if any), the permission check, the vendor call and the
// answer relay. The route itself (POST /api + the contract's path, behind a live session) and the
// settings' environment variables come from routes/partner-routes.ts and config.ts, which loop over
// partners/registry.ts.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { PartnerName } from '../../../contract/src/contract.ts'
import type { SessionRecord } from '../session/session-store.ts'
import type { PartnerContext } from './partner-relay.ts'

/**
 * A partner's settings, one environment variable per key: key `URL` of partner `aimbase` is
 * SSO_BFF_AIMBASE_URL. A deployment sets every one of them to use the partner, or none.
 */
export type SettingsShape = z.ZodRawShape

export type Settings<Shape extends SettingsShape> = z.output<z.ZodObject<Shape>>

/** What a partner's handler is given for one hand-off request of a signed-in person. */
export interface PartnerCall<Shape extends SettingsShape> extends PartnerContext {
  readonly settings: Settings<Shape>
  /** The person's live session (already renewed when it was due). */
  readonly session: SessionRecord
  readonly request: FastifyRequest
  readonly reply: FastifyReply
}

export interface BffPartner<Shape extends SettingsShape> {
  readonly name: PartnerName
  /** Its settings (see {@link SettingsShape}); each is checked at start, like every variable. */
  readonly settings: Shape
  /**
   * Answers the partner's hand-off route: checks the person may use the partner (the session's
   * permissions), calls the vendor with the BFF's credentials, relays the answer.
   */
  handle(call: PartnerCall<Shape>): Promise<FastifyReply>
}

/** Any partner, whatever its settings. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry's element type
export type AnyBffPartner = BffPartner<any>

/** A partner, its settings' types inferred from its shape. */
export function definePartner<Shape extends SettingsShape>(
  partner: BffPartner<Shape>,
): BffPartner<Shape> {
  return partner
}
