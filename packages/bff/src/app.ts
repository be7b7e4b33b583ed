// Builds the BFF (Fastify): the request guard, the cookie and rate-limit plugins, the routes,
// and one error handler that answers every failure in the BFF's own error shape.
import { hkdfSync, randomBytes, randomUUID } from 'node:crypto'
import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify'
import type { JWTVerifyGetKey } from 'jose'
import { secureCookies, type BffConfig } from './config.ts'
import { BffError, errorBody, SESSION_STORE_UNAVAILABLE, sendError } from './errors.ts'
import { loggerOptions } from './logger.ts'
import { registerAuthRoutes } from './routes/auth-routes.ts'
import type { RouteContext } from './routes/context.ts'
import { registerPartnerRoutes } from './routes/partner-routes.ts'
import { requestGuard } from './security/request-guard.ts'
import { serverOptions } from './server-limits.ts'
import { cookieNames } from './session/cookies.ts'
import { createSessionStore } from './session/create-session-store.ts'
import { DEFAULT_LOCK_MS } from './session/redis-session-store.ts'
import { SessionStoreUnavailable, type SessionStore } from './session/session-store.ts'
import { createSessions } from './session/sessions.ts'
import { createSignInBinding } from './session/sign-in-binding.ts'
import { createIndeeClient } from './upstream/indee.ts'
import { createSessionTokenVerifier } from './upstream/session-token.ts'
import { VendorLogins } from './upstream/vendor-logins.ts'
import { createAudit, NO_AUDIT, type Audit } from './telemetry/audit.ts'
import { createMetrics, type BffMetrics } from './telemetry/metrics.ts'
import { noteCode } from './telemetry/request-notes.ts'
import { watchedStore } from './telemetry/store-telemetry.ts'
import type { Tracing } from './telemetry/tracing.ts'
import { upstreamTelemetry } from './telemetry/upstream-telemetry.ts'

/** Request bodies larger than this get 413. */
export const BODY_LIMIT_BYTES = 16 * 1024

const HEALTH_PATHS = ['/healthz', '/readyz']

export interface BuildOptions {
  readonly config: BffConfig
  /** The session store (tests); else the one `config.sessionStore` names. The BFF closes it. */
  readonly store?: SessionStore
  readonly now?: () => number
  /** Keys that verify the session token, instead of fetching the JWKS (tests). */
  readonly tokenKeys?: JWTVerifyGetKey
  /** Logs (default: the config's level to stdout); tests pass false. */
  readonly logger?: boolean
  /** Where log lines go instead of stdout (tests read them). */
  readonly logStream?: { write(line: string): void }
  /** The metrics to record in (main.ts serves them); else a registry of this BFF's own. */
  readonly metrics?: BffMetrics
  /** Traces (telemetry/tracing.ts), when configured; none by default. */
  readonly tracing?: Tracing
}

/**
 * The audit subject's key: the configured one, else one derived from the current sign-in key
 * (RFC 5869 HKDF, its own `info`, so neither key tells anything of the other), else random.
 */
function auditKeyOf(config: BffConfig): string | Buffer {
  if (config.audit.key !== undefined) return config.audit.key
  const [current] = config.signInKeys ?? []
  if (current === undefined) return randomBytes(32)
  return Buffer.from(hkdfSync('sha256', current, '', 'sso-bridge audit subject', 32))
}

