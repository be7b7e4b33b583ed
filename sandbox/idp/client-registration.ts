// The auth backend's registration at the identity provider: one confidential client whose
// redirect URIs are the callbacks of the registered app clients. Each app client is an origin
// the browser app is served from and the path of its callback there. The IdP (redirect URIs,
// form-action, the app's name), the auth backend (Origin allowlist, callback per origin) and the
// BFF's sandbox environment (SSO_BFF_APP_ORIGINS) all read one list, `appClientsOf`, so they
// never drift. Host apps join it by configuration (sandbox/apps.ts), never by editing this file.
import { checkApps, signInUrlOf, type HostApp, type HostAppInput } from '../apps.ts'
import { PRODUCT_NAME } from '../company.ts'
import { ports as defaultPorts, type Ports } from '../ports.ts'

export const IDP_CLIENT_ID = 'indee-backend'
export const IDP_SCOPES = 'openid email profile'

const DEFAULT_CLIENT_SECRET = 'sandbox-idp-client-secret'

/** Client secret of the auth backend at the IdP (env SANDBOX_IDP_CLIENT_SECRET). */
export function idpClientSecret(): string {
  const fromEnv = process.env['SANDBOX_IDP_CLIENT_SECRET']
  return fromEnv === undefined || fromEnv === '' ? DEFAULT_CLIENT_SECRET : fromEnv
}

/** A browser app that signs people in through the auth backend (sandbox/apps.ts). */
export type AppClient = HostApp

/**
 * Our app's callback (docs/architecture.md §2): it mounts sso-bridge's routes with their default
 * paths. An identity provider registers the URL it is given, as here; the journeys sign in
 * through it.
 */
export const APP_CALLBACK_PATH = '/sso/callback'

/** `app` on the other loopback name (127.0.0.1 ↔ localhost): the browser may use either. */
function loopbackTwin(app: HostApp): HostApp[] {
  const url = new URL(app.origin)
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return []
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost'
  return [{ ...app, origin: url.origin }]
}

/** Our app's sign-in page (docs/architecture.md §2: `/`), where signing out at the IdP ends. */
export const APP_SIGN_IN_PATH = '/'

/** Our own app: vite dev and vite preview, on `/sso/callback`, signing in at `/`. */
export function ourApps(at: Pick<Ports, 'appDev' | 'appPreview'> = defaultPorts): HostApp[] {
  return [at.appDev, at.appPreview].map((port) => ({
    name: PRODUCT_NAME,
    origin: `http://127.0.0.1:${port}`,
    callbackPath: APP_CALLBACK_PATH,
    signInPath: APP_SIGN_IN_PATH,
  }))
}

/**
 * Every registered app client: our app (vite dev and vite preview) and the host apps given, each
 * loopback one on 127.0.0.1 and localhost. A host app on an origin of ours, or two on one
 * origin, are refused (AppRegistrationError).
 */
export function appClientsOf(
  hostApps: readonly HostAppInput[] = [],
  at: Pick<Ports, 'appDev' | 'appPreview'> = defaultPorts,
): readonly AppClient[] {
  const given = checkApps([...ourApps(at), ...hostApps])
  const explicit = new Set(given.map((app) => app.origin))
  const clients: AppClient[] = []
  for (const app of given) {
    // A twin that is registered explicitly keeps its own registration.
    clients.push(app, ...loopbackTwin(app).filter((twin) => !explicit.has(twin.origin)))
  }
  return clients
}

/** Our app alone, on the ports of `ports` (no host app). */
export function defaultAppClients(): readonly AppClient[] {
  return appClientsOf()
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
 * The identity provider's post-logout redirect URIs for `clients` (RP-Initiated Logout 1.0 §3):
 * each app client's sign-in page, where sso-bridge asks to come back after signing out there.
 */
export function postLogoutRedirectUrisOf(
  clients: readonly AppClient[] = defaultAppClients(),
): string[] {
  return clients.map(signInUrlOf)
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
