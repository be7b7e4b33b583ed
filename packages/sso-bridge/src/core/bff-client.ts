// sso-bridge's own backend-for-frontend, as the app calls it (docs/backend-contract.md): sign-in,
// the session and sign-out under /api. Its answers and error codes are read here, in bff-login.ts
// (the callback's calls, kept free of zod) and bff-errors.ts. The BFF keeps every token; what
// comes back is a SessionView.
import { z } from 'zod/mini'
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

export { sessionEndedReason } from './bff-errors.ts'
export type { BffClientOptions } from './bff-login.ts'

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max))

const initiateSchema: z.ZodMiniType<InitiateAnswer> = z.object({
  state: text(LIMITS.state),
  nonce: text(LIMITS.nonce),
  redirect: text(LIMITS.redirect),
})

export function createBffClient(options: BffClientOptions): AuthBackend {
  const send = bffSender(options)
  return {
    provider: 'bff',
    ...createBffLogin(options),

    async initiate(email): Promise<InitiateAnswer> {
      const request: InitiateRequest = { email }
      const response = await send(AUTH_ROUTES.initiate, request)
      if (response.status !== 200) throw bffFailure('sso/initiate', response)
      const parsed = initiateSchema.safeParse(parseJsonBody(response))
      if (!parsed.success) {
        throw new SsoError('invalid_response', 'sso/initiate answered an unexpected body', {
          cause: parsed.error,
        })
      }
      return parsed.data
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
