// A valid runtime config for unit tests, pointing at the sandbox's default ports.
import { runtimeConfigSchema, type RuntimeConfig } from '../partners/runtime-config.ts'

export const TEST_ISSUER = 'http://127.0.0.1:4010'

type Partners = {
  readonly [Name in keyof RuntimeConfig['partners']]-?: NonNullable<RuntimeConfig['partners'][Name]>
}

/** A runtime config with every partner (a deployment may leave some out; tests use them all). */
export type TestConfig = RuntimeConfig & { readonly partners: Partners }

/** Fields a test replaces; each section is merged over the defaults, then the whole is parsed. */
export interface TestConfigOverrides {
  readonly identityProvider?: Partial<RuntimeConfig['identityProvider']>
  readonly partners?: {
    readonly [Partner in keyof Partners]?: Partial<Partners[Partner]>
  }
}

export function testConfig({
  identityProvider = {},
  partners = {},
}: TestConfigOverrides = {}): TestConfig {
  const config = runtimeConfigSchema.parse({
    apiBase: '/api',
    identityProvider: { issuer: TEST_ISSUER, ...identityProvider },
    requestTimeoutMs: 8000,
    transactionTtlSeconds: 600,
    partners: {
      assuresign: { origin: 'http://127.0.0.1:4030', envelopes: [], ...partners.assuresign },
      aimbase: {
        origin: 'http://127.0.0.1:4040',
        format: 'json',
        accounts: [],
        ...partners.aimbase,
      },
      abc: { apiVersion: '1.0.0', lobs: [], ...partners.abc },
    },
  } satisfies RuntimeConfig)
  return { ...config, partners: config.partners as Partners }
}
