// /api/aimbase/Security/SignOnAccount → Aimbase's api/Security/SignOnAccount (DESIGN.md §4). The
// gateway signs in with its API user (one API token for everyone, 20 minutes), and lets a person
// sign on only to an account they own. Aimbase gets a body the gateway wrote from the checked
// fields, never the browser's bytes: a reader that differs from ours cannot see another account.
import type http from 'node:http'
import { z } from 'zod'
import { mediaTypeOf, readBody } from '../lib/http.ts'
import { aimbaseAccountOwner } from '../vendors/aimbase/accounts.ts'
import { AIMBASE_SANDBOX_CREDENTIALS } from '../vendors/aimbase/credentials.ts'
import {
  formatRecord,
  readFieldsFromText,
  sendMessage,
  wireFormatOf,
  type WireFormat,
} from '../vendors/aimbase/wire-format.ts'
import { browserHeaders, forwardWithLogin, signedInRoute } from './signed-in-route.ts'
import { loginWithJson } from './upstream-logins.ts'

/** Aimbase Authentication: the API token "is valid for twenty minutes". */
export const AIMBASE_API_TOKEN_LIFETIME_MS = 20 * 60_000

export const NOT_OWNER_MESSAGE = 'The account does not belong to the signed-in user.'
export const NO_PERMISSION_MESSAGE = 'The signed-in user may not use Aimbase.'

const SIGN_ON_FIELDS = ['AccountUid', 'LandingPageUrl'] as const

interface SignOnFields {
  readonly uid: string
  readonly landing: string | undefined
}

type ReadSignOn =
  ({ readonly ok: true } & SignOnFields) | { readonly ok: false; readonly message: string }

/**
 * A top-level JSON key that is one of the fields in another case: a case-insensitive binder
 * might read it instead of the exact key, so the request is ambiguous.
 */
function caseVariantKeyOf(text: string): string | undefined {
  const body = JSON.parse(text) as object // readFieldsFromText has read it as a JSON object
  return Object.keys(body).find((key) =>
    SIGN_ON_FIELDS.some(
      (name) =>
        key !== name &&
        (key.toLowerCase() === name.toLowerCase() || key.toUpperCase() === name.toUpperCase()),
    ),
  )
}

/**
 * The fields as Aimbase will read them (the emulator's own reader of JSON and strict XML), so
 * the gateway checks the very account the vendor signs on to.
 */
function signOnFieldsOf(body: string, format: WireFormat): ReadSignOn {
  const read = readFieldsFromText(body, format, 'SignOnAccount', SIGN_ON_FIELDS)
  if (!read.ok) return read
  const variant = format === 'json' ? caseVariantKeyOf(body) : undefined
  if (variant !== undefined) {
    return {
      ok: false,
      message: `The request is invalid: "${variant}" differs from a field name only in case.`,
    }
  }
  const uid = read.fields.get('AccountUid')
  if (uid === undefined) return { ok: false, message: 'The AccountUid field is required.' }
  return { ok: true, uid, landing: read.fields.get('LandingPageUrl') }
}

/** The body Aimbase gets: only the checked fields, in the browser's format. */
function vendorBodyOf(format: WireFormat, { uid, landing }: SignOnFields): string {
  return formatRecord(format, 'SignOnAccount', {
    AccountUid: uid,
    ...(landing !== undefined && { LandingPageUrl: landing }),
  })
}

function ownsAccount(email: string, uid: string): boolean {
  return aimbaseAccountOwner(uid)?.toLowerCase() === email.toLowerCase()
}

interface SignOnRequest extends SignOnFields {
  readonly format: WireFormat
  /** The browser's media type (application/json, application/xml or text/xml). */
  readonly mediaType: string
}

async function signOnAccount(
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<SignOnRequest | undefined> {
  const format = wireFormatOf(req)
  if (format === undefined) {
    req.resume()
    sendMessage(
      res,
      'json',
      415,
      'The request Content-Type must be application/json, application/xml or text/xml.',
    )
    return undefined
  }
  const fields = signOnFieldsOf(await readBody(req), format)
  if (!fields.ok) {
    sendMessage(res, format, 400, fields.message)
    return undefined
  }
  return { format, mediaType: mediaTypeOf(req), uid: fields.uid, landing: fields.landing }
}

const apiTokenSchema = z.string().min(1)

export const aimbaseRoute = signedInRoute({
  prefix: '/api/aimbase/',
  path: 'Security/SignOnAccount',
  async handle({ req, res, context, claims }) {
    const request = await signOnAccount(req, res)
    if (request === undefined) return
    // DESIGN.md §1: the gateway decides who may act as whom; Aimbase knows only our API user.
    if (!claims.permissions.includes('aimbase')) {
      return sendMessage(res, request.format, 403, NO_PERMISSION_MESSAGE)
    }
    if (!ownsAccount(claims.email, request.uid)) {
      return sendMessage(res, request.format, 403, NOT_OWNER_MESSAGE)
    }
    const origin = context.upstreams.aimbase
    await forwardWithLogin(res, context, {
      vendor: 'Aimbase',
      key: 'aimbase api user',
      login: () =>
        loginWithJson({
          vendor: 'Aimbase',
          url: `${origin}/api/Security/Login`,
          body: {
            Username: AIMBASE_SANDBOX_CREDENTIALS.username,
            Password: AIMBASE_SANDBOX_CREDENTIALS.password,
            Type: 'Api',
          },
          tokenOf: (body) => apiTokenSchema.safeParse(body).data,
          lifetimeMs: AIMBASE_API_TOKEN_LIFETIME_MS,
          now: () => context.control.now(),
        }),
      request: (token) => ({
        url: `${origin}/api/Security/SignOnAccount`,
        method: 'POST',
        headers: {
          ...browserHeaders(req, ['accept']),
          // The body is written as UTF-8 whatever charset the browser named.
          'content-type': `${request.mediaType}; charset=utf-8`,
          apitoken: token,
        },
        body: vendorBodyOf(request.format, request),
      }),
    })
  },
})
