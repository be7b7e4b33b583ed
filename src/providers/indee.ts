// Indee admin auth (DESIGN.md §4): its wire format, response schemas and status-code table live
// here and nowhere else. The SPA calls it through the gateway (`${apiBase}/indee/...`), which
// adds the API key; this client never sends an Authorization header.
import { z } from 'zod/mini'
import type { AuthBackend, InitiateResult, SessionTokens } from '../sso/auth-backend.ts'
import { SsoError, type SsoErrorCode } from '../sso/errors.ts'
import { vendorDetail } from '../sso/vendor-detail.ts'
import { parseJsonBody, sendRequest, type FetchLike, type HttpResponse } from '../sso/http.ts'

/** Indee status codes: `A` and four digits. */
const statusCodeSchema = z.string().check(z.regex(/^A\d{4}$/))

/** Every Indee answer, success or error, carries these two fields. */
export const indeeStatusSchema = z.looseObject({
  status_code: statusCodeSchema,
  status_message: z.string().check(z.maxLength(2000)),
})

const state = z.string().check(z.minLength(1), z.maxLength(512))
const jwt = z.string().check(z.minLength(1), z.maxLength(8192))

export const indeeInitiateResponseSchema = z.looseObject({
  ...indeeStatusSchema.shape,
  state,
  nonce: state,
  redirect: z.string().check(z.minLength(1), z.maxLength(4096)),
})

export const indeeLoginResponseSchema = z.looseObject({
  ...indeeStatusSchema.shape,
  token: jwt,
  refresh_token: z.string().check(z.minLength(1), z.maxLength(8192)),
})

export const indeeRefreshResponseSchema = z.looseObject({ ...indeeStatusSchema.shape, token: jwt })

export const indeeLogoutResponseSchema = indeeStatusSchema

export type IndeeStatusClass =
  'success' | 'authentication' | 'authorization' | 'validation' | 'server'

/** The documented status classes, most specific prefix first. */
export const INDEE_STATUS_CLASSES: readonly {
  readonly prefix: string
  readonly kind: IndeeStatusClass
}[] = [
  { prefix: 'A0', kind: 'success' },
  { prefix: 'A20', kind: 'authentication' },
  { prefix: 'A21', kind: 'authorization' },
  { prefix: 'A4', kind: 'validation' },
  { prefix: 'A5', kind: 'server' },
]

/** Codes the client knows by name (others are handled by their class). */
export const INDEE_KNOWN_CODES = {
  A0000: 'success',
  A2001: 'not authenticated (HTTP 401)',
  A2002: 'access denied',
  A2003: 'refresh failed: the session is over',
} as const

export function classifyIndeeStatus(code: string): IndeeStatusClass | undefined {
  return INDEE_STATUS_CLASSES.find((entry) => code.startsWith(entry.prefix))?.kind
}

type Operation = 'initiate' | 'login' | 'refresh' | 'logout'

/** What a refusal (authentication, authorization, validation) means for each call. */
const REFUSAL: Record<Operation, SsoErrorCode> = {
  initiate: 'login_failed',
  login: 'login_failed',
  // DESIGN.md §4: A2003 "refresh failed" signs the person out; a refresh token the backend
  // refuses for any reason cannot keep the session either.
  refresh: 'session_expired',
  logout: 'session_expired',
}

const PATHS: Record<Operation, string> = {
  initiate: '/indee/sso/initiate',
  login: '/indee/sso/login',
  refresh: '/indee/refresh',
  logout: '/indee/logout',
}

export interface IndeeClientOptions {
  readonly fetch: FetchLike
  /** Backend prefix: "/api" in the app (same origin), an absolute URL in other settings. */
  readonly apiBase: string
  readonly timeoutMs: number
}

/** The Indee client; it is the app's AuthBackend. */
export type IndeeClient = AuthBackend

