// The Indee-style auth backend (DESIGN.md §4): admin auth API behind an API key, a confidential
// OIDC client of the sandbox IdP, issuer of the session token and refresh token. Every expiry it
// decides uses the sandbox clock (control.now()). Contract: docs/backend-contract.md.
import type http from 'node:http'
import { z } from 'zod'
import type { SandboxControl } from '../control/control.ts'
import {
  IDP_CLIENT_ID,
  IDP_SCOPES,
  defaultAppOrigins,
  callbackUrlFor,
  idpClientSecret,
} from '../idp/client-registration.ts'
import { listen, readJson, sendJson, type Handler, type RunningServer } from '../lib/http.ts'
import { findUser } from '../users.ts'
import { hasApiKey, indeeApiKey } from './api-key.ts'
import {
  IdpRejectedError,
  IdpUnreachableError,
  createIdpClient,
  type IdpClient,
} from './idp-client.ts'
import { RefreshTokenStore } from './refresh-tokens.ts'
import { createSessionTokenIssuer, type SessionTokenIssuer } from './session-tokens.ts'
import { sendIndee } from './status-codes.ts'
import {
  TRANSACTION_COOKIE,
  TRANSACTION_TTL_MS,
  TransactionStore,
  type TakeResult,
} from './transactions.ts'

export const INDEE_API_PREFIX = '/v1/admin/auth/'
export const INDEE_JWKS_PATH = '/.well-known/jwks.json'

const initiateSchema = z.object({ username: z.string() })
const loginSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  email: z.string(),
  code: z.string().optional(),
  error: z.boolean().optional(),
  // Indee sends `{}` when there is no error; the SPA sends the provider's text when there is.
  error_description: z.unknown().optional(),
})
const refreshSchema = z.object({ refresh_token: z.string().min(1) })

export interface StartIndeeOptions {
  readonly control: SandboxControl
  readonly port: number
  /** Issuer of the identity provider the backend signs people in with. */
  readonly idpIssuer: string
  /** Origins the SPA may start a sign-in from; the callback is `<origin>/sso/callback`. */
  readonly appOrigins?: readonly string[]
}

interface Backend {
  readonly control: SandboxControl
  readonly appOrigins: readonly string[]
  readonly apiKey: string
  readonly idp: IdpClient
  readonly transactions: TransactionStore
  readonly refreshTokens: RefreshTokenStore
  readonly sessionTokens: SessionTokenIssuer
}

