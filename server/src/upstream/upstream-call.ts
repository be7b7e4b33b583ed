// One call to an upstream (Indee or a vendor): its own timeout, shorter than the app's, a cap on
// how much of the answer is read, and redirects never followed. Only the headers the caller
// names go out.

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

async function readCapped(response: Response): Promise<Buffer | undefined> {
  if (response.body === null) return Buffer.alloc(0)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength
    if (size > MAX_UPSTREAM_BODY_BYTES) {
      await response.body.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(Buffer.from(chunk))
  }
  return Buffer.concat(chunks)
}

/** Sends `request`; never throws. `signal` (the browser going away) aborts it too. */
export async function callUpstream(
  request: UpstreamRequest,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<UpstreamResult> {
  const timeout = AbortSignal.timeout(timeoutMs)
  const combined = signal === undefined ? timeout : AbortSignal.any([timeout, signal])
  try {
    const response = await fetch(request.url, {
      method: request.method ?? 'POST',
      headers: request.headers,
      // As bytes, so fetch adds no Content-Type of its own.
      ...(request.body !== undefined && { body: Buffer.from(request.body, 'utf8') }),
      redirect: 'manual',
      signal: combined,
    })
    const body = await readCapped(response)
    if (body === undefined) return { ok: false, reason: 'too_large' }
    const serverTiming = response.headers.get('server-timing')
    return {
      ok: true,
      answer: {
        status: response.status,
        contentType: response.headers.get('content-type') ?? undefined,
        body,
        ...(serverTiming !== null && { serverTiming }),
      },
    }
  } catch {
    return { ok: false, reason: timeout.aborted ? 'timeout' : 'unreachable' }
  }
}

/** The answer's body as JSON; undefined when it is not JSON. */
export function jsonOf(answer: UpstreamAnswer): unknown {
  try {
    return JSON.parse(answer.body.toString('utf8')) as unknown
  } catch {
    return undefined
  }
}
