// sso-bridge's own backend-for-frontend, as the app calls it (docs/backend-contract.md): sign-in,
// the session and sign-out under /api. Its answers and error codes are read here and nowhere
// else. The BFF keeps every token; what comes back is a SessionView.
import { z } from 'zod/mini'
import type { AuthBackend, InitiateResult, SessionState } from './auth-backend.ts'
import { SsoError, type SsoErrorCode } from './errors.ts'
import { parseJsonBody, sendRequest, type FetchLike, type HttpResponse } from './http.ts'
import { sessionViewSchema, type SessionView } from './session.ts'
import { vendorDetail } from './vendor-detail.ts'

const state = z.string().check(z.minLength(1), z.maxLength(512))

const initiateSchema = z.object({
  state,
  nonce: state,
  redirect: z.string().check(z.minLength(1), z.maxLength(4096)),
})

/** The BFF's own error body: `{"error": code, "message", "detail"?}`. */
export const bffErrorSchema = z.object({
  error: z.string().check(z.regex(/^[a-z_]{1,40}$/)),
  message: z.optional(z.string()),
  detail: z.optional(z.string()),
})

/** What each BFF error code means to the person. */
const CODES: Readonly<Record<string, SsoErrorCode>> = {
  login_failed: 'login_failed',
  sign_in_not_bound: 'sign_in_not_bound',
  rate_limited: 'rate_limited',
  upstream_timeout: 'timeout',
  signed_out: 'session_expired',
  session_expired: 'session_expired',
}

/** The reason in a BFF 401 that says the session is over, else undefined. */
export function sessionEndedReason(
  response: HttpResponse,
): 'signed_out' | 'session_expired' | undefined {
  if (response.status !== 401) return undefined
  const body = bffErrorSchema.safeParse(parseJsonBody(response))
  if (!body.success) return undefined
  const { error } = body.data
  return error === 'signed_out' || error === 'session_expired' ? error : undefined
}

/** Turns a failed answer into a coded error; `where` names the call for developers. */
function failure(where: string, response: HttpResponse): SsoError {
  const body = bffErrorSchema.safeParse(parseJsonBody(response))
  const message = `${where} answered HTTP ${response.status}`
  if (body.success) {
    const detail = vendorDetail(body.data.detail)
    const code = CODES[body.data.error] ?? 'backend_unavailable'
    return new SsoError(
      code,
      `${message} (${body.data.error})`,
      detail === undefined ? {} : { detail },
    )
  }
  if (response.status === 504 || response.status === 408) return new SsoError('timeout', message)
  if (response.status === 429) return new SsoError('rate_limited', message)
  if (response.status >= 500) return new SsoError('backend_unavailable', message)
  return new SsoError('invalid_response', message)
}

function parsed<T>(where: string, response: HttpResponse, schema: z.ZodMiniType<T>): T {
  const result = schema.safeParse(parseJsonBody(response))
  if (!result.success) {
    throw new SsoError('invalid_response', `${where} answered an unexpected body`, {
      cause: result.error,
    })
  }
  return result.data
}

export interface BffClientOptions {
  readonly fetch: FetchLike
  /** Backend prefix: "/api" in the app (same origin), an absolute URL in other settings. */
  readonly apiBase: string
  readonly timeoutMs: number
}

export function createBffClient({ fetch, apiBase, timeoutMs }: BffClientOptions): AuthBackend {
  const base = apiBase.replace(/\/+$/, '')
  const send = (path: string, body?: unknown) =>
    sendRequest({
      fetch,
      url: base + path,
      method: body === undefined ? 'GET' : 'POST',
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { 'Content-Type': 'application/json', Accept: 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      timeoutMs,
      unavailableCode: 'backend_unavailable',
    })

  return {
    provider: 'bff',

    async initiate(email): Promise<InitiateResult> {
      const response = await send('/sso/initiate', { email })
      if (response.status !== 200) throw failure('sso/initiate', response)
      return parsed('sso/initiate', response, initiateSchema)
    },

    async login(params): Promise<SessionView> {
      const response = await send('/sso/login', params)
      if (response.status !== 200) throw failure('sso/login', response)
      return parsed('sso/login', response, sessionViewSchema)
    },

    async reportProviderError({ state, nonce, email, error, errorDescription }) {
      try {
        await send('/sso/login', { state, nonce, email, error, errorDescription })
      } catch {
        // Only lets the backend close its transaction; the person sees provider_error whatever
        // it answers.
      }
    },

    async session(): Promise<SessionState> {
      const response = await send('/session')
      const ended = sessionEndedReason(response)
      if (ended !== undefined) return { signedIn: false, reason: ended }
      if (response.status !== 200) throw failure('session', response)
      return { signedIn: true, session: parsed('session', response, sessionViewSchema) }
    },

    async signOut() {
      const response = await send('/session/sign-out', {})
      if (response.status !== 204) throw failure('session/sign-out', response)
    },
  }
}
