// /api/assuresign/authentication/sso → AssureSign's authentication/sso (DESIGN.md §4). The
// gateway lets only a person whose session token grants 'assuresign' through, logs in with its
// API user on their behalf (contextUsername = the session token's email), keeps that session per
// person, and asks for the 30 s ssoToken with it.
import { z } from 'zod'
import { sendJson } from '../lib/http.ts'
import { ASSURESIGN_SANDBOX_CREDENTIALS } from '../vendors/assuresign/credentials.ts'
import { browserHeaders, forwardWithLogin, signedInRoute } from './signed-in-route.ts'
import { loginWithJson } from './upstream-logins.ts'

const API = '/api/documentnow/v3.3/authentication'

/** Length of the AssureSign session the gateway asks for per person (sandbox clock). */
export const ASSURESIGN_SESSION_MINUTES = 30

/** The gateway's refusal, in AssureSign's error shape so the app reads its FORBIDDEN code. */
const NO_PERMISSION_ERROR = {
  errorCode: 'FORBIDDEN',
  summary: 'The signed-in user may not use AssureSign.',
  details: [],
} as const

const loginAnswerSchema = z.object({ result: z.object({ token: z.string().min(1) }) })

export const assureSignRoute = signedInRoute({
  prefix: '/api/assuresign/',
  path: 'authentication/sso',
  async handle({ req, res, context, claims }) {
    req.resume() // the SSO call has no body
    // DESIGN.md §1: the gateway decides who may act as whom, before any AssureSign call.
    if (!claims.permissions.includes('assuresign')) return sendJson(res, 403, NO_PERMISSION_ERROR)
    const origin = context.upstreams.assuresign
    const contextUsername = claims.email.toLowerCase()
    await forwardWithLogin(res, context, {
      vendor: 'AssureSign',
      key: `assuresign ${contextUsername}`,
      login: () =>
        loginWithJson({
          vendor: 'AssureSign',
          url: `${origin}${API}/apiUserAuthentication`,
          body: {
            request: {
              apiUsername: ASSURESIGN_SANDBOX_CREDENTIALS.apiUsername,
              key: ASSURESIGN_SANDBOX_CREDENTIALS.key,
              contextUsername,
              sessionLengthInMinutes: ASSURESIGN_SESSION_MINUTES,
            },
          },
          tokenOf: (body) => loginAnswerSchema.safeParse(body).data?.result.token,
          lifetimeMs: ASSURESIGN_SESSION_MINUTES * 60_000,
          now: () => context.control.now(),
        }),
      request: (token) => ({
        url: `${origin}${API}/sso`,
        method: 'POST',
        headers: { ...browserHeaders(req, ['accept']), authorization: `bearer ${token}` },
      }),
    })
  },
})
