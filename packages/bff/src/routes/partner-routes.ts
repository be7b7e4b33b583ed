// The hand-off route of every configured partner: POST /api + the contract's path, for a person
// with a live session, answered by the partner's module. A partner left out of the configuration
// has no route, so its path answers 404 like any other unknown path.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { API_PREFIX, PARTNER_NAMES, PARTNER_PATHS } from '../../../contract/src/contract.ts'
import { BFF_PARTNERS } from '../partners/registry.ts'
import type { AnyBffPartner } from '../partners/partner.ts'
import { requireSession } from './auth-routes.ts'
import type { RouteContext } from './context.ts'
import { notedEmail, outcomeOf } from '../telemetry/request-notes.ts'

export function registerPartnerRoutes(app: FastifyInstance, ctx: RouteContext): void {
  for (const name of PARTNER_NAMES) {
    const settings = ctx.config.partners[name]
    if (settings === undefined) continue
    const partner: AnyBffPartner = BFF_PARTNERS[name]
    const onResponse = async (request: FastifyRequest, reply: FastifyReply) => {
      const outcome = outcomeOf(reply)
      ctx.metrics.handoffs.inc({ partner: name, outcome })
      ctx.audit.record(request, { event: 'handoff', partner: name, outcome }, notedEmail(request))
    }
    app.post(API_PREFIX + PARTNER_PATHS[name], { onResponse }, async (request, reply) => {
      const session = await requireSession(ctx, request, reply)
      return partner.handle({
        settings,
        session,
        request,
        reply,
        now: ctx.now,
        upstreamTimeoutMs: ctx.config.upstreamTimeoutMs,
        logins: ctx.logins,
        watcher: ctx.watcher,
      })
    })
  }
}
