// One call to an upstream (Indee or a vendor): its own timeout, shorter than the app's, a cap on
// how much of the answer is read, and redirects never followed. Only the headers the caller
// names go out (Host, Content-Length and Connection are added by Node).
import http from 'node:http'
import https from 'node:https'

/** Upstream answers are read up to this many bytes; a longer one counts as a failure. */
export const MAX_UPSTREAM_BODY_BYTES = 256 * 1024

export interface UpstreamRequest {
  readonly url: string
  readonly method?: 'POST' | 'GET'
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
}

export interface UpstreamAnswer {
  readonly status: number
  readonly contentType: string | undefined
  readonly body: Buffer
  /**
   * The answer's Server-Timing header, as sent (absent when it sent none); read by the Indee
   * client for sso/login only, never passed to the browser as is.
   */
  readonly serverTiming?: string
}

export type UpstreamResult =
  | { readonly ok: true; readonly answer: UpstreamAnswer }
  | { readonly ok: false; readonly reason: 'timeout' | 'unreachable' | 'too_large' }

/** Which upstream a call goes to and why, for metrics and traces: values from closed sets only. */
export interface UpstreamLabel {
  /** `indee`, or a partner's name. */
  readonly upstream: string
  /** What the call does there, e.g. `sso/login`, `login`, `handoff`. */
  readonly operation: string
}

/**
 * Watches every upstream call (telemetry/upstream-telemetry.ts: latency, a client span); `send`
 * makes the call with the headers the watcher adds (the W3C traceparent).
 */
export interface UpstreamWatcher {
  watch(
    label: UpstreamLabel,
    send: (headers: Readonly<Record<string, string>>) => Promise<UpstreamResult>,
  ): Promise<UpstreamResult>
}

/** No metrics, no traces: unit tests of one module. */
export const UNWATCHED: UpstreamWatcher = { watch: (_label, send) => send({}) }

/** {@link callUpstream} under `watcher`'s eyes. */
export function watchedCall(
  watcher: UpstreamWatcher,
  label: UpstreamLabel,
  request: UpstreamRequest,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<UpstreamResult> {
  return watcher.watch(label, (headers) =>
    callUpstream({ ...request, headers: { ...request.headers, ...headers } }, timeoutMs, signal),
  )
}

/**
 * Kept-alive connections to every upstream: one agent per scheme, which pools connections per
 * host and port. Node's own fetch keeps connections too, at about three times the CPU per call.
 */
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
} as const

/** Sends `request`; never throws. `signal` (the browser going away) aborts it too. */
export function callUpstream(
  request: UpstreamRequest,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<UpstreamResult> {
  return new Promise((resolve) => {
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      resolve({ ok: false, reason: 'unreachable' })
      return
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      resolve({ ok: false, reason: 'unreachable' })
      return
    }
    const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8')
    const transport = url.protocol === 'https:' ? https : http
    let outgoing: http.ClientRequest
    let settled = false
    const settle = (result: UpstreamResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      if (!result.ok) outgoing.destroy()
      resolve(result)
    }
    const timer = setTimeout(() => {
      settle({ ok: false, reason: 'timeout' })
    }, timeoutMs)
    const onAbort = () => {
      settle({ ok: false, reason: 'unreachable' })
    }
    send(0)
    if (signal?.aborted === true) onAbort()
    signal?.addEventListener('abort', onAbort)

    /**
     * Sends the request on a pooled connection. An upstream closes a connection it kept alive
     * once it has been idle a while; a request written to it just then is reset before the
     * upstream read it (Node's documentation of `request.reusedSocket`), so that one, and only
     * that one, is sent again, within the same timeout.
     */
    function send(resent: number): void {
      outgoing = transport.request(url, {
        method: request.method ?? 'POST',
        agent: AGENTS[url.protocol as keyof typeof AGENTS],
        headers: {
          ...request.headers,
          ...(body !== undefined && { 'content-length': String(body.length) }),
        },
      })
      const sent = outgoing
      sent.on('error', (error: NodeJS.ErrnoException) => {
        const closedWhileIdle = sent.reusedSocket && error.code === 'ECONNRESET'
        if (closedWhileIdle && resent < MAX_RESENDS && !settled) send(resent + 1)
        else onAbort()
      })
      // A redirect is an answer like any other: nothing here follows it.
      sent.on('response', (incoming) => readAnswer(incoming, settle, onAbort))
      sent.end(body)
    }
  })
}

/** How often a request reset on a kept-alive connection is sent again (the pool may hold more). */
const MAX_RESENDS = 2

/** Reads an answer up to MAX_UPSTREAM_BODY_BYTES and settles the call with it. */
function readAnswer(
  incoming: http.IncomingMessage,
  settle: (result: UpstreamResult) => void,
  onAbort: () => void,
): void {
  const chunks: Buffer[] = []
  let size = 0
  incoming.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size > MAX_UPSTREAM_BODY_BYTES) settle({ ok: false, reason: 'too_large' })
    else chunks.push(chunk)
  })
  incoming.on('error', onAbort)
  incoming.on('end', () => {
    // Several Server-Timing headers read as one list, as the header allows.
    const timing = incoming.headers['server-timing']
    const serverTiming = Array.isArray(timing) ? timing.join(', ') : timing
    settle({
      ok: true,
      answer: {
        status: incoming.statusCode ?? 0,
        contentType: incoming.headers['content-type'],
        body: Buffer.concat(chunks),
        ...(serverTiming !== undefined && { serverTiming }),
      },
    })
  })
}

/** The answer's body as JSON; undefined when it is not JSON. */
export function jsonOf(answer: UpstreamAnswer): unknown {
  try {
    return JSON.parse(answer.body.toString('utf8')) as unknown
  } catch {
    return undefined
  }
}
