// POST /api/assuresign/authentication/sso → AssureSign's authentication/sso. The BFF lets only
// a person whose session grants 'assuresign' through, logs in with its API user on their behalf
// (contextUsername = the session's email), keeps that login per person, and asks for the 30 s
// ssoToken with it.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { requireSession } from './auth-routes.ts'
import type { RouteContext } from './context.ts'
import { jsonOf, type UpstreamAnswer } from '../upstream/upstream-call.ts'
import { loginWithJson } from '../upstream/vendor-logins.ts'
import { callWithLogin, relay } from './partner-relay.ts'

const API = '/api/documentnow/v3.3/authentication'

/** Length of the AssureSign session the BFF asks for per person. */
export const ASSURESIGN_SESSION_MINUTES = 30

/** The BFF's refusal, in AssureSign's error shape so the app reads its FORBIDDEN code. */
const NO_PERMISSION = {
  errorCode: 'FORBIDDEN',
  summary: 'The signed-in user may not use AssureSign.',
  details: [],
} as const

const loginAnswerSchema = z.object({ result: z.object({ token: z.string().min(1) }) })
const errorCodeSchema = z.object({ errorCode: z.string() })

/** AssureSign answers FORBIDDEN to an invalid or expired API session token (any status). */
function refusesToken(answer: UpstreamAnswer): boolean {
  return (
    answer.status === 401 ||
    errorCodeSchema.safeParse(jsonOf(answer)).data?.errorCode === 'FORBIDDEN'
  )
}

export function registerAssureSignRoute(app: FastifyInstance, ctx: RouteContext): void {
  const { url, apiUsername, apiKey } = ctx.config.assuresign
  app.post('/api/assuresign/authentication/sso', async (request, reply) => {
    const session = await requireSession(ctx, request, reply)
    if (!session.permissions.includes('assuresign')) return reply.code(403).send(NO_PERMISSION)
    const contextUsername = session.email.toLowerCase()
    const answer = await callWithLogin(ctx, {
      vendor: 'AssureSign',
      key: `assuresign ${contextUsername}`,
      login: () =>
        loginWithJson({
          url: `${url}${API}/apiUserAuthentication`,
          body: {
            request: {
              apiUsername,
              key: apiKey,
              contextUsername,
              sessionLengthInMinutes: ASSURESIGN_SESSION_MINUTES,
            },
          },
          tokenOf: (body) => loginAnswerSchema.safeParse(body).data?.result.token,
          lifetimeMs: ASSURESIGN_SESSION_MINUTES * 60_000,
          timeoutMs: ctx.config.upstreamTimeoutMs,
          now: ctx.now,
        }),
      request: (token) => ({
        url: `${url}${API}/sso`,
        headers: { accept: 'application/json', authorization: `bearer ${token}` },
      }),
      refusesToken,
    })
    return relay(reply, answer)
  })
}
