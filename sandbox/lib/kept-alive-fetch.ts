// A fetch for the sandbox's own server-to-server calls (the auth backend calling the identity
// provider), over kept-alive node:http connections: a real backend keeps its connections to the
// identity provider open, and Node's fetch costs about three times the CPU per call. Plain http
// only (the sandbox is loopback); it rejects as fetch does on a network error or the timeout.
import http from 'node:http'

const agent = new http.Agent({ keepAlive: true })

export interface KeptAliveInit {
  readonly method?: 'GET' | 'POST'
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  readonly timeoutMs: number
}

export function keptAliveFetch(url: string, init: KeptAliveInit): Promise<Response> {
  return send(url, init, 0)
}

function send(url: string, init: KeptAliveInit, resent: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const body = init.body === undefined ? undefined : Buffer.from(init.body, 'utf8')
    const outgoing = http.request(url, {
      method: init.method ?? 'GET',
      agent,
      headers: {
        ...init.headers,
        ...(body !== undefined && { 'content-length': String(body.length) }),
      },
      timeout: init.timeoutMs,
    })
    outgoing.on('timeout', () => {
      outgoing.destroy(new Error(`no answer from ${url} within ${init.timeoutMs} ms`))
    })
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      // The identity provider closed this kept-alive connection while it was idle: the request
      // was reset unread (Node's `request.reusedSocket`), so it goes again on another, once.
      if (outgoing.reusedSocket && error.code === 'ECONNRESET' && resent === 0) {
        send(url, init, resent + 1).then(resolve, reject)
      } else {
        reject(error)
      }
    })
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = []
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
      incoming.on('error', reject)
      incoming.on('end', () => {
        const headers = new Headers()
        for (const [name, value] of Object.entries(incoming.headers)) {
          for (const item of Array.isArray(value) ? value : [value ?? '']) headers.append(name, item)
        }
        const status = incoming.statusCode ?? 500
        // A Response cannot carry a body for these statuses.
        const empty = status === 204 || status === 304
        resolve(new Response(empty ? null : Buffer.concat(chunks), { status, headers }))
      })
    })
    outgoing.end(body)
  })
}

/** The sandbox's server-to-server calls go through this object, so a test can wrap them. */
export const outbound = { fetch: keptAliveFetch }
