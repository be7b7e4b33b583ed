#!/usr/bin/env node
// The BFF's entry point: the command `sso-bridge-bff` where the package is installed
// (`node packages/bff/dist/bff/src/main.js` in this repository). Reads the environment (a bad
// value stops it with a message naming the variable), logs each insecure setting that
// SSO_BFF_ALLOW_INSECURE let through and the partners it serves, listens, and
// closes gracefully on SIGTERM and SIGINT: no new connections, requests in flight finish, then
// the session store closes, then the metrics listener and the traces still buffered. The session
// store is the one SSO_SESSION_STORE names; buildBff makes it, so its connection warnings go
// through the BFF's logger. A Redis that is down does not hold up the start: the BFF listens and
// /readyz answers 503 until it is back. Metrics (SSO_BFF_METRICS_PORT) listen on their own port;
// traces are on when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT).
import { buildBff } from './app.ts'
import { readConfig, sessionStoreLabel } from './config.ts'
import { packageVersion } from './package-version.ts'
import { createMetrics } from './telemetry/metrics.ts'
import { startMetricsListener, type MetricsListener } from './telemetry/metrics-listener.ts'
import { startTracing, tracingConfigured } from './telemetry/tracing.ts'

const result = readConfig(process.env)
if (!result.ok) {
  console.error(
    ['sso-bridge BFF: the configuration is not valid:', ...result.problems.map((p) => `  ${p}`)]
      .concat('See docs/deployment.md for every variable.')
      .join('\n'),
  )
  process.exit(2)
}

const { config } = result
const version = packageVersion()
const metrics = createMetrics({ version })
const tracing = tracingConfigured(process.env)
  ? startTracing({ serviceName: process.env['OTEL_SERVICE_NAME'] ?? 'sso-bridge-bff', version })
  : undefined
const app = await buildBff({ config, metrics, ...(tracing !== undefined && { tracing }) })
for (const warning of result.warnings) app.log.warn(warning)

/** Stops the process when a listener cannot start, naming the variable that moves it. */
function listenFailed(error: unknown, port: number, variable: string): never {
  const code = (error as { code?: string }).code
  console.error(
    code === 'EADDRINUSE'
      ? `sso-bridge BFF: port ${port} is taken: set ${variable}`
      : `sso-bridge BFF: could not listen on port ${port}: ${String(error)}`,
  )
  process.exit(1)
}

try {
  await app.listen({ host: config.host, port: config.port })
} catch (error) {
  listenFailed(
    error,
    config.port,
    "SSO_BFF_PORT (under npm start, SSO_PORT_BFF, which moves the app's proxy too)",
  )
}
let metricsListener: MetricsListener | undefined
if (config.metrics !== undefined) {
  try {
    metricsListener = await startMetricsListener(metrics, config.metrics)
  } catch (error) {
    listenFailed(error, config.metrics.port, 'SSO_BFF_METRICS_PORT')
  }
  app.log.info({ host: config.metrics.host, port: metricsListener.port }, 'metrics listening')
}
app.log.info({ version, sessionStore: sessionStoreLabel(config.sessionStore) }, 'session store')
app.log.info({ partners: Object.keys(config.partners) }, 'partners configured')
if (tracing !== undefined) app.log.info('traces go to the configured OTLP endpoint')

let closing = false
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'closing')
    app
      .close()
      .then(() => metricsListener?.close())
      // The spans still buffered go out before the process ends.
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      )
  })
}
