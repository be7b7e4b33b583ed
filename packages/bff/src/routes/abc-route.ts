// POST /api/abc/cmnsrv/user/generate-sso-token → ABC's GenerateSSOToken. The BFF sends the
// Indee session token as `Authorization`, as ABC documents, plus its client id, and takes the CII
// number from the session, so a person can ask only for their own token. The browser's
// x-api-version goes through as sent, so ABC's own 400 still reaches the app.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { BffError } from '../errors.ts'
import { requireSession } from './auth-routes.ts'
import type { RouteContext } from './context.ts'
import { callVendor, relay } from './partner-relay.ts'

const GENERATE_PATH = 'cmnsrv/user/generate-sso-token'

const bodySchema = z.strictObject({
  LOBId: z.string().min(1).max(64),
  Functionality: z.string().min(1).max(64),
})

export function registerAbcRoute(app: FastifyInstance, ctx: RouteContext): void {
  app.post(`/api/abc/${GENERATE_PATH}`, async (request, reply) => {
    const session = await requireSession(ctx, request, reply)
    const parsed = bodySchema.safeParse(request.body)
    if (!parsed.success) {
      throw new BffError(
        'invalid_request',
        // Stryker disable next-line StringLiteral: the message of an invalid_request is neither answered nor logged
        'generate-sso-token body is not valid',
      )
    }
    if (!session.permissions.includes('abc') || session.ciiNo === undefined) {
      return reply.code(403).send({ message: 'The signed-in user may not use ABC.' })
    }
    const apiVersion = request.headers['x-api-version']
    const answer = await callVendor(ctx, 'ABC', {
      url: `${ctx.config.abc.url}/${GENERATE_PATH}`,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(typeof apiVersion === 'string' && { 'x-api-version': apiVersion }),
        authorization: session.token,
        'x-lob-client-id': ctx.config.abc.clientId,
      },
      body: JSON.stringify({ CIINo: session.ciiNo, ...parsed.data }),
    })
    return relay(reply, answer)
  })
}
