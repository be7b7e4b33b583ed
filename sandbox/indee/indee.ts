// The Indee-style auth backend: admin auth API behind an API key, a confidential
// OIDC client of the sandbox IdP, issuer of the session token and refresh token. Every expiry it
// decides uses the sandbox clock (control.now()). Contract: docs/backend-contract.md; what the
// Indee document says and what we assume: docs/emulators.md. It sets no cookie: the document's
// sso/login finds the transaction by state alone.
import type http from 'node:http'
import { z } from 'zod'
import type { SandboxControl } from '../control/control.ts'
import {
  IDP_CLIENT_ID,
  IDP_SCOPES,
  callbackUrlFor,
  defaultAppClients,
  idpClientSecret,
  type AppClient,
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
import { IdentityLinks } from './identities.ts'
import { RefreshTokenStore } from './refresh-tokens.ts'
import { createSessionTokenIssuer, type SessionTokenIssuer } from './session-tokens.ts'
import { signedInUser } from './sign-in-checks.ts'
import { sendIndee } from './status-codes.ts'
import { TransactionStore, type TakeResult } from './transactions.ts'

export const INDEE_API_PREFIX = '/v1/admin/auth/'
export const INDEE_JWKS_PATH = '/.well-known/jwks.json'

const initiateSchema = z.object({ username: z.string() })
const loginSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  email: z.string(),
  code: z.string().optional(),
  // Required, as in the Indee document's request: false, or true when the provider refused.
  error: z.boolean(),
  // Indee sends `{}` when there is no error; the SPA sends the provider's text when there is.
  error_description: z.unknown().optional(),
})
const refreshSchema = z.object({ refresh_token: z.string().min(1) })

export interface StartIndeeOptions {
  readonly control: SandboxControl
  readonly port: number
  /** Issuer of the identity provider the backend signs people in with. */
  readonly idpIssuer: string
  /**
   * The browser apps that may start a sign-in (their origins) and where each gets the browser
   * back (its callback path); default the sandbox's registration (client-registration.ts).
   */
  readonly appClients?: readonly AppClient[]
  /** Pending sign-ins held at most; default MAX_PENDING_TRANSACTIONS (10,000). */
  readonly maxPendingTransactions?: number
}

interface Backend {
  readonly control: SandboxControl
  readonly appClients: readonly AppClient[]
  readonly apiKey: string
  readonly idp: IdpClient
  readonly transactions: TransactionStore
  readonly refreshTokens: RefreshTokenStore
  readonly sessionTokens: SessionTokenIssuer
  readonly identities: IdentityLinks
  readonly idpIssuer: string
}

const TAKE_MESSAGES: Record<Extract<TakeResult, { ok: false }>['reason'], string> = {
  unknown_state: 'Sign-in transaction not found or already used (unknown state)',
  expired: 'Sign-in transaction expired',
}

async function initiate(backend: Backend, req: http.IncomingMessage, res: http.ServerResponse) {
  const body = initiateSchema.safeParse(await readJson(req))
  if (!body.success) return sendIndee(res, 'malformedBody')
  const username = body.data.username.trim()
  if (!z.email().safeParse(username).success) return sendIndee(res, 'invalidUsername')
  // Assumption (docs/backend-contract.md): the callback is on the origin the browser called
  // from, taken from Origin (passed on by the BFF) and only when registered; its path is the
  // one registered for that origin.
  const origin = req.headers.origin
  if (origin === undefined || !backend.appClients.some((client) => client.origin === origin)) {
    return sendIndee(res, 'originNotAllowed')
  }
  const transaction = backend.transactions.create({
    username,
    redirectUri: callbackUrlFor(origin, backend.appClients),
  })
  if (transaction === undefined) return sendIndee(res, 'tooManySignIns')
  const redirect = await backend.idp.authorizeUrl({
    redirectUri: transaction.redirectUri,
    state: transaction.state,
    nonce: transaction.nonce,
    codeVerifier: transaction.codeVerifier,
    loginHint: username,
  })
  sendIndee(res, 'success', {
    extra: { state: transaction.state, nonce: transaction.nonce, redirect },
  })
}

