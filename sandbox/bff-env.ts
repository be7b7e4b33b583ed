// The BFF's environment for talking to this sandbox: the parties' URLs and the sandbox's own
// credentials. The kit starts its BFF with it (bff-process.ts), npm start too (scripts/run-bff.ts),
// and server tests build their BFF from it. A real deployment sets these variables itself
// (docs/deployment.md); the BFF has no credential defaults of its own. Only the partners of
// SSO_SANDBOX_PARTNERS (partners.ts; all by default) get their variables.
import { appOriginsOf, defaultAppClients, type AppClient } from './idp/client-registration.ts'
import { indeeApiKey } from './indee/api-key.ts'
import type { PartnerName } from '../packages/contract/src/contract.ts'
import { sandboxPartners } from './partners.ts'
import { originOf, ports } from './ports.ts'
import { ABC_SANDBOX_CREDENTIALS } from './vendors/abc/credentials.ts'
import { AIMBASE_SANDBOX_CREDENTIALS } from './vendors/aimbase/credentials.ts'
import { ASSURESIGN_SANDBOX_CREDENTIALS } from './vendors/assuresign/credentials.ts'

export interface SandboxUrls {
  readonly indee: string
  readonly assuresign: string
  readonly aimbase: string
  readonly abc: string
}

export function defaultSandboxUrls(): SandboxUrls {
  return {
    indee: originOf('indee'),
    assuresign: originOf('assuresign'),
    aimbase: originOf('aimbase'),
    abc: originOf('abc'),
  }
}

/**
 * Every SSO_BFF_* variable the BFF needs to serve the sandbox's registered apps (`appClients`:
 * ours by default, host apps too when the sandbox was started with them). The rate limit is
 * raised (the journeys sign in far more often than a person does), and only warnings are logged,
 * so `npm start` stays readable (SSO_BFF_LOG_LEVEL=info shows every request).
 */
export function bffEnvironment(
  urls: SandboxUrls = defaultSandboxUrls(),
  port: number = ports.bff,
  partners: readonly PartnerName[] = sandboxPartners(),
  appClients: readonly AppClient[] = defaultAppClients(),
): Record<string, string> {
  const partnerVariables: Record<PartnerName, Record<string, string>> = {
    assuresign: {
      SSO_BFF_ASSURESIGN_URL: urls.assuresign,
      SSO_BFF_ASSURESIGN_API_USERNAME: ASSURESIGN_SANDBOX_CREDENTIALS.apiUsername,
      SSO_BFF_ASSURESIGN_API_KEY: ASSURESIGN_SANDBOX_CREDENTIALS.key,
    },
    aimbase: {
      SSO_BFF_AIMBASE_URL: urls.aimbase,
      SSO_BFF_AIMBASE_API_USERNAME: AIMBASE_SANDBOX_CREDENTIALS.username,
      SSO_BFF_AIMBASE_API_PASSWORD: AIMBASE_SANDBOX_CREDENTIALS.password,
    },
    abc: {
      SSO_BFF_ABC_URL: urls.abc,
      SSO_BFF_ABC_CLIENT_ID: ABC_SANDBOX_CREDENTIALS.clientId,
    },
  }
  const origins = appOriginsOf(appClients)
  // Our app is http on loopback: a host app on https beside it costs the session cookie Secure,
  // which the BFF refuses unless told. The sandbox is for development only; the BFF warns.
  const mixedSchemes = new Set(origins.map((origin) => new URL(origin).protocol)).size > 1
  return {
    SSO_BFF_PORT: String(port),
    SSO_BFF_APP_ORIGINS: origins.join(','),
    ...(mixedSchemes && { SSO_BFF_ALLOW_INSECURE: 'true' }),
    SSO_BFF_INDEE_URL: urls.indee,
    SSO_BFF_INDEE_API_KEY: indeeApiKey(),
    ...Object.fromEntries(partners.flatMap((name) => Object.entries(partnerVariables[name]))),
    SSO_BFF_RATE_LIMIT_PER_MINUTE: '1000',
    SSO_BFF_LOG_LEVEL: 'warn',
  }
}
