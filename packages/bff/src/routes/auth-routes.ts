// Sign-in, the session and sign-out (docs/backend-contract.md). The browser learns only what it
// shows and decides with (email, permissions, CII number, expiry); tokens stay here.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  API_PREFIX,
  AUTH_ROUTES,
  LIMITS,
  type InitiateAnswer,
  type InitiateRequest,
  type LoginRequest,
  type ProviderErrorReport,
} from '../../../contract/src/contract.ts'
import { BffError, sendError } from '../errors.ts'
import { PhaseTimer, serverTimingHeader } from '../server-timing.ts'
import { cookieOptions } from '../session/cookies.ts'
import type { SessionObserver } from '../session/sessions.ts'
import { SIGN_IN_COOKIE_SECONDS } from '../session/sign-in-binding.ts'
import type { RouteContext } from './context.ts'
import { inSpan } from '../telemetry/spans.ts'
import { noteCode, notedEmail, noteEmail, outcomeOf } from '../telemetry/request-notes.ts'

/** The desc of the `indee` phase of Server-Timing. */
const INDEE_DESC = 'Indee sso/login'

const email = z.email().max(LIMITS.email)
const state = z.string().min(1).max(LIMITS.state)
const nonce = z.string().min(1).max(LIMITS.nonce)
const initiateSchema: z.ZodType<InitiateRequest> = z.strictObject({ email })
const codeSchema: z.ZodType<LoginRequest> = z.strictObject({
  state,
  nonce,
  email,
  code: z.string().min(1).max(LIMITS.code),
})
const providerErrorSchema: z.ZodType<ProviderErrorReport> = z.strictObject({
  state,
  nonce,
  email,
  error: z.string().min(1).max(LIMITS.providerError),
  errorDescription: z.string().max(LIMITS.providerErrorDescription),
})
const loginSchema = z.union([codeSchema, providerErrorSchema])

/** A route's path on the BFF: the contract's, below /api. */
const path = (route: keyof typeof AUTH_ROUTES) => API_PREFIX + AUTH_ROUTES[route]

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    // The answer is the contract's invalid_request and 4xx refusals are not logged, so which
    // field failed is not kept either.
    throw new BffError(
      'invalid_request',
      // Stryker disable next-line StringLiteral: the message of an invalid_request is neither answered nor logged
      'invalid body',
    )
  }
  return parsed.data
}

