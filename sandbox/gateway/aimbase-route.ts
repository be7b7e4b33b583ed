// /api/aimbase/Security/SignOnAccount → Aimbase's api/Security/SignOnAccount (DESIGN.md §4). The
// gateway signs in with its API user (one API token for everyone, 20 minutes), and lets a person
// sign on only to an account they own. The body goes to Aimbase exactly as the browser sent it.
import type http from 'node:http'
import { z } from 'zod'
import { readBody } from '../lib/http.ts'
import { aimbaseAccountOwner } from '../vendors/aimbase/accounts.ts'
import { AIMBASE_SANDBOX_CREDENTIALS } from '../vendors/aimbase/credentials.ts'
import {
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

type AccountUid =
  { readonly ok: true; readonly uid: string } | { readonly ok: false; readonly message: string }

/**
 * AccountUid as Aimbase will read it (the emulator's own reader of JSON and strict XML), so the
 * gateway checks the very account the vendor signs on to.
 */
function accountUidOf(body: string, format: WireFormat): AccountUid {
  const read = readFieldsFromText(body, format, 'SignOnAccount', ['AccountUid', 'LandingPageUrl'])
  if (!read.ok) return read
  const uid = read.fields.get('AccountUid')
  if (uid === undefined) return { ok: false, message: 'The AccountUid field is required.' }
  return { ok: true, uid }
}

function ownsAccount(email: string, uid: string): boolean {
  return aimbaseAccountOwner(uid)?.toLowerCase() === email.toLowerCase()
}

async function signOnAccount(
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<
  { readonly format: WireFormat; readonly body: string; readonly uid: string } | undefined
> {
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
  const body = await readBody(req)
  const account = accountUidOf(body, format)
  if (!account.ok) {
    sendMessage(res, format, 400, account.message)
    return undefined
  }
  return { format, body, uid: account.uid }
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
        headers: { ...browserHeaders(req, ['content-type', 'accept']), apitoken: token },
        body: request.body,
      }),
    })
  },
})
