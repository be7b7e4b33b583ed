// How long a client may take and how many connections it may hold. Fastify's defaults wait for a
// request's body forever and take any number of sockets, so a client that sends one byte now and
// then keeps a connection, and enough of them use up the process's file descriptors.
// Node's docs (http, server.requestTimeout): a timeout guards against denial of service when no
// reverse proxy stands in front, as happens when an instance is reached directly.
import type { ServerOptions } from 'node:http'

export interface ServerLimits {
  /** Receiving a whole request, headers and body (Node answers 408 and closes after it). */
  readonly requestTimeoutMs: number
  /** Receiving a request's headers, counted from the connection or the request's first byte. */
  readonly headersTimeoutMs: number
  /** An idle kept-alive connection between requests; above the proxy's own, so it closes first. */
  readonly keepAliveTimeoutMs: number
  /** A socket with no traffic at all while a request is under way (a slow reader, say). */
  readonly connectionTimeoutMs: number
  /** Open connections at once; the next one is closed as soon as it is accepted. */
  readonly maxConnections: number
}

/**
 * How often Node checks the request and headers deadlines: it checks on a timer (every 30 s by
 * default), so a deadline is late by up to one interval. A tenth of the shorter one keeps it late
 * by 10 % at most.
 */
export function connectionsCheckingInterval(limits: ServerLimits): number {
  return Math.max(10, Math.floor(Math.min(limits.requestTimeoutMs, limits.headersTimeoutMs) / 10))
}

/** The Fastify options for `limits` (maxConnections is the server's, set in app.ts). */
export function serverOptions(limits: ServerLimits) {
  const http: ServerOptions = {
    requestTimeout: limits.requestTimeoutMs,
    headersTimeout: limits.headersTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: connectionsCheckingInterval(limits),
  }
  return {
    // Fastify sets these three on its server after creating it; the rest only Node's options set.
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionTimeout: limits.connectionTimeoutMs,
    http,
  }
}