export function registerAuthRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { cookies, secureCookies } = ctx
  const rateLimit = {
    rateLimit: { max: ctx.config.rateLimitPerMinute, timeWindow: '1 minute' },
  }
  // The cookies' attributes, made once (@fastify/cookie copies them): without a lifetime, and
  // the sign-in binding's.
  const attributes = cookieOptions(secureCookies)
  const signInAttributes = cookieOptions(secureCookies, SIGN_IN_COOKIE_SECONDS)
  const clearSession = (reply: FastifyReply) => reply.clearCookie(cookies.session, attributes)

  app.post(
    path('initiate'),
    {
      config: rateLimit,
      onResponse: async (_request, reply) => {
        ctx.metrics.signInStarts.inc({ outcome: outcomeOf(reply) })
      },
    },
    async (request, reply): Promise<InitiateAnswer> => {
      const body = parse(initiateSchema, request.body)
      // The guard has checked Origin when present; Indee builds the callback from it.
      const origin = request.headers.origin
      if (origin === undefined) {
        throw new BffError(
          'forbidden',
          // Stryker disable next-line StringLiteral: the message of a forbidden is neither answered nor logged
          'sso/initiate needs an Origin',
        )
      }
      const started = await ctx.indee.initiate(body.email, origin)
      const binding = ctx.signIns.add(request.cookies[cookies.signIn], started.state)
      reply.setCookie(cookies.signIn, binding, signInAttributes)
      return started
    },
  )

  // Server-Timing of sso/login (docs/backend-contract.md): the phases of each request, sent on
  // its answer, whichever way it ends, when SSO_BFF_SERVER_TIMING is on.
  const timers = new WeakMap<FastifyRequest, PhaseTimer>()
  const onSend = async (request: FastifyRequest, reply: FastifyReply) => {
    const timer = timers.get(request)
    if (ctx.config.serverTiming && timer?.ran === true) {
      reply.header('server-timing', serverTimingHeader(timer.entries()))
    }
  }

  // Every exchange counted by outcome, and audited (a rate-limit hit has its own event).
  const onResponse = async (request: FastifyRequest, reply: FastifyReply) => {
    const outcome = outcomeOf(reply)
    ctx.metrics.signIns.inc({ outcome })
    if (outcome === 'rate_limited') return
    ctx.audit.record(
      request,
      outcome === 'ok'
        ? { event: 'sign_in', outcome: 'succeeded' }
        : { event: 'sign_in', outcome: 'failed', code: outcome },
      notedEmail(request),
    )
  }

  app.post(path('login'), { config: rateLimit, onSend, onResponse }, async (request, reply) => {
    const timer = new PhaseTimer()
    timers.set(request, timer)
    const body = parse(loginSchema, request.body)
    noteEmail(request, body.email)
    // Only the browser that started this sign-in may finish it: checked before Indee is asked.
    const { bound, rest } = timer.time('bind', () =>
      ctx.signIns.take(request.cookies[cookies.signIn], body.state),
    )
    if (rest === '') reply.clearCookie(cookies.signIn, attributes)
    else reply.setCookie(cookies.signIn, rest, signInAttributes)
    if (!bound) return sendError(reply, 'sign_in_not_bound')

    if ('error' in body) {
      // The provider refused; Indee closes its transaction. Nothing is stored whatever it says.
      await timer.timeAsync(
        'indee',
        () =>
          ctx.indee
            .login({
              ...body,
              code: '',
              error: true,
              errorDescription: { error: body.error, error_description: body.errorDescription },
            })
            .catch(() => undefined),
        INDEE_DESC,
      )
      noteCode(request, 'provider_error')
      return reply.code(204).send()
    }

    const tokens = await timer.timeAsync(
      'indee',
      () => ctx.indee.login({ ...body, error: false, errorDescription: {} }),
      INDEE_DESC,
    )
    timer.relay(tokens.serverTiming, 'indee-')
    const verified = await timer.timeAsync('verify', () =>
      inSpan(ctx.tracer, 'verify session token', () => ctx.verify(tokens.token)),
    )
    if (verified === undefined) {
      throw new BffError('backend_unavailable', 'sso/login answered a token that does not verify')
    }
    const { id, record } = await timer.timeAsync('session', () =>
      inSpan(ctx.tracer, 'session write', async () => {
        // A new id at every sign-in (session fixation): any session this browser had ends first.
        await ctx.sessions.end(request.cookies[cookies.session], (error) => {
          request.log.warn({ err: error }, 'indee logout failed')
        })
        return ctx.sessions.create(tokens, verified).catch(async (error: unknown) => {
          // The store failed (Redis down): Indee's new session would have no owner, so it ends too.
          await ctx.indee.logout(tokens.refreshToken).catch((logoutError: unknown) => {
            request.log.warn({ err: logoutError }, 'indee logout failed')
          })
          throw error
        })
      }),
    )
    reply.setCookie(cookies.session, id, attributes)
    noteEmail(request, record.email)
    request.log.debug({ timings: timer.durations() }, 'sign-in exchange')
    return ctx.sessions.viewOf(record)
  })

  app.get(path('session'), async (request, reply) => {
    const resolved = await ctx.sessions.resolve(
      request.cookies[cookies.session],
      sessionObserver(ctx, request),
    )
    if (!resolved.ok) {
      if (resolved.reason === 'session_expired') clearSession(reply)
      return sendError(reply, resolved.reason)
    }
    return ctx.sessions.viewOf(resolved.record)
  })

  app.post(path('signOut'), async (request, reply) => {
    const ended = await ctx.sessions.end(request.cookies[cookies.session], (error) => {
      request.log.warn({ err: error }, 'indee logout failed after retry')
    })
    ctx.metrics.signOuts.inc({ had: ended === undefined ? 'none' : 'session' })
    if (ended !== undefined) ctx.audit.record(request, { event: 'sign_out' }, ended.email)
    clearSession(reply)
    return reply.code(204).send()
  })
}

/** The live session of this request, or a 401 that also clears an ended session's cookie. */
export async function requireSession(
  ctx: RouteContext,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const resolved = await ctx.sessions.resolve(
    request.cookies[ctx.cookies.session],
    sessionObserver(ctx, request),
  )
  if (resolved.ok) {
    noteEmail(request, resolved.record.email)
    return resolved.record
  }
  if (resolved.reason === 'session_expired') {
    reply.clearCookie(ctx.cookies.session, cookieOptions(ctx.secureCookies))
  }
  // Stryker disable next-line StringLiteral: the message of a 401 is neither answered nor logged
  throw new BffError(resolved.reason, 'no live session')
}

/** The metrics and audit events of a session's expiry and refresh, for `request`. */
function sessionObserver(ctx: RouteContext, request: FastifyRequest): SessionObserver {
  return {
    expired(reason, record) {
      ctx.metrics.sessionsExpired.inc({ reason })
      ctx.audit.record(request, { event: 'session_expired', reason }, record.email)
    },
    refreshed(outcome, record, error) {
      ctx.metrics.refreshes.inc({ outcome })
      if (outcome !== 'failed') return
      const reason =
        error instanceof BffError && error.code === 'upstream_timeout' ? 'timeout' : 'unavailable'
      ctx.audit.record(request, { event: 'refresh_failed', reason }, record.email)
    },
  }
}
