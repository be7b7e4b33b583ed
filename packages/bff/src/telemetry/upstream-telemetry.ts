// What the BFF records of each upstream call: its latency by upstream, operation and status class
// (metrics.ts), and, when tracing is on, a client span whose context goes to the upstream as the
// W3C traceparent header (W3C Trace Context §3), so the upstream's own spans join the trace.
import { context, propagation, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api'
import type { UpstreamResult, UpstreamWatcher } from '../upstream/upstream-call.ts'
import { statusClassOf, type BffMetrics } from './metrics.ts'

function statusOf(result: UpstreamResult): number | 'timeout' | 'error' {
  if (result.ok) return result.answer.status
  return result.reason === 'timeout' ? 'timeout' : 'error'
}

export function upstreamTelemetry(
  metrics: Pick<BffMetrics, 'upstreamDuration'>,
  tracer: Tracer | undefined,
): UpstreamWatcher {
  return {
    async watch(label, send) {
      const started = performance.now()
      const observe = (result: UpstreamResult) => {
        metrics.upstreamDuration.observe(
          { ...label, status_class: statusClassOf(statusOf(result)) },
          (performance.now() - started) / 1000,
        )
        return result
      }
      if (tracer === undefined) return observe(await send({}))
      return tracer.startActiveSpan(
        `${label.upstream} ${label.operation}`,
        {
          kind: SpanKind.CLIENT,
          attributes: { 'peer.service': label.upstream, 'sso_bridge.operation': label.operation },
        },
        async (span) => {
          const headers: Record<string, string> = {}
          propagation.inject(context.active(), headers)
          try {
            const result = observe(await send(headers))
            const status = statusOf(result)
            if (typeof status === 'number') span.setAttribute('http.response.status_code', status)
            else span.setStatus({ code: SpanStatusCode.ERROR, message: status })
            return result
          } finally {
            span.end()
          }
        },
      )
    },
  }
}
