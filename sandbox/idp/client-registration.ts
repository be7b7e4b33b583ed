// The auth backend's registration at the identity provider: one confidential client whose
// redirect URIs are the callbacks of the registered app clients. Each app client is an origin
// the browser app is served from and the path of its callback there. The IdP (redirect URIs,
// form-action), the auth backend (Origin allowlist, callback per origin) and the BFF's sandbox
// environment (SSO_BFF_APP_ORIGINS) all read the one list below, so they never drift.
const HOST_APP_CALLBACK = '/login/complete'
import { PRODUCT_NAME } from '../company.ts'
import { ports } from '../ports.ts'

export const IDP_CLIENT_ID = 'indee-backend'
export const IDP_SCOPES = 'openid email profile'

const DEFAULT_CLIENT_SECRET = 'sandbox-idp-client-secret'

/** Client secret of the auth backend at the IdP (env SANDBOX_IDP_CLIENT_SECRET). */
export function idpClientSecret(): string {
  const fromEnv = process.env['SANDBOX_IDP_CLIENT_SECRET']
  return fromEnv === undefined || fromEnv === '' ? DEFAULT_CLIENT_SECRET : fromEnv
}

/** A browser app that signs people in through the auth backend. */
export interface AppClient {
  /** The app's name, shown on the IdP's sign-in page ("to continue to …"). */
  readonly name: string
  /** Scheme, host and port, compared exactly with the Origin of `sso/initiate`. */
  readonly origin: string
  /** Where the identity provider sends the browser back on that origin. */
  readonly callbackPath: string
}

/**
 * Our app's callback (docs/architecture.md §2): it mounts sso-bridge's routes with their default
 * paths. An identity provider registers the URL it is given, as here; the journeys sign in
 * through it.
 */
export const APP_CALLBACK_PATH = '/sso/callback'
/** The callback of examples/host-app, which mounts sso-bridge's routes under its own paths. */
export const HOST_APP_CALLBACK_PATH = HOST_APP_CALLBACK
/** examples/host-app's name (its own branding). */
export const HOST_APP_NAME = 'Acme CRM'

function onLoopback(name: string, port: number, callbackPath: string): AppClient[] {
  return ['127.0.0.1', 'localhost'].map((host) => ({
    name,
    origin: `http://${host}:${port}`,
    callbackPath,
  }))
}

/**
 * Every registered app client: our app (vite dev and vite preview) and the host app
 * (examples/host-app, vite preview), each on 127.0.0.1 and localhost.
 */
export function defaultAppClients(): readonly AppClient[] {
  return [
    ...onLoopback(PRODUCT_NAME, ports.appDev, APP_CALLBACK_PATH),
    ...onLoopback(PRODUCT_NAME, ports.appPreview, APP_CALLBACK_PATH),
    ...onLoopback(HOST_APP_NAME, ports.hostApp, HOST_APP_CALLBACK_PATH),
  ]
}

/** The origins of `clients`: the auth backend's Origin allowlist and the BFF's app origins. */
export function appOriginsOf(clients: readonly AppClient[] = defaultAppClients()): string[] {
  return clients.map((client) => client.origin)
}

/** Origins the browser apps are served from (ours first). */
export function defaultAppOrigins(): readonly string[] {
  return appOriginsOf(defaultAppClients())
}

/** The identity provider's redirect URIs for `clients`: one callback URL per app client. */
export function redirectUrisOf(clients: readonly AppClient[] = defaultAppClients()): string[] {
  return clients.map((client) => `${client.origin}${client.callbackPath}`)
}

/**
 * The callback URL of a registered app origin. An origin that is not in `clients` has none: the
 * backend refuses to start a sign-in from it before this is asked.
 */
export function callbackUrlFor(
  appOrigin: string,
  clients: readonly AppClient[] = defaultAppClients(),
): string {
  const client = clients.find((candidate) => candidate.origin === appOrigin)
  if (client === undefined) throw new Error(`${appOrigin} is not a registered app origin`)
  return `${client.origin}${client.callbackPath}`
}

/** The name of the app client whose callback is `redirectUri`, or undefined for none of them. */
export function appNameFor(
  redirectUri: unknown,
  clients: readonly AppClient[] = defaultAppClients(),
): string | undefined {
  return clients.find((client) => `${client.origin}${client.callbackPath}` === redirectUri)?.name
}
