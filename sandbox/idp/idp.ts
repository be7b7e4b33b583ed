// The sandbox identity provider (docs/architecture.md §1): a real OpenID Connect provider
// (oidc-provider) with one confidential client, the auth backend. Authorization code flow with PKCE
// only, RS256 ID tokens, `iss` in every authorization response, our own sign-in page, no consent.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type http from 'node:http'
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose'
import Provider, {
  interactionPolicy,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider'
import type { SandboxControl } from '../control/control.ts'
import { listen, readBody, sendJson, type Handler, type RunningServer } from '../lib/http.ts'
import { findUser, type SandboxUser } from '../users.ts'
import { PRODUCT_NAME } from '../company.ts'
import { originOf } from '../ports.ts'
import {
  IDP_CLIENT_ID,
  IDP_SCOPES,
  appNameFor,
  appOriginsOf,
  defaultAppClients,
  idpClientSecret,
  postLogoutRedirectUrisOf,
  redirectUrisOf,
  type AppClient,
} from './client-registration.ts'
import {
  errorPageHtml,
  logoutPageHtml,
  pageHeaders,
  sendErrorPage,
  sendLoginPage,
  signedOutPageHtml,
} from './login-page.ts'
import { createMemoryAdapter } from './memory-adapter.ts'

/** What the IdP sends back to the client when the person presses "Cancel". */
export const CANCEL_RESULT = {
  error: 'access_denied',
  error_description: 'The user cancelled the sign-in.',
} as const

const WRONG_CREDENTIALS = 'The email or password is incorrect. Check both and try again.'

export interface StartIdpOptions {
  readonly control: SandboxControl
  /** 0 picks a free port (tests); the issuer is the actual origin. */
  readonly port: number
  /** The browser apps; the client's redirect URIs are their callbacks (client-registration.ts). */
  readonly appClients?: readonly AppClient[]
  /** Where its error and signed-out pages link back to; default the Vite dev server (appDev). */
  readonly appOrigin?: string
  /** Do not print provider errors. */
  readonly quiet?: boolean
}

export type RunningIdp = RunningServer & { readonly issuer: string }

function accountFor(user: SandboxUser) {
  return {
    accountId: user.email,
    claims: () => ({
      sub: user.email,
      email: user.email,
      email_verified: true,
      name: user.name,
    }),
  }
}

function passwordMatches(user: SandboxUser, password: string): boolean {
  const expected = Buffer.from(user.password)
  const given = Buffer.from(password)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/**
 * Prompts for sign-in again when the app asks for a different person (login_hint) than the
 * one the IdP session remembers, instead of silently answering for the remembered person.
 */
function loginPolicy() {
  const policy = interactionPolicy.base()
  policy.get('login')?.checks.add(
    new interactionPolicy.Check(
      'login_hint_other_account',
      'login_hint names another account than the current session',
      (ctx) => {
        const hint = ctx.oidc.params?.['login_hint']
        const current = ctx.oidc.session?.accountId
        if (typeof hint !== 'string' || current === undefined || ctx.oidc.result?.login) {
          return interactionPolicy.Check.NO_NEED_TO_PROMPT
        }
        return findUser(hint)?.email === current
          ? interactionPolicy.Check.NO_NEED_TO_PROMPT
          : interactionPolicy.Check.REQUEST_PROMPT
      },
    ),
  )
  return policy
}

/** Consent is implied for the only client: every sign-in gets a grant for all its scopes. */
async function loadExistingGrant(ctx: KoaContextWithOIDC) {
  const { client, session, result, provider } = ctx.oidc
  const accountId = session?.accountId
  if (client === undefined || accountId === undefined) return undefined
  const existingId = result?.consent?.grantId ?? session?.grantIdFor(client.clientId)
  if (existingId !== undefined) {
    const existing = await provider.Grant.find(existingId)
    if (existing?.accountId === accountId) return existing
  }
  const grant = new provider.Grant({ accountId, clientId: client.clientId })
  grant.addOIDCScope(IDP_SCOPES)
  await grant.save()
  return grant
}

async function signingKey() {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true })
  const jwk = await exportJWK(privateKey)
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' }
}

/**
 * Our pages instead of the provider's own: the error page and the end-session pages. A page whose
 * form leads (through the provider's redirect) back to an app lists the app origins it may reach.
 */
function renderPage(
  ctx: KoaContextWithOIDC,
  html: string,
  formActionOrigins: readonly string[] = [],
): Promise<void> {
  ctx.type = 'html'
  ctx.body = html
  for (const [name, value] of Object.entries(pageHeaders(formActionOrigins))) ctx.set(name, value)
  return Promise.resolve()
}

