// Forwarding one request to a fixed upstream: only the headers the route names go out, only
// status, Content-Type (and, where the route allows it, Set-Cookie) come back, redirects are
// never followed.
import type http from 'node:http'

export interface UpstreamRequest {
  readonly url: string
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
}

/** An upstream's answer, read in full. */
export interface UpstreamAnswer {
  readonly status: number
  readonly contentType: string | null
  readonly setCookie: readonly string[]
  readonly body: Buffer
}

export interface RelayOptions {
  /** Pass the upstream's Set-Cookie to the browser (the auth backend's transaction cookie). */
  readonly setCookie: boolean
}

/** The named request headers that are present (names in lower case). */
export function pickHeaders(
  req: http.IncomingMessage,
  names: readonly string[],
): Record<string, string> {
  const picked: Record<string, string> = {}
  for (const name of names) {
    const value = req.headers[name]
    if (typeof value === 'string') picked[name] = value
  }
  return picked
}

/**
 * Sends `upstream` and reads the whole answer; undefined when the upstream cannot be reached or
 * `signal` aborted the call. The body goes out as bytes, so fetch adds no Content-Type of its
 * own: the upstream sees exactly the headers the route chose.
 */
export async function callUpstream(
  upstream: UpstreamRequest,
  signal?: AbortSignal,
): Promise<UpstreamAnswer | undefined> {
  try {
    const response = await fetch(upstream.url, {
      method: upstream.method,
      headers: upstream.headers,
      ...(upstream.body !== undefined && { body: Buffer.from(upstream.body, 'utf8') }),
      redirect: 'manual',
      ...(signal !== undefined && { signal }),
    })
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      setCookie: response.headers.getSetCookie(),
      body: Buffer.from(await response.arrayBuffer()),
    }
  } catch {
    return undefined
  }
}

/** Writes an upstream's answer to the browser: status, Content-Type and body, nothing else. */
export function relayAnswer(
  res: http.ServerResponse,
  answer: UpstreamAnswer,
  options: RelayOptions,
): void {
  const headers: http.OutgoingHttpHeaders = {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  }
  if (answer.contentType !== null) headers['content-type'] = answer.contentType
  if (options.setCookie && answer.setCookie.length > 0)
    headers['set-cookie'] = [...answer.setCookie]
  res.writeHead(answer.status, headers)
  res.end(answer.body)
}

/**
 * Sends `upstream` and relays the answer to `res`. When the upstream cannot be reached,
 * `onUnreachable` answers instead. The upstream call is aborted if the browser goes away.
 * Resolves to the relayed answer (undefined when none was).
 */
export async function forwardToUpstream(
  res: http.ServerResponse,
  upstream: UpstreamRequest,
  onUnreachable: () => void,
  options: RelayOptions = { setCookie: true },
): Promise<UpstreamAnswer | undefined> {
  const gone = new AbortController()
  const onClose = () => {
    if (!res.writableFinished) gone.abort()
  }
  res.once('close', onClose)
  let answer: UpstreamAnswer | undefined
  try {
    answer = await callUpstream(upstream, gone.signal)
  } finally {
    res.off('close', onClose)
  }
  if (gone.signal.aborted) return undefined
  if (answer === undefined) {
    onUnreachable()
    return undefined
  }
  relayAnswer(res, answer, options)
  return answer
}