function readCookie(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

function transactionCookie(bindingId: string | undefined): string {
  const attributes = 'HttpOnly; SameSite=Strict; Path=/'
  return bindingId === undefined
    ? `${TRANSACTION_COOKIE}=; Max-Age=0; ${attributes}`
    : `${TRANSACTION_COOKIE}=${bindingId}; Max-Age=${TRANSACTION_TTL_MS / 1000}; ${attributes}`
}

const TAKE_MESSAGES: Record<Extract<TakeResult, { ok: false }>['reason'], string> = {
  no_cookie: 'No sign-in transaction for this browser (transaction cookie missing)',
  unknown_state: 'Sign-in transaction not found or already used (unknown state)',
  expired: 'Sign-in transaction expired',
}

async function initiate(backend: Backend, req: http.IncomingMessage, res: http.ServerResponse) {
  const body = initiateSchema.safeParse(await readJson(req))
  if (!body.success) return sendIndee(res, 'malformedBody')
  const username = body.data.username.trim()
  if (!z.email().safeParse(username).success) return sendIndee(res, 'invalidUsername')
  // Assumption (docs/backend-contract.md): the callback is on the origin the browser called
  // from, taken from Origin (forwarded by the gateway) and only when registered.
  const origin = req.headers.origin
  if (origin === undefined || !backend.appOrigins.includes(origin)) {
    return sendIndee(res, 'originNotAllowed')
  }
  const { bindingId, transaction } = backend.transactions.create(
    readCookie(req, TRANSACTION_COOKIE),
    { username, redirectUri: callbackUrlFor(origin) },
  )
  const redirect = await backend.idp.authorizeUrl({
    redirectUri: transaction.redirectUri,
    state: transaction.state,
    nonce: transaction.nonce,
    codeVerifier: transaction.codeVerifier,
    loginHint: username,
  })
  sendIndee(res, 'success', {
    extra: { state: transaction.state, nonce: transaction.nonce, redirect },
    headers: { 'set-cookie': transactionCookie(bindingId) },
  })
}

async function login(backend: Backend, req: http.IncomingMessage, res: http.ServerResponse) {
  const body = loginSchema.safeParse(await readJson(req))
  if (!body.success) return sendIndee(res, 'malformedBody')
  const { state, nonce, email, code, error } = body.data
  const bindingId = readCookie(req, TRANSACTION_COOKIE)
  // RFC 9700 §4.7.1: the transaction is consumed before any check, so it never works twice.
  const taken = backend.transactions.take(bindingId, state)
  const headers = {
    'set-cookie': transactionCookie(
      backend.transactions.hasPending(bindingId) ? bindingId : undefined,
    ),
  }
  // The provider answered with an error (e.g. the person cancelled): close and refuse.
  if (error === true) return sendIndee(res, 'accessDenied', { headers })
  if (code === undefined || code === '') return sendIndee(res, 'malformedBody', { headers })
  if (!taken.ok) {
    return sendIndee(res, 'transactionNotFound', { message: TAKE_MESSAGES[taken.reason], headers })
  }
  const { transaction } = taken
  if (nonce !== transaction.nonce) {
    return sendIndee(res, 'transactionNotFound', {
      message: 'Sign-in transaction does not match (nonce mismatch)',
      headers,
    })
  }

  const idToken = await backend.idp.exchangeCode(
    code,
    transaction.redirectUri,
    transaction.codeVerifier,
  )
  const claims = await backend.idp.verifyIdToken(idToken, transaction.nonce)
  const signedIn = claims.email.toLowerCase()
  const user = findUser(signedIn)
  if (
    user === undefined ||
    claims.email_verified === false ||
    signedIn !== transaction.username.toLowerCase() ||
    signedIn !== email.trim().toLowerCase()
  ) {
    return sendIndee(res, 'accessDenied', { headers })
  }

  const { control } = backend
  const now = control.now()
  const token = await backend.sessionTokens.issue(
    user,
    claims.sub,
    now,
    control.settings.accessTokenTtlSeconds,
  )
  const refreshToken = backend.refreshTokens.issue(
    { sub: claims.sub, email: user.email },
    control.settings.refreshTokenTtlSeconds,
  )
  sendIndee(res, 'success', { extra: { token, refresh_token: refreshToken }, headers })
}

async function refresh(backend: Backend, req: http.IncomingMessage, res: http.ServerResponse) {
  const body = refreshSchema.safeParse(await readJson(req))
  if (!body.success) return sendIndee(res, 'malformedBody')
  const record = backend.refreshTokens.use(body.data.refresh_token)
  const user = record === undefined ? undefined : findUser(record.email)
  if (record === undefined || user === undefined) return sendIndee(res, 'refreshFailed')
  const { control } = backend
  const token = await backend.sessionTokens.issue(
    user,
    record.sub,
    control.now(),
    control.settings.accessTokenTtlSeconds,
  )
  sendIndee(res, 'success', { extra: { token } })
}

async function logout(backend: Backend, req: http.IncomingMessage, res: http.ServerResponse) {
  const body = refreshSchema.safeParse(await readJson(req))
  if (!body.success) return sendIndee(res, 'malformedBody')
  backend.refreshTokens.revoke(body.data.refresh_token)
  sendIndee(res, 'success')
}

type Action = (
  backend: Backend,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) => Promise<void>

const ACTIONS: Readonly<Record<string, Action>> = {
  'sso/initiate': initiate,
  'sso/login': login,
  refresh,
  logout,
}

async function handle(backend: Backend, req: http.IncomingMessage, res: http.ServerResponse) {
  const { pathname } = new URL(req.url ?? '/', 'http://indee.invalid')
  const method = req.method ?? 'GET'
  if (pathname === INDEE_JWKS_PATH) {
    if (method !== 'GET') return sendIndee(res, 'methodNotAllowed', { headers: { allow: 'GET' } })
    return sendJson(res, 200, backend.sessionTokens.jwks)
  }
  const name = pathname.startsWith(INDEE_API_PREFIX) ? pathname.slice(INDEE_API_PREFIX.length) : ''
  const action = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined
  if (action === undefined) return sendIndee(res, 'notFound')
  if (method !== 'POST') return sendIndee(res, 'methodNotAllowed', { headers: { allow: 'POST' } })
  if (!hasApiKey(req.headers.authorization, backend.apiKey)) return sendIndee(res, 'badApiKey')
  try {
    await action(backend, req, res)
  } catch (error) {
    if (res.headersSent) throw error
    if (error instanceof IdpUnreachableError) return sendIndee(res, 'idpUnreachable')
    if (error instanceof IdpRejectedError) return sendIndee(res, 'exchangeFailed')
    console.error('indee: unexpected error', error)
    return sendIndee(res, 'unexpected')
  }
}

/** Starts the auth backend; the session token's `iss` is the origin it listens on. */
export async function startIndee(options: StartIndeeOptions): Promise<RunningServer> {
  const { control, port, idpIssuer, appOrigins = defaultAppOrigins() } = options
  let handleRequest: Handler = (_req, res) =>
    sendIndee(res, 'unexpected', { message: 'Starting up' })
  const server = await listen(
    control.wrap('indee', (req, res) => handleRequest(req, res)),
    port,
  )
  const backend: Backend = {
    control,
    appOrigins,
    apiKey: indeeApiKey(),
    idp: createIdpClient({
      issuer: idpIssuer,
      clientId: IDP_CLIENT_ID,
      clientSecret: idpClientSecret(),
      scope: IDP_SCOPES,
    }),
    transactions: new TransactionStore(() => control.now()),
    refreshTokens: new RefreshTokenStore(() => control.now()),
    sessionTokens: await createSessionTokenIssuer(server.url),
  }
  handleRequest = (req, res) => handle(backend, req, res)
  return server
}
