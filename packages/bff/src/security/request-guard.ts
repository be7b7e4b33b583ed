// Requests the BFF refuses before reading a byte of their body: a Host it does not serve (DNS
// rebinding), and any state-changing request that a page on another origin could have sent
// with the person's cookie (CSRF): not JSON, a foreign Origin, or a cross-site Sec-Fetch-Site.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { sendError } from '../errors.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Exact comparison: `https://a.example.com.evil` or another port is not `https://a.example.com`. */
export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  return allowed.includes(origin)
}

export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

export interface GuardOptions {
  readonly appOrigins: readonly string[]
  readonly allowedHosts: readonly string[]
  /** Paths answered whatever the Host (load balancer health checks use addresses). */
  readonly anyHostPaths: readonly string[]
}

/** Why the request is refused, or undefined when it may go on. */
export function refusalOf(request: FastifyRequest, options: GuardOptions): string | undefined {
  const path = request.url.split('?')[0] ?? ''
  if (!options.anyHostPaths.includes(path)) {
    const host = (request.headers.host ?? '').toLowerCase()
    if (!options.allowedHosts.includes(host)) return 'host not served'
  }
  if (SAFE_METHODS.has(request.method)) return undefined
  const origin = request.headers.origin
  const fetchSite = request.headers['sec-fetch-site']
  // Fetch standard: browsers send Origin on every POST; Sec-Fetch-Site names the relation.
  if (origin !== undefined && !isAllowedOrigin(origin, options.appOrigins)) return 'foreign origin'
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return `sec-fetch-site ${fetchSite}`
  if (origin === undefined && fetchSite === undefined) return 'no origin'
  // A CORS-simple content type (text/plain, a form) needs no preflight, so only JSON is taken.
  if (mediaTypeOf(request.headers['content-type']) !== 'application/json') return 'not json'
  return undefined
}

export function requestGuard(options: GuardOptions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const refusal = refusalOf(request, options)
    if (refusal === undefined) return
    request.log.warn({ refusal }, 'request refused')
    await sendError(reply, 'forbidden')
  }
}
