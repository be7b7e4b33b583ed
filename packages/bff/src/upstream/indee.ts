// The Indee-style admin auth API as the BFF calls it: its paths, its `status_code` classes and
// its answer shapes live here and nowhere else. Every call carries the BFF's API key, which the
// browser never sees.
import { z } from 'zod'
import { LIMITS } from '../../../contract/src/contract.ts'
import { BffError } from '../errors.ts'
import {
  jsonOf,
  UNWATCHED,
  watchedCall,
  type UpstreamAnswer,
  type UpstreamWatcher,
} from './upstream-call.ts'

const API_PREFIX = '/v1/admin/auth/'

/** Indee's refusal of a sign-in transaction it does not know (any more): expired or used. */
const SIGN_IN_TRANSACTION_GONE = 'A2004'

const statusSchema = z.looseObject({
  status_code: z.string().regex(/^A\d{4}$/),
  status_message: z.string().max(2000),
})
const initiateSchema = statusSchema.extend({
  state: z.string().min(1).max(LIMITS.state),
  nonce: z.string().min(1).max(LIMITS.nonce),
  redirect: z.string().min(1).max(LIMITS.redirect),
})
const loginSchema = statusSchema.extend({
  token: z.string().min(1).max(8192),
  refresh_token: z.string().min(1).max(8192),
})
const refreshSchema = statusSchema.extend({ token: z.string().min(1).max(8192) })

export interface IndeeOptions {
  readonly url: string
  readonly apiKey: string
  readonly timeoutMs: number
  /** Metrics and traces of each call (default: none). */
  readonly watcher?: UpstreamWatcher
}

/** How an Indee refusal reads: A0 success, A20/A21 authentication and authorization, A4 validation, A5 server. */
type Outcome<T> =
  | { readonly kind: 'ok'; readonly value: T; readonly serverTiming: string | undefined }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }

export interface IndeeLogin {
  readonly state: string
  readonly nonce: string
  readonly email: string
  readonly code: string
  readonly error: boolean
  readonly errorDescription: Readonly<Record<string, string>>
}

/** A status message as text a person may read: trimmed and bounded. */
function detailOf(message: string): string {
  return message.trim().slice(0, 300)
}

export function createIndeeClient(options: IndeeOptions) {
  async function call<T>(
    name: string,
    body: unknown,
    schema: z.ZodType<T>,
    extraHeaders: Readonly<Record<string, string>> = {},
  ): Promise<Outcome<T>> {
    const result = await watchedCall(
      options.watcher ?? UNWATCHED,
      { upstream: 'indee', operation: name },
      {
        url: `${options.url}${API_PREFIX}${name}`,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${options.apiKey}`,
          ...extraHeaders,
        },
        body: JSON.stringify(body),
      },
      options.timeoutMs,
    )
    if (!result.ok) {
      throw result.reason === 'timeout'
        ? new BffError('upstream_timeout', `indee ${name}: no answer in ${options.timeoutMs} ms`)
        : new BffError('backend_unavailable', `indee ${name}: ${result.reason}`)
    }
    return read(name, result.answer, schema)
  }

  function read<T>(name: string, answer: UpstreamAnswer, schema: z.ZodType<T>): Outcome<T> {
    const json = jsonOf(answer)
    const status = statusSchema.safeParse(json)
    if (!status.success) {
      throw new BffError(
        'backend_unavailable',
        `indee ${name}: HTTP ${answer.status} without a status`,
      )
    }
    const { status_code: code, status_message: message } = status.data
    if (code.startsWith('A0') && answer.status >= 200 && answer.status < 300) {
      const parsed = schema.safeParse(json)
      if (parsed.success) {
        return { kind: 'ok', value: parsed.data, serverTiming: answer.serverTiming }
      }
      throw new BffError('backend_unavailable', `indee ${name}: ${code} with an unexpected body`)
    }
    // A2001 with 401 is Indee refusing the BFF's own API key: the browser learns only that the
    // service is unavailable, never the backend's words about our credential.
    if (code === 'A2001' || code.startsWith('A5') || answer.status >= 500) {
      throw new BffError('backend_unavailable', `indee ${name}: ${code} (HTTP ${answer.status})`)
    }
    return { kind: 'refused', code, message: detailOf(message) }
  }

  return {
    /** Starts a sign-in; `origin` is the app origin the browser called from (the callback's). */
    async initiate(username: string, origin: string) {
      const outcome = await call('sso/initiate', { username }, initiateSchema, { origin })
      if (outcome.kind === 'refused') {
        throw new BffError('login_failed', `indee sso/initiate: ${outcome.code}`, outcome.message)
      }
      const { state, nonce, redirect } = outcome.value
      return { state, nonce, redirect }
    },

    /**
     * The one exchange of a callback's code (never retried: the code is single use), with the
     * Server-Timing header of Indee's answer when it sent one (unparsed: server-timing.ts reads it).
     */
    async login(login: IndeeLogin) {
      const outcome = await call(
        'sso/login',
        {
          state: login.state,
          nonce: login.nonce,
          email: login.email,
          code: login.code,
          error: login.error,
          error_description: login.errorDescription,
        },
        loginSchema,
      )
      if (outcome.kind === 'refused') {
        // A2004: the sign-in transaction is unknown, expired or used. Nothing is wrong with the
        // person's account; a new sign-in will do.
        const code = outcome.code === SIGN_IN_TRANSACTION_GONE ? 'sign_in_expired' : 'login_failed'
        throw new BffError(code, `indee sso/login: ${outcome.code}`, outcome.message)
      }
      return {
        token: outcome.value.token,
        refreshToken: outcome.value.refresh_token,
        serverTiming: outcome.serverTiming,
      }
    },

    /** A new session token, or undefined when Indee refuses the refresh token (signed out). */
    async refresh(refreshToken: string): Promise<string | undefined> {
      const outcome = await call('refresh', { refresh_token: refreshToken }, refreshSchema)
      return outcome.kind === 'ok' ? outcome.value.token : undefined
    },

    async logout(refreshToken: string): Promise<void> {
      await call('logout', { refresh_token: refreshToken }, statusSchema)
    },
  }
}

export type IndeeClient = ReturnType<typeof createIndeeClient>
