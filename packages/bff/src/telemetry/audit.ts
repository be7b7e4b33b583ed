// The audit trail: one structured event per security-relevant act (docs/operations.md "Audit
// trail" has the schema). Events are log lines of the BFF's logger at level info, whatever
// SSO_BFF_LOG_LEVEL says, each with the request id its log lines and its trace carry. The person
// is a keyed hash of their email (stable across instances that share the key), never the email
// itself unless SSO_BFF_AUDIT_SUBJECT=email; no event carries a token, a code, a cookie or a secret.
import { createHmac } from 'node:crypto'
import { trace } from '@opentelemetry/api'
import type { FastifyBaseLogger, FastifyRequest } from 'fastify'

/** Enough of a User-Agent to tell browsers apart; the rest is dropped. */
export const USER_AGENT_MAX = 200

export type AuditEvent =
  | { readonly event: 'sign_in'; readonly outcome: 'succeeded' }
  | { readonly event: 'sign_in'; readonly outcome: 'failed'; readonly code: string }
  | { readonly event: 'sign_out' }
  | {
      readonly event: 'session_expired'
      readonly reason: 'idle' | 'absolute' | 'refresh_refused'
    }
  | { readonly event: 'refresh_failed'; readonly reason: 'timeout' | 'unavailable' }
  | { readonly event: 'handoff'; readonly partner: string; readonly outcome: string }
  | { readonly event: 'rate_limited'; readonly route: string }

export interface AuditOptions {
  /** Key of the subject's keyed hash. */
  readonly subjectKey: string | Buffer
  /** `pseudonym` (default): a keyed hash of the email; `email`: the email as it is. */
  readonly subject: 'pseudonym' | 'email'
  /** Where events go: a logger whose level lets info through. */
  readonly logger: FastifyBaseLogger
}

export interface Audit {
  /** Records `event` for `request`; `email` names the person when known. */
  record(request: FastifyRequest, event: AuditEvent, email?: string): void
}

/** An audit trail that records nothing (SSO_BFF_AUDIT=false). */
export const NO_AUDIT: Audit = { record: () => undefined }

export function createAudit(options: AuditOptions): Audit {
  const subjectOf = (email: string) => {
    const normal = email.trim().toLowerCase()
    if (options.subject === 'email') return normal
    return `ps_${createHmac('sha256', options.subjectKey).update(normal).digest('base64url').slice(0, 22)}`
  }
  return {
    record(request, event, email) {
      const userAgent = request.headers['user-agent']
      const span = trace.getActiveSpan()?.spanContext()
      const { event: name, ...fields } = event
      options.logger.info(
        {
          audit: name,
          ...fields,
          ...(email !== undefined && { subject: subjectOf(email) }),
          client: request.ip,
          ...(typeof userAgent === 'string' && { userAgent: userAgent.slice(0, USER_AGENT_MAX) }),
          requestId: request.id,
          ...(span !== undefined && trace.isSpanContextValid(span) && { traceId: span.traceId }),
        },
        `audit ${name}`,
      )
    },
  }
}