/** A Server-Timing header of `phases` (ms): `idp-token;dur=5.21;desc="…", …`. */
function serverTiming(phases: readonly (readonly [string, number, string?])[]): string {
  return phases
    .map(
      ([name, ms, desc]) =>
        `${name};dur=${ms.toFixed(2)}${desc === undefined ? '' : `;desc="${desc}"`}`,
    )
    .join(', ')
}

async function login(backend: Backend, req: http.IncomingMessage, res: http.ServerResponse) {
  const started = performance.now()
  const body = loginSchema.safeParse(await readJson(req))
  if (!body.success) return sendIndee(res, 'malformedBody')
  const { state, nonce, email, code, error } = body.data
  // RFC 9700 §4.7.1: the transaction is consumed before any check, so it never works twice.
  const taken = backend.transactions.take(state)
  // The provider answered with an error (e.g. the person cancelled): close and refuse.
  if (error) return sendIndee(res, 'accessDenied')
  if (code === undefined || code === '') return sendIndee(res, 'malformedBody')
  if (!taken.ok)
    return sendIndee(res, 'transactionNotFound', { message: TAKE_MESSAGES[taken.reason] })
  const { transaction } = taken
  if (nonce !== transaction.nonce) {
    return sendIndee(res, 'transactionNotFound', {
      message: 'Sign-in transaction does not match (nonce mismatch)',
    })
  }

  const beforeToken = performance.now()
  const idToken = await backend.idp.exchangeCode(
    code,
    transaction.redirectUri,
    transaction.codeVerifier,
  )
  const beforeVerify = performance.now()
  const claims = await backend.idp.verifyIdToken(idToken, transaction.nonce)
  const verified = performance.now()
  const user = signedInUser(
    { claims, issuer: backend.idpIssuer, username: transaction.username, email },
    backend.identities,
  )
  if (user === undefined) return sendIndee(res, 'accessDenied')

  const { control } = backend
  const now = control.now()
  const beforeSign = performance.now()
  const token = await backend.sessionTokens.issue(
    user,
    claims.sub,
    now,
    control.settings.accessTokenTtlSeconds,
  )
  const refreshToken = await backend.refreshTokens.issue(
    { sub: claims.sub, email: user.email },
    control.settings.refreshTokenTtlSeconds,
  )
  const signed = performance.now()
  // Where the exchange's time went, for the BFF to relay (docs/emulators.md).
  const timing = serverTiming([
    ['idp-token', beforeVerify - beforeToken, 'IdP token endpoint'],
    ['id-token', verified - beforeVerify, 'ID token check'],
    ['sign', signed - beforeSign, 'session and refresh tokens'],
    ['total', performance.now() - started],
  ])
  sendIndee(res, 'success', {
    extra: { token, refresh_token: refreshToken },
    headers: { 'server-timing': timing },
  })
}

async function refresh(backend: Backend, req: http.IncomingMessage, res: http.ServerResponse) {
  const body = refreshSchema.safeParse(await readJson(req))
  if (!body.success) return sendIndee(res, 'malformedBody')
  const record = await backend.refreshTokens.use(body.data.refresh_token)
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
  await backend.refreshTokens.revoke(body.data.refresh_token)
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
  const { control, port, idpIssuer, appClients = defaultAppClients() } = options
  const now = () => control.now()
  let handleRequest: Handler = (_req, res) =>
    sendIndee(res, 'unexpected', { message: 'Starting up' })
  const server = await listen(
    control.wrap('indee', (req, res) => handleRequest(req, res)),
    port,
  )
  const backend: Backend = {
    control,
    appClients,
    apiKey: indeeApiKey(),
    idp: createIdpClient({
      issuer: idpIssuer,
      clientId: IDP_CLIENT_ID,
      clientSecret: idpClientSecret(),
      scope: IDP_SCOPES,
    }),
    transactions: new TransactionStore(now, options.maxPendingTransactions),
    refreshTokens: new RefreshTokenStore(now, server.url),
    sessionTokens: await createSessionTokenIssuer(server.url),
    identities: new IdentityLinks(),
    idpIssuer,
  }
  handleRequest = (req, res) => handle(backend, req, res)
  return server
}
