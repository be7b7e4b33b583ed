// sso-bridge's own backend-for-frontend, as the app calls it (docs/backend-contract.md): sign-in,
// the session and sign-out under /api. Its answers and error codes are read here, in bff-login.ts
// (the callback's calls) and bff-errors.ts, with plain checks: no zod on the way to the signed-in
// view. The BFF keeps every token; what comes back is a SessionView.
import {
  AUTH_ROUTES,
  LIMITS,
  type InitiateAnswer,
  type InitiateRequest,
} from '../../../contract/src/contract.ts'
import type { AuthBackend, SessionState } from './auth-backend.ts'
import { bffFailure, sessionEndedReason } from './bff-errors.ts'
import { bffSender, createBffLogin, sessionAnswer, type BffClientOptions } from './bff-login.ts'
import { SsoError } from './errors.ts'
import { parseJsonBody } from './http.ts'
import { isObject, isText } from './plain-checks.ts'

export { sessionEndedReason } from './bff-errors.ts'
export type { BffClientOptions } from './bff-login.ts'

/** The answer of sso/initiate, or undefined when it is not one (other fields are ignored). */
function initiateAnswer(body: unknown): InitiateAnswer | undefined {
  if (!isObject(body)) return undefined
  const { state, nonce, redirect } = body
  return isText(state, 1, LIMITS.state) &&
    isText(nonce, 1, LIMITS.nonce) &&
    isText(redirect, 1, LIMITS.redirect)
    ? { state, nonce, redirect }
    : undefined
}

export function createBffClient(options: BffClientOptions): AuthBackend {
  const send = bffSender(options)
  return {
    provider: 'bff',
    ...createBffLogin(options),

    async initiate(email): Promise<InitiateAnswer> {
      const request: InitiateRequest = { email }
      const response = await send(AUTH_ROUTES.initiate, request)
      if (response.status !== 200) throw bffFailure('sso/initiate', response)
      const answer = initiateAnswer(parseJsonBody(response))
      if (answer === undefined) {
        throw new SsoError('invalid_response', 'sso/initiate answered an unexpected body')
      }
      return answer
    },

    async session(): Promise<SessionState> {
      const response = await send(AUTH_ROUTES.session)
      const ended = sessionEndedReason(response)
      if (ended !== undefined) return { signedIn: false, reason: ended }
      if (response.status !== 200) throw bffFailure('session', response)
      return { signedIn: true, session: sessionAnswer('session', response) }
    },

    async signOut() {
      const response = await send(AUTH_ROUTES.signOut, {})
      if (response.status !== 204) throw bffFailure('session/sign-out', response)
    },
  }
}
