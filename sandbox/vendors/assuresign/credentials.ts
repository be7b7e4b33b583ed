// AssureSign API user of the sandbox. The BFF injects these (docs/architecture.md §1); the emulator
// accepts only these. Sandbox defaults, overridable by environment variables.
import { ASSURESIGN_ENVELOPES } from '../../users.ts'
import { envSetting } from '../shared/env-setting.ts'

export interface AssureSignCredentials {
  readonly apiUsername: string
  readonly key: string
}

export const ASSURESIGN_SANDBOX_CREDENTIALS: AssureSignCredentials = {
  apiUsername: envSetting('SSO_ASSURESIGN_API_USERNAME', 'sso-bridge-sandbox'),
  key: envSetting('SSO_ASSURESIGN_API_KEY', 'sandbox-assuresign-api-key'),
}

/** The prepared envelopes' ids (sandbox/users.ts); Simple Setup knows only these envelopes. */
export const ASSURESIGN_SANDBOX_ENVELOPES: readonly string[] = ASSURESIGN_ENVELOPES.map((e) => e.id)
