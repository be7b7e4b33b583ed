// The two calls the callback page makes to the BFF (docs/backend-contract.md): the code exchange
// and the provider-error report, both POST sso/login. No zod, so the callback entry stays small;
// bff-client.ts adds the other calls over the same sender.
import {
  AUTH_ROUTES,
  type LoginRequest,
  type ProviderErrorReport,
} from '../../../contract/src/contract.ts'
import type { LoginBackend } from './auth-backend.ts'
import { bffFailure } from './bff-errors.ts'
import { SsoError } from './errors.ts'
import { parseJsonBody, sendRequest, type FetchLike, type HttpResponse } from './http.ts'
import { readSessionView, type SessionView } from './session.ts'

export interface BffClientOptions {
  readonly fetch: FetchLike
  /** Backend prefix: "/api" in the app (same origin), an absolute URL in other settings. */
  readonly apiBase: string
  readonly timeoutMs: number
}

/** Sends one JSON call to the BFF: GET without a body, POST with one. */
export type BffSend = (path: string, body?: unknown) => Promise<HttpResponse>

export function bffSender({ fetch, apiBase, timeoutMs }: BffClientOptions): BffSend {
  const base = apiBase.replace(/\/+$/, '')
  return (path, body) =>
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
}

/** The session view of a 200 answer; throws `invalid_response` for any other body. */
export function sessionAnswer(where: string, response: HttpResponse): SessionView {
  const session = readSessionView(parseJsonBody(response))
  if (session === undefined) {
    throw new SsoError('invalid_response', `${where} answered an unexpected body`)
  }
  return session
}

export function createBffLogin(options: BffClientOptions): LoginBackend {
  const send = bffSender(options)
  return {
    async login({ state, nonce, email, code }): Promise<SessionView> {
      const request: LoginRequest = { state, nonce, email, code }
      const response = await send(AUTH_ROUTES.login, request)
      if (response.status !== 200) throw bffFailure('sso/login', response)
      return sessionAnswer('sso/login', response)
    },

    async reportProviderError({ state, nonce, email, error, errorDescription }) {
      try {
        const report: ProviderErrorReport = { state, nonce, email, error, errorDescription }
        await send(AUTH_ROUTES.login, report)
      } catch {
        // Only lets the backend close its transaction; the person sees provider_error whatever
        // it answers.
      }
    },
  }
}
