// Every backend call goes through here (docs/architecture.md §3 "Every backend call"): one
// AbortController timeout, no automatic retry, and transport failures turned into coded errors.
// Status codes and bodies are left to the caller's provider adapter, which owns its vendor's error
// table.
import { isSsoError, SsoError, type SsoErrorCode } from './errors.ts'
import { parseJsonText } from './json.ts'

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>

export interface HttpRequest {
  readonly fetch: FetchLike
  readonly url: string
  readonly method?: 'POST' | 'GET'
  readonly headers?: Readonly<Record<string, string>>
  /** Sent as is; JSON callers pass JSON.stringify(...) with a JSON content type. */
  readonly body?: string
  readonly timeoutMs: number
  /** Code for a network failure (no answer at all): backend_unavailable or handoff_unavailable. */
  readonly unavailableCode: Extract<SsoErrorCode, 'backend_unavailable' | 'handoff_unavailable'>
  /** The clock of {@link HttpResponse.at} (default `Date.now`). */
  readonly now?: () => number
}

export interface HttpResponse {
  readonly status: number
  readonly contentType: string
  readonly text: string
  /** The BFF's id of this request (`X-Request-Id`), when the answer has one. */
  readonly requestId?: string
  /** When the answer came, in ms since the epoch. */
  readonly at?: number
}

/** A request id as the BFF writes it (a UUID); anything else is not kept. */
const REQUEST_ID = /^[\w-]{1,64}$/

/** The BFF's request id of `response`, when it has a plausible one. */
export function requestIdOf(response: Response): string | undefined {
  const id = response.headers.get('x-request-id')
  return id !== null && REQUEST_ID.test(id) ? id : undefined
}

/**
 * Sends one request with a timeout; throws SsoError `timeout` or `unavailableCode`, carrying the
 * time it gave up.
 */
export async function sendRequest(request: HttpRequest): Promise<HttpResponse> {
  const now = request.now ?? Date.now
  const controller = new AbortController()
  const timer = setTimeout(() => {
    controller.abort()
  }, request.timeoutMs)
  try {
    const response = await request.fetch(request.url, {
      method: request.method ?? 'POST',
      headers: request.headers ?? {},
      ...(request.body !== undefined && { body: request.body }),
      signal: controller.signal,
      credentials: 'same-origin',
      cache: 'no-store',
      redirect: 'error',
    })
    const text = await response.text()
    const requestId = requestIdOf(response)
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text,
      ...(requestId !== undefined && { requestId }),
      at: now(),
    }
  } catch (error) {
    // A coded error from a wrapping fetch (the BFF saying the session is over) stays as it is.
    if (isSsoError(error)) throw error
    if (controller.signal.aborted) {
      throw new SsoError(
        'timeout',
        `no answer from ${request.url} within ${request.timeoutMs} ms`,
        { cause: error, at: now() },
      )
    }
    throw new SsoError(request.unavailableCode, `request to ${request.url} failed`, {
      cause: error,
      at: now(),
    })
  } finally {
    clearTimeout(timer)
  }
}

/** Parses a response body as JSON; undefined when it is not JSON (callers then map the status). */
export function parseJsonBody(response: HttpResponse): unknown {
  return parseJsonText(response.text)
}
