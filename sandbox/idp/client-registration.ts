// The auth backend's registration at the identity provider: one confidential client whose
// redirect URIs are the SPA's callback on each registered app origin. The IdP and the auth
// backend both read it, so the redirect URIs and the backend's Origin allowlist never drift.
import { ports } from '../ports.ts'

export const IDP_CLIENT_ID = 'indee-backend'
export const IDP_SCOPES = 'openid email profile'

const DEFAULT_CLIENT_SECRET = 'sandbox-idp-client-secret'

/** Client secret of the auth backend at the IdP (env SANDBOX_IDP_CLIENT_SECRET). */
export function idpClientSecret(): string {
  const fromEnv = process.env['SANDBOX_IDP_CLIENT_SECRET']
  return fromEnv === undefined || fromEnv === '' ? DEFAULT_CLIENT_SECRET : fromEnv
}

/** Origins the SPA is served from: vite dev and vite preview, on 127.0.0.1 and localhost. */
export function defaultAppOrigins(): readonly string[] {
  return [ports.appDev, ports.appPreview].flatMap((port) => [
    `http://127.0.0.1:${port}`,
    `http://localhost:${port}`,
  ])
}

export function callbackUrlFor(appOrigin: string): string {
  return `${appOrigin}/sso/callback`
}
