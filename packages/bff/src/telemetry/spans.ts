// A span around one step of a request (the token's verification, the session write), when
// tracing is on; the step alone when it is off. Spans carry names only: no exception text, which
// could quote a value.
import { SpanStatusCode, type Tracer } from '@opentelemetry/api'

export function inSpan<T>(
  tracer: Tracer | undefined,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  if (tracer === undefined) return work()
  return tracer.startActiveSpan(name, async (span) => {
    try {
      return await work()
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR })
      throw error
    } finally {
      span.end()
    }
  })
}