function configuration(
  appClients: readonly AppClient[],
  appOrigin: string,
  key: object,
): Configuration {
  return {
    adapter: createMemoryAdapter(),
    clients: [
      {
        client_id: IDP_CLIENT_ID,
        client_secret: idpClientSecret(),
        redirect_uris: redirectUrisOf(appClients),
        // RP-Initiated Logout 1.0 §3: where the provider may send the browser after signing out.
        post_logout_redirect_uris: postLogoutRedirectUrisOf(appClients),
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic'],
    // RFC 9700 §2.1.1: PKCE for every client, S256 is the only method oidc-provider 9 accepts.
    pkce: { required: () => true },
    scopes: IDP_SCOPES.split(' '),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The auth backend reads email from the ID token, so scope claims go into it too.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // Its answer redirects to a registered post-logout URI, which CSP form-action also covers.
        logoutSource: (ctx: KoaContextWithOIDC, form: string) =>
          renderPage(ctx, logoutPageHtml(form), appOriginsOf(appClients)),
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) =>
          renderPage(ctx, signedOutPageHtml(appOrigin)),
      },
    },
    interactions: {
      policy: loginPolicy(),
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    // Lifetimes in seconds (oidc-provider's own clock). A code lives one minute.
    ttl: {
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      AccessToken: 60 * 60,
      Interaction: 60 * 60,
      Session: 24 * 60 * 60,
      Grant: 24 * 60 * 60,
    },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [key] },
    findAccount: (_ctx, sub) => {
      const user = findUser(sub)
      return user === undefined ? undefined : accountFor(user)
    },
    loadExistingGrant,
    renderError: (ctx, out) =>
      renderPage(ctx, errorPageHtml(appOrigin, out.error, out.error_description)),
  }
}

const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]+)$/

async function handleInteraction(
  provider: Provider,
  appClients: readonly AppClient[],
  appOrigin: string,
  uid: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET'
  if (method !== 'GET' && method !== 'POST') {
    sendJson(res, 405, { error: 'method_not_allowed' }, { allow: 'GET, POST' })
    return
  }
  let details
  try {
    details = await provider.interactionDetails(req, res)
  } catch {
    sendErrorPage(
      res,
      400,
      appOrigin,
      'invalid_request',
      'This sign-in request has expired or is not valid.',
    )
    return
  }
  if (details.uid !== uid || details.prompt.name !== 'login') {
    sendErrorPage(res, 400, appOrigin, 'invalid_request', 'This sign-in request is not valid.')
    return
  }
  const hint = details.params['login_hint']
  const page = {
    uid,
    // The interaction exists only for a registered redirect URI, so one app client has it.
    appName: appNameFor(details.params['redirect_uri'], appClients) ?? PRODUCT_NAME,
    email: typeof hint === 'string' ? hint : '',
    formActionOrigins: appOriginsOf(appClients),
  }
  if (method === 'GET') {
    sendLoginPage(res, 200, page)
    return
  }

  const form = new URLSearchParams(await readBody(req))
  if (form.get('action') === 'cancel') {
    await provider.interactionFinished(req, res, CANCEL_RESULT, { mergeWithLastSubmission: false })
    return
  }
  const email = form.get('email') ?? ''
  const user = findUser(email)
  // Same message for an unknown person and a wrong password: do not reveal which one it was.
  if (user === undefined || !passwordMatches(user, form.get('password') ?? '')) {
    sendLoginPage(res, 401, { ...page, email, error: WRONG_CREDENTIALS })
    return
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.email } },
    { mergeWithLastSubmission: false },
  )
}

/** Starts the identity provider; its issuer is the origin it listens on. */
export async function startIdp(options: StartIdpOptions): Promise<RunningIdp> {
  const { control, port, appClients = defaultAppClients(), quiet = false } = options
  const appOrigin = options.appOrigin ?? originOf('appDev')
  let handle: Handler = (_req, res) => sendJson(res, 503, { error: 'temporarily_unavailable' })
  // Listen first: the issuer must be the actual origin, which port 0 only reveals after listen.
  const server = await listen(
    control.wrap('idp', (req, res) => handle(req, res)),
    port,
  )
  const provider = new Provider(
    server.url,
    configuration(appClients, appOrigin, await signingKey()),
  )
  if (!quiet) {
    provider.on('server_error', (_ctx, error) => console.error('idp server error:', error))
  }
  const providerHandler = provider.callback()
  handle = async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://idp.invalid').pathname
    const interaction = INTERACTION_PATH.exec(pathname)
    if (interaction?.[1] !== undefined) {
      await handleInteraction(provider, appClients, appOrigin, interaction[1], req, res)
      return
    }
    await providerHandler(req, res)
  }
  return { ...server, issuer: server.url }
}
