// OpenTelemetry traces, off unless an OTLP endpoint is configured with the standard variables
// (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT; the exporter reads the
// others itself, e.g. OTEL_EXPORTER_OTLP_HEADERS). A request to the BFF is a span of the official
// Fastify instrumentation (@fastify/otel); the BFF adds spans for each upstream call, the token's
// verification and the session write, and sends the W3C traceparent to every upstream.
import { FastifyOtelInstrumentation } from '@fastify/otel'
import { trace, type Tracer } from '@opentelemetry/api'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { resourceFromAttributes } from '@opentelemetry/resources'
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node'
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions'

export const TRACER_NAME = 'sso-bridge-bff'

export interface TracingSettings {
  /** The service name on every span (OTEL_SERVICE_NAME, default sso-bridge-bff). */
  readonly serviceName: string
  readonly version: string
}

export interface Tracing {
  readonly tracer: Tracer
  /** The Fastify plugin that makes each request a span; register it before any route. */
  readonly instrumentation: FastifyOtelInstrumentation
  /** Sends the spans still buffered (tests, and before the process exits). */
  flush(): Promise<void>
  shutdown(): Promise<void>
}

/** Whether `env` configures an OTLP endpoint for traces. */
export function tracingConfigured(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env['OTEL_SDK_DISABLED'] === 'true' || env['OTEL_TRACES_EXPORTER'] === 'none') return false
  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? env['OTEL_EXPORTER_OTLP_ENDPOINT']
  return endpoint !== undefined && endpoint !== ''
}

/**
 * Starts tracing for this process: a tracer provider that batches spans to the OTLP/HTTP
 * exporter, registered as the global one (with the async-hooks context manager and the W3C
 * propagator), so the spans of one request nest.
 */
export function startTracing(settings: TracingSettings): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: settings.serviceName,
      [ATTR_SERVICE_VERSION]: settings.version,
    }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  })
  provider.register()
  const instrumentation = new FastifyOtelInstrumentation({ registerOnInitialization: false })
  instrumentation.setTracerProvider(provider)
  return {
    tracer: trace.getTracer(TRACER_NAME, settings.version),
    instrumentation,
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  }
}
