// A valid runtime config for unit tests, pointing at the sandbox's default ports.
import { runtimeConfigSchema, type RuntimeConfig } from '../config.ts'

export const TEST_ISSUER = 'http://127.0.0.1:4010'

export function testConfig(
  identityProvider: Partial<RuntimeConfig['identityProvider']> = {},
): RuntimeConfig {
  return runtimeConfigSchema.parse({
    apiBase: '/api',
    identityProvider: { issuer: TEST_ISSUER, requireIssuer: true, ...identityProvider },
    requestTimeoutMs: 8000,
    transactionTtlSeconds: 600,
    refreshLeewaySeconds: 60,
    partners: {
      assuresign: { origin: 'http://127.0.0.1:4030', envelopes: [] },
      aimbase: { origin: 'http://127.0.0.1:4040', format: 'json', accounts: [] },
      abc: { apiVersion: '1.0.0', lobs: [] },
    },
  })
}
