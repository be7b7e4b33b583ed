// What every partner route shares: the vendor's answer goes back to the browser as status,
// Content-Type and body only (never a cookie or other header), in a media type its partner allows,
// its errors wrapped; and a vendor login the BFF makes on the person's behalf is cached, renewed
// and dropped here.
import type { FastifyReply } from 'fastify'
import {
  BFF_ERROR_HEADER,
  BFF_ERROR_STATUS,
  LIMITS,
  type PartnerName,
  type PartnerRefusedBody,
} from '../../../contract/src/contract.ts'
import { BFF_ERROR_MESSAGES, BffError } from '../errors.ts'
import {
  watchedCall,
  type UpstreamAnswer,
  type UpstreamRequest,
  type UpstreamWatcher,
} from '../upstream/upstream-call.ts'
import type { LoginOutcome, VendorLogins } from '../upstream/vendor-logins.ts'
import { noteCode } from '../telemetry/request-notes.ts'

/** What a partner's vendor calls need of the BFF. */
export interface PartnerContext {
  readonly now: () => number
  readonly upstreamTimeoutMs: number
  /** The BFF's own logins at vendors, cached per key. */
  readonly logins: VendorLogins
  /** Metrics and traces of every vendor call. */
  readonly watcher: UpstreamWatcher
}

/** What a partner's vendor may answer, declared in the partner's module. */
export interface VendorAnswers {
  readonly partner: PartnerName
  /** The media types it answers in, errors included: lower case, without parameters. */
  readonly mediaTypes: readonly `${string}/${string}`[]
}

/**
 * Relays the vendor's answer: status, Content-Type and body. The BFF answers on the app's origin,
 * so a media type the partner does not allow (a vendor's HTML would run as the app), or none, is
 * the BFF's own 502 partner_unavailable. A vendor's error (400 to 599) is wrapped as 502
 * partner_refused, so it never passes for one of the BFF's own answers (a vendor's 401 for "your
 * session ended"); any other status (a redirect) is partner_unavailable.
 */
export function relay(
  reply: FastifyReply,
  answer: UpstreamAnswer,
  vendor: VendorAnswers,
): FastifyReply {
  const { status, body } = answer
  const contentType = answer.contentType ?? ''
  // RFC 9110 §8.3.1: the type and subtype are case-insensitive; parameters follow a ';'.
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  if (!vendor.mediaTypes.some((allowed) => allowed === mediaType)) {
    const as = mediaType === '' ? 'no Content-Type' : mediaType.slice(0, 100)
    throw new BffError('partner_unavailable', `${vendor.partner}: answered ${status} as ${as}`)
  }
  reply.header('cache-control', 'no-store')
  if (status >= 200 && status <= 299) {
    return reply.code(status).header('content-type', contentType).send(body)
  }
  if (status < 400 || status > 599) {
    throw new BffError('partner_unavailable', `${vendor.partner}: answered ${status}`)
  }
  const refused: PartnerRefusedBody = {
    error: 'partner_refused',
    message: BFF_ERROR_MESSAGES.partner_refused,
    partner: vendor.partner,
    vendor: {
      status,
      contentType,
      // A cut inside a UTF-8 sequence decodes as U+FFFD: the text stays valid.
      body: body.subarray(0, LIMITS.vendorBody).toString('utf8'),
    },
  }
  noteCode(reply.request, 'partner_refused')
  return reply
    .code(BFF_ERROR_STATUS.partner_refused)
    .header(BFF_ERROR_HEADER, 'partner_refused')
    .send(refused)
}

/** Calls the vendor; a timeout or an unreachable vendor becomes the BFF's own 504 or 502. */
export async function callVendor(
  ctx: PartnerContext,
  vendor: string,
  request: UpstreamRequest,
): Promise<UpstreamAnswer> {
  const label = { upstream: vendor.toLowerCase(), operation: 'handoff' }
  const result = await watchedCall(ctx.watcher, label, request, ctx.upstreamTimeoutMs)
  if (result.ok) return result.answer
  throw result.reason === 'timeout'
    ? new BffError('upstream_timeout', `${vendor}: no answer in time`)
    : new BffError('partner_unavailable', `${vendor}: ${result.reason}`)
}

export interface LoginThenCall {
  readonly vendor: string
  /** Cache key of the login, e.g. 'assuresign alice@example.com'. */
  readonly key: string
  readonly login: () => Promise<LoginOutcome>
  /** The vendor call made with the login's token. */
  readonly request: (token: string) => UpstreamRequest
  /** Whether the vendor's answer refuses the login's token (default: HTTP 401). */
  readonly refusesToken?: (answer: UpstreamAnswer) => boolean
}

/**
 * Logs in at the vendor (or reuses the cached login), then makes the call with the token. A
 * refused login is the BFF's own credential problem: the browser gets a plain 502, never the
 * vendor's words. So is a call that refuses the token: the token is dropped and the call made
 * once more with a fresh login (the vendor may have ended it early); refused again, 502.
 */
export async function callWithLogin(
  ctx: PartnerContext,
  call: LoginThenCall,
): Promise<UpstreamAnswer> {
  const refused = call.refusesToken ?? ((a: UpstreamAnswer) => a.status === 401)
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const login = await ctx.logins.get(call.key, call.login)
    if (login.kind === 'timeout') {
      throw new BffError('upstream_timeout', `${call.vendor} login timed out`)
    }
    if (login.kind === 'failed') {
      throw new BffError('partner_unavailable', `${call.vendor} login ${login.reason}`)
    }
    const answer = await callVendor(ctx, call.vendor, call.request(login.token))
    if (!refused(answer)) return answer
    ctx.logins.forget(call.key, login.token)
  }
  throw new BffError('partner_unavailable', `${call.vendor} refused the BFF's token twice`)
}
