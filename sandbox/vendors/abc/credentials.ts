// ABC GenerateSSOToken settings of the sandbox. The BFF adds the client id (docs/architecture.md
// §1); the token secret signs TokenNo and never leaves the emulator. Sandbox defaults, overridable
// by env.
import { envSetting } from '../shared/env-setting.ts'

export interface AbcCredentials {
  /** Value the x-lob-client-id header must carry. */
  readonly clientId: string
  /** HS256 secret of TokenNo (ABC's own; only the emulator uses it). */
  readonly tokenSecret: string
}

export const ABC_SANDBOX_CREDENTIALS: AbcCredentials = {
  clientId: envSetting('SSO_ABC_CLIENT_ID', 'sso-bridge-sandbox'),
  tokenSecret: envSetting('SSO_ABC_TOKEN_SECRET', 'sandbox-abc-token-secret-change-me-0123456789'),
}

/** The only x-api-version the emulator serves. */
export const ABC_API_VERSION = '1.0.0'
