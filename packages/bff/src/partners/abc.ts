// Aditya Birla Capital: POST /api/abc/cmnsrv/user/generate-sso-token → ABC's GenerateSSOToken.
// The BFF sends the Indee session token as `Authorization`, as ABC documents, plus its client id,
// and takes the CII number from the session, so a person can ask only for their own token. The
// browser's x-api-version goes through as sent, so ABC's own 400 still reaches the app.
import { z } from 'zod'
import type { PartnerRequest } from '../../../contract/src/contract.ts'
import { BffError, sendError } from '../errors.ts'
import { baseUrlSetting, secretSetting } from '../settings.ts'
import { definePartner } from './partner.ts'
import { callVendor, relay, type VendorAnswers } from './partner-relay.ts'

const GENERATE_PATH = 'cmnsrv/user/generate-sso-token'

/** ABC's API answers JSON, its errors too. */
const ANSWERS: VendorAnswers = { partner: 'abc', mediaTypes: ['application/json'] }

const bodySchema: z.ZodType<PartnerRequest<'abc'>> = z.strictObject({
  LOBId: z.string().min(1).max(64),
  Functionality: z.string().min(1).max(64),
})

export const abc = definePartner({
  name: 'abc',
  /** SSO_BFF_ABC_URL (ABC's API base) and SSO_BFF_ABC_CLIENT_ID (x-lob-client-id). */
  settings: { URL: baseUrlSetting, CLIENT_ID: secretSetting },
  async handle({ settings, session, request, reply, ...ctx }) {
    const parsed = bodySchema.safeParse(request.body)
    if (!parsed.success) {
      throw new BffError(
        'invalid_request',
        // Stryker disable next-line StringLiteral: the message of an invalid_request is neither answered nor logged
        'generate-sso-token body is not valid',
      )
    }
    // The BFF's own refusal, in its own shape: ABC was not asked.
    if (!session.permissions.includes('abc') || session.ciiNo === undefined) {
      return sendError(reply, 'handoff_not_permitted')
    }
    const apiVersion = request.headers['x-api-version']
    const answer = await callVendor(ctx, 'ABC', {
      url: `${settings.URL}/${GENERATE_PATH}`,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(typeof apiVersion === 'string' && { 'x-api-version': apiVersion }),
        authorization: session.token,
        'x-lob-client-id': settings.CLIENT_ID,
      },
      body: JSON.stringify({ CIINo: session.ciiNo, ...parsed.data }),
    })
    return relay(reply, answer, ANSWERS)
  },
})