export function createIndeeClient({ fetch, apiBase, timeoutMs }: IndeeClientOptions): IndeeClient {
  const base = apiBase.replace(/\/+$/, '')

  async function call<T>(
    operation: Operation,
    body: unknown,
    schema: z.ZodMiniType<T>,
  ): Promise<T> {
    const response = await sendRequest({
      fetch,
      url: base + PATHS[operation],
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      timeoutMs,
      unavailableCode: 'backend_unavailable',
    })
    return readAnswer(operation, response, schema)
  }

  return {
    provider: 'indee',

    async initiate(email): Promise<InitiateResult> {
      const answer = await call('initiate', { username: email }, indeeInitiateResponseSchema)
      return { state: answer.state, nonce: answer.nonce, redirect: answer.redirect }
    },

    async login({ state, nonce, email, code }): Promise<SessionTokens> {
      const answer = await call(
        'login',
        { state, nonce, email, code, error: false, error_description: {} },
        indeeLoginResponseSchema,
      )
      return { token: answer.token, refreshToken: answer.refresh_token }
    },

    async reportProviderError({ state, nonce, email, error, errorDescription }) {
      try {
        await call(
          'login',
          {
            state,
            nonce,
            email,
            code: '',
            error: true,
            error_description: { error, error_description: errorDescription },
          },
          indeeStatusSchema,
        )
      } catch {
        // Only lets the backend close its transaction; the person sees provider_error whatever
        // it answers (DESIGN.md §3).
      }
    },

    async refresh(refreshToken) {
      const answer = await call(
        'refresh',
        { refresh_token: refreshToken },
        indeeRefreshResponseSchema,
      )
      return { token: answer.token }
    },

    async logout(refreshToken) {
      await call('logout', { refresh_token: refreshToken }, indeeLogoutResponseSchema)
    },
  }
}

/** Turns one HTTP answer into the operation's result or a coded error (keyed on status_code). */
function readAnswer<T>(operation: Operation, response: HttpResponse, schema: z.ZodMiniType<T>): T {
  const where = `indee ${operation}`
  if (operation === 'refresh' && response.status === 401) {
    throw new SsoError(
      'session_expired',
      `${where} answered HTTP 401`,
      detailOf(parseJsonBody(response)),
    )
  }
  const json = parseJsonBody(response)
  const status = indeeStatusSchema.safeParse(json)
  if (!status.success) {
    throw new SsoError(
      codeForBareStatus(operation, response.status),
      `${where} answered HTTP ${response.status} without an Indee status`,
    )
  }
  const { status_code: code } = status.data
  const kind = classifyIndeeStatus(code)
  const options = detailOf(json)
  switch (kind) {
    case 'success': {
      const ok = response.status >= 200 && response.status < 300
      const parsed = schema.safeParse(json)
      if (ok && parsed.success) return parsed.data
      throw new SsoError(
        'invalid_response',
        `${where} answered ${code} (HTTP ${response.status}) with an unexpected body`,
        {
          ...(parsed.success ? {} : { cause: parsed.error }),
        },
      )
    }
    case 'authentication':
    case 'authorization':
    case 'validation':
      throw new SsoError(
        REFUSAL[operation],
        `${where} refused with ${code} (HTTP ${response.status})`,
        options,
      )
    case 'server':
      throw new SsoError(
        'backend_unavailable',
        `${where} failed with ${code} (HTTP ${response.status})`,
        options,
      )
    case undefined:
      throw new SsoError(
        'invalid_response',
        `${where} answered unknown status_code ${code}`,
        options,
      )
  }
}

/** A failure without an Indee body: a proxy's error page, an empty 401, a 200 that is not JSON. */
function codeForBareStatus(operation: Operation, httpStatus: number): SsoErrorCode {
  if (httpStatus >= 500 || httpStatus === 408 || httpStatus === 429) return 'backend_unavailable'
  if (httpStatus === 401) return REFUSAL[operation]
  return 'invalid_response'
}

/** status_message as text for the error view: trimmed, bounded, absent when empty. */
function detailOf(json: unknown): { detail?: string } {
  const status = indeeStatusSchema.safeParse(json)
  const detail = vendorDetail(status.success ? status.data.status_message : undefined)
  return detail === undefined ? {} : { detail }
}
