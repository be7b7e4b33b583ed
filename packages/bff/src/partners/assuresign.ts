// AssureSign: POST /api/assuresign/authentication/sso → AssureSign's authentication/sso. The BFF
// lets only a person whose session grants 'assuresign' through, logs in with its API user on
// their behalf (contextUsername = the session's email), keeps that login per person, and asks for
// the 30 s ssoToken with it.
import { z } from 'zod'
import type { PartnerRequest } from '../../../contract/src/contract.ts'
import { BffError, sendError } from '../errors.ts'
import { jsonOf, type UpstreamAnswer } from '../upstream/upstream-call.ts'
import { loginWithJson } from '../upstream/vendor-logins.ts'
import { baseUrlSetting, secretSetting } from '../settings.ts'
import { definePartner } from './partner.ts'
import { callWithLogin, relay, type VendorAnswers } from './partner-relay.ts'

const API = '/api/documentnow/v3.3/authentication'

/** Length of the AssureSign session the BFF asks for per person. */
export const ASSURESIGN_SESSION_MINUTES = 30

/** AssureSign's API answers JSON, its errors too. */
const ANSWERS: VendorAnswers = { partner: 'assuresign', mediaTypes: ['application/json'] }

/** The contract's body: nothing, the person is the session's. */
const bodySchema: z.ZodType<PartnerRequest<'assuresign'>> = z.strictObject({})

const loginAnswerSchema = z.object({ result: z.object({ token: z.string().min(1) }) })
const errorCodeSchema = z.object({ errorCode: z.string() })

/** AssureSign answers FORBIDDEN to an invalid or expired API session token (any status). */
function refusesToken(answer: UpstreamAnswer): boolean {
  return (
    answer.status === 401 ||
    errorCodeSchema.safeParse(jsonOf(answer)).data?.errorCode === 'FORBIDDEN'
  )
}

export const assureSign = definePartner({
  name: 'assuresign',
  /** SSO_BFF_ASSURESIGN_URL, _API_USERNAME, _API_KEY: the DocumentNOW API user. */
  settings: { URL: baseUrlSetting, API_USERNAME: secretSetting, API_KEY: secretSetting },
  async handle({ settings, session, request, reply, ...ctx }) {
    if (!bodySchema.safeParse(request.body).success) {
      throw new BffError(
        'invalid_request',
        // Stryker disable next-line StringLiteral: the message of an invalid_request is neither answered nor logged
        'authentication/sso body is not valid',
      )
    }
    // The BFF's own refusal, in its own shape: AssureSign was not asked.
    if (!session.permissions.includes('assuresign')) {
      return sendError(reply, 'handoff_not_permitted')
    }
    const contextUsername = session.email.toLowerCase()
    const answer = await callWithLogin(ctx, {
      vendor: 'AssureSign',
      key: `assuresign ${contextUsername}`,
      login: () =>
        loginWithJson({
          url: `${settings.URL}${API}/apiUserAuthentication`,
          body: {
            request: {
              apiUsername: settings.API_USERNAME,
              key: settings.API_KEY,
              contextUsername,
              sessionLengthInMinutes: ASSURESIGN_SESSION_MINUTES,
            },
          },
          tokenOf: (body) => loginAnswerSchema.safeParse(body).data?.result.token,
          lifetimeMs: ASSURESIGN_SESSION_MINUTES * 60_000,
          timeoutMs: ctx.upstreamTimeoutMs,
          now: ctx.now,
          upstream: 'assuresign',
          watcher: ctx.watcher,
        }),
      request: (token) => ({
        url: `${settings.URL}${API}/sso`,
        headers: { accept: 'application/json', authorization: `bearer ${token}` },
      }),
      refusesToken,
    })
    return relay(reply, answer, ANSWERS)
  },
})
