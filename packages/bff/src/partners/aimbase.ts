// Aimbase: POST /api/aimbase/Security/SignOnAccount → Aimbase's api/Security/SignOnAccount. The BFF signs
// in with its API user (one API token for everyone, 20 minutes) and lets a person sign on only
// to an account their session says they own. Aimbase gets a body the BFF wrote from the checked
// fields, in the JSON or XML format Aimbase documents; the browser always sends JSON.
import { decodeJwt } from 'jose'
import { z } from 'zod'
import type { PartnerRequest } from '../../../contract/src/contract.ts'
import { BffError, sendError } from '../errors.ts'
import { loginWithJson } from '../upstream/vendor-logins.ts'
import { baseUrlSetting, secretSetting } from '../settings.ts'
import { definePartner } from './partner.ts'
import { callWithLogin, relay, type VendorAnswers } from './partner-relay.ts'

/** Aimbase Authentication: the API token "is valid for twenty minutes". */
export const AIMBASE_API_TOKEN_LIFETIME_MS = 20 * 60_000

const bodySchema: z.ZodType<SignOn, PartnerRequest<'aimbase'>> = z.strictObject({
  AccountUid: z.guid(),
  LandingPageUrl: z.string().min(1).max(2048).optional(),
  /** The body format Aimbase gets; its answer comes back in the same format. */
  Format: z.enum(['json', 'xml']).default('json'),
})

/** The contract's body, its format decided. */
type SignOn = PartnerRequest<'aimbase'> & { readonly Format: 'json' | 'xml' }

function escapeXml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
}

/** The SignOnAccount body Aimbase documents, in JSON or XML. */
export function vendorBodyOf({ AccountUid, LandingPageUrl, Format }: SignOn) {
  if (Format === 'json') {
    return {
      contentType: 'application/json; charset=utf-8',
      // JSON.stringify leaves LandingPageUrl out when it is undefined.
      body: JSON.stringify({ AccountUid, LandingPageUrl }),
    }
  }
  const landing =
    LandingPageUrl === undefined
      ? ''
      : `<LandingPageUrl>${escapeXml(LandingPageUrl)}</LandingPageUrl>`
  return {
    contentType: 'application/xml; charset=utf-8',
    body: `<SignOnAccount><AccountUid>${escapeXml(AccountUid)}</AccountUid>${landing}</SignOnAccount>`,
  }
}

/**
 * Aimbase answers in the format asked for (`Accept`), its errors too: JSON, or XML as ASP.NET Web
 * API writes it for `Accept: application/xml`.
 */
const ANSWERS: VendorAnswers = {
  partner: 'aimbase',
  mediaTypes: ['application/json', 'application/xml'],
}

const apiTokenSchema = z.string().min(1)

/** Indee's session token names the Aimbase accounts a person owns (`aimbase_accounts`). */
const ownerClaimSchema = z.object({ aimbase_accounts: z.array(z.string()) })

/**
 * The AccountUids the person owns, in lower case, from the session's token (verified when the
 * session took it, at sign-in or refresh); none when the claim is missing or malformed.
 */
function ownedAccounts(token: string): string[] {
  const claim = ownerClaimSchema.safeParse(decodeJwt(token)).data
  return claim?.aimbase_accounts.map((uid) => uid.toLowerCase()) ?? []
}

export const aimbase = definePartner({
  name: 'aimbase',
  /** SSO_BFF_AIMBASE_URL, _API_USERNAME, _API_PASSWORD: the Aimbase API user. */
  settings: { URL: baseUrlSetting, API_USERNAME: secretSetting, API_PASSWORD: secretSetting },
  async handle({ settings, session, request, reply, ...ctx }) {
    const parsed = bodySchema.safeParse(request.body)
    if (!parsed.success) {
      throw new BffError(
        'invalid_request',
        // Stryker disable next-line StringLiteral: the message of an invalid_request is neither answered nor logged
        'SignOnAccount body is not valid',
      )
    }
    const signOn = parsed.data
    // The BFF's own refusals, in its own shape whatever the format: Aimbase was not asked.
    if (!session.permissions.includes('aimbase')) return sendError(reply, 'handoff_not_permitted')
    if (!ownedAccounts(session.token).includes(signOn.AccountUid.toLowerCase())) {
      return sendError(reply, 'handoff_account_not_owned')
    }
    const vendorBody = vendorBodyOf(signOn)
    const answer = await callWithLogin(ctx, {
      vendor: 'Aimbase',
      // Stryker disable next-line StringLiteral: the one key of Aimbase logins; any other string caches the same
      key: 'aimbase api user',
      login: () =>
        loginWithJson({
          url: `${settings.URL}/api/Security/Login`,
          body: { Username: settings.API_USERNAME, Password: settings.API_PASSWORD, Type: 'Api' },
          tokenOf: (body) => apiTokenSchema.safeParse(body).data,
          lifetimeMs: AIMBASE_API_TOKEN_LIFETIME_MS,
          timeoutMs: ctx.upstreamTimeoutMs,
          now: ctx.now,
          upstream: 'aimbase',
          watcher: ctx.watcher,
        }),
      request: (token) => ({
        url: `${settings.URL}/api/Security/SignOnAccount`,
        headers: {
          'content-type': vendorBody.contentType,
          // The media type alone (split always has a first element).
          accept: vendorBody.contentType.split(';')[0] ?? vendorBody.contentType,
          apitoken: token,
        },
        body: vendorBody.body,
      }),
    })
    return relay(reply, answer, ANSWERS)
  },
})
