// Forwarding one request to a fixed upstream: only the headers the route names go out, only
// status, Content-Type and Set-Cookie come back, redirects are never followed.
import type http from 'node:http'

export interface UpstreamRequest {
  readonly url: string
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
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
 * Sends `upstream` and relays the answer to `res`. When the upstream cannot be reached,
 * `onUnreachable` answers instead. The upstream call is aborted if the browser goes away.
 */
export async function forwardToUpstream(
  res: http.ServerResponse,
  upstream: UpstreamRequest,
  onUnreachable: () => void,
): Promise<void> {
  const gone = new AbortController()
  const onClose = () => {
    if (!res.writableFinished) gone.abort()
  }
  res.once('close', onClose)
  let response: Response
  let body: Buffer
  try {
    response = await fetch(upstream.url, {
      method: upstream.method,
      headers: upstream.headers,
      ...(upstream.body !== undefined && { body: upstream.body }),
      redirect: 'manual',
      signal: gone.signal,
    })
    body = Buffer.from(await response.arrayBuffer())
  } catch {
    if (!gone.signal.aborted) onUnreachable()
    return
  } finally {
    res.off('close', onClose)
  }
  const headers: http.OutgoingHttpHeaders = {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  }
  const contentType = response.headers.get('content-type')
  if (contentType !== null) headers['content-type'] = contentType
  const setCookie = response.headers.getSetCookie()
  if (setCookie.length > 0) headers['set-cookie'] = setCookie
  res.writeHead(response.status, headers)
  res.end(body)
}
