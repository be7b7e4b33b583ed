// Aimbase API user of the sandbox (api/Security/Login). The BFF signs in with these
// (docs/architecture.md §1); the emulator accepts only these. Sandbox defaults, overridable by
// environment.
import { envSetting } from '../shared/env-setting.ts'

export interface AimbaseCredentials {
  readonly username: string
  readonly password: string
}

export const AIMBASE_SANDBOX_CREDENTIALS: AimbaseCredentials = {
  username: envSetting('SSO_AIMBASE_API_USERNAME', 'sso-bridge-sandbox'),
  password: envSetting('SSO_AIMBASE_API_PASSWORD', 'sandbox-aimbase-api-password'),
}
