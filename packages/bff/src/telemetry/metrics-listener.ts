// The metrics' own listener: GET /metrics in the Prometheus text format, on its own port, so the
// public listener (behind nginx, reachable by anyone) never serves them. Bind it to an address
// only the scraper reaches (default 127.0.0.1).
import { createServer, type Server } from 'node:http'
import type { BffMetrics } from './metrics.ts'

export interface MetricsListener {
  /** The port it listens on (useful with port 0). */
  readonly port: number
  close(): Promise<void>
}

export async function startMetricsListener(
  metrics: Pick<BffMetrics, 'scrape' | 'registry'>,
  address: { readonly host: string; readonly port: number },
): Promise<MetricsListener> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0]
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
      return
    }
    metrics.scrape().then(
      (text) => {
        response
          .writeHead(200, {
            'content-type': metrics.registry.contentType,
            'cache-control': 'no-store',
          })
          .end(request.method === 'HEAD' ? undefined : text)
      },
      () => {
        response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n')
      },
    )
  })
  // A scraper that holds a connection open does not keep the BFF from closing.
  server.keepAliveTimeout = 5_000
  server.requestTimeout = 10_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(address.port, address.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const bound = server.address()
  return {
    port: typeof bound === 'object' && bound !== null ? bound.port : address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