export async function buildBff(options: BuildOptions): Promise<FastifyInstance> {
  const { config } = options
  const now = options.now ?? Date.now
  const secure = secureCookies(config)
  const app: FastifyInstance = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            ...loggerOptions(config.logLevel),
            ...(options.logStream !== undefined && { stream: options.logStream }),
          },
    bodyLimit: BODY_LIMIT_BYTES,
    // Only the listed proxies' X-Forwarded-For is believed (security/trusted-proxies.ts).
    trustProxy: config.trustedProxies.length > 0 ? [...config.trustedProxies] : false,
    ...serverOptions(config.server),
    return503OnClosing: true,
    // The BFF's own id for every request, never one the client chose: in each log line, the
    // audit trail, the request's span and the X-Request-Id answer header.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
  })
  const metrics = options.metrics ?? createMetrics({ processMetrics: false })
  app.server.maxConnections = config.server.maxConnections
  app.server.on('drop', () => metrics.connectionsDropped.inc())
  const watcher = upstreamTelemetry(metrics, options.tracing?.tracer)
  // Before any route, so each request is a span.
  if (options.tracing !== undefined) await app.register(options.tracing.instrumentation.plugin())
  const audit: Audit = config.audit.enabled
    ? createAudit({
        subjectKey: auditKeyOf(config),
        subject: config.audit.subject,
        logger: app.log.child({}, { level: 'info' }),
      })
    : NO_AUDIT
  const store = watchedStore(
    options.store ??
      createSessionStore(config.sessionStore, {
        now,
        // A refresh holds the lock for an Indee call and a JWKS fetch, each up to the timeout.
        lockMs: Math.max(DEFAULT_LOCK_MS, 2 * config.upstreamTimeoutMs + 5_000),
        onLog: (level, message) =>
          app.log[level]({ sessionStore: config.sessionStore.kind }, message),
        onUnreplicatedWrite: () => metrics.storeUnreplicatedWrites.inc(),
      }),
    metrics,
  )
  metrics.beforeScrape(async () => {
    metrics.storeUp.set(
      await store.ping().then(
        () => 1,
        () => 0,
      ),
    )
  })

  const indee = createIndeeClient({
    url: config.indee.url,
    apiKey: config.indee.apiKey,
    timeoutMs: config.upstreamTimeoutMs,
    watcher,
  })
  const verify = createSessionTokenVerifier({
    issuer: config.indee.tokenIssuer,
    audience: config.indee.tokenAudience,
    jwksUrl: config.indee.jwksUrl,
    timeoutMs: config.upstreamTimeoutMs,
    watcher,
    now,
    ...(options.tokenKeys !== undefined && { keys: options.tokenKeys }),
  })
  const ctx: RouteContext = {
    config,
    now,
    secureCookies: secure,
    cookies: cookieNames(secure),
    sessions: createSessions({
      store,
      indee,
      verify,
      now,
      idleMs: config.session.idleMs,
      maxMs: config.session.maxMs,
    }),
    signIns: createSignInBinding(config.signInKeys),
    indee,
    verify,
    logins: new VendorLogins(now),
    watcher,
    metrics,
    audit,
    tracer: options.tracing?.tracer,
  }

  app.addHook(
    'onRequest',
    requestGuard({
      appOrigins: config.appOrigins,
      allowedHosts: config.allowedHosts,
      anyHostPaths: HEALTH_PATHS,
    }),
  )
  if (options.tracing !== undefined) {
    app.addHook('onRequest', (request, _reply, done) => {
      request.opentelemetry().span?.setAttribute('sso_bridge.request_id', request.id)
      done()
    })
  }
  app.addHook('onSend', async (request, reply) => {
    reply.header('cache-control', 'no-store')
    reply.header('x-content-type-options', 'nosniff')
    reply.header('x-request-id', request.id)
    // No answer of the BFF is a page, yet each is served on the app's origin: nothing in one may
    // run, load or be framed (OWASP REST Security Cheat Sheet, "Security headers"), and no other
    // site may load one as a script or image (Fetch, "Cross-Origin-Resource-Policy header").
    reply.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'")
    reply.header('cross-origin-resource-policy', 'same-origin')
  })
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, never the path as sent: a label of a closed set.
    const route = request.routeOptions.url ?? 'unmatched'
    metrics.httpAnswered(route, request.method, reply.statusCode, reply.elapsedTime / 1000)
  })
  await app.register(cookie)
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => ({ statusCode: 429, ...errorBody('rate_limited') }),
    onExceeded: (request) => {
      const route = request.routeOptions.url ?? 'unmatched'
      noteCode(request, 'rate_limited')
      metrics.rateLimited.inc({ route })
      audit.record(request, { event: 'rate_limited', route })
    },
  })

  app.setErrorHandler((error: FastifyError | BffError, request, reply) => {
    if (error instanceof SessionStoreUnavailable) {
      const { code, status } = SESSION_STORE_UNAVAILABLE
      request.log.warn({ code, reason: error.message }, 'session store unavailable')
      return sendError(reply, code, undefined, status)
    }
    if (error instanceof BffError) {
      if (
        error.code === 'internal' ||
        error.code.endsWith('unavailable') ||
        error.code === 'upstream_timeout'
      ) {
        request.log.warn({ code: error.code, reason: error.message }, 'upstream failure')
      }
      return sendError(reply, error.code, error.detail)
    }
    const status = error.statusCode ?? 500
    if (status === 413) return sendError(reply, 'payload_too_large')
    if (status === 429) return sendError(reply, 'rate_limited')
    if (status >= 400 && status < 500) return sendError(reply, 'invalid_request')
    request.log.error({ err: error }, 'unexpected error')
    return sendError(reply, 'internal')
  })
  app.setNotFoundHandler((_request, reply) => sendError(reply, 'not_found'))

  app.get('/healthz', () => ({ status: 'ok' }))
  app.get('/readyz', async (_request, reply) => {
    try {
      await store.ping()
      return { status: 'ready', sessionStore: store.kind }
    } catch {
      return reply.code(503).send({ status: 'unavailable', sessionStore: store.kind })
    }
  })
  registerAuthRoutes(app, ctx)
  registerPartnerRoutes(app, ctx)
  app.addHook('onClose', () => store.close())
  return app
}
