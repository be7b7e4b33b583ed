import { expect, test } from 'vitest'
import { readConfig, secureCookies } from './config.ts'

const MINIMAL = {
  SSO_BFF_APP_ORIGINS: 'https://app.example.com',
  SSO_BFF_INDEE_URL: 'https://auth.example.com',
  SSO_BFF_INDEE_API_KEY: 'k',
  SSO_BFF_ASSURESIGN_URL: 'https://sign.example.com',
  SSO_BFF_ASSURESIGN_API_USERNAME: 'u',
  SSO_BFF_ASSURESIGN_API_KEY: 'k',
  SSO_BFF_AIMBASE_URL: 'https://dealer.example.com',
  SSO_BFF_AIMBASE_API_USERNAME: 'u',
  SSO_BFF_AIMBASE_API_PASSWORD: 'p',
  SSO_BFF_ABC_URL: 'https://abc.example.com',
  SSO_BFF_ABC_CLIENT_ID: 'c',
}

test('the minimal environment gives documented defaults', () => {
  const result = readConfig(MINIMAL)
  expect(result.ok && result.config).toMatchObject({
    host: '127.0.0.1',
    port: 4020,
    allowedHosts: ['app.example.com'],
    session: { idleMs: 30 * 60_000, maxMs: 24 * 3_600_000 },
    upstreamTimeoutMs: 5000,
    rateLimitPerMinute: 60,
    indee: {
      tokenIssuer: 'https://auth.example.com',
      tokenAudience: 'sso-bridge',
      jwksUrl: 'https://auth.example.com/.well-known/jwks.json',
    },
  })
  expect(result.ok && secureCookies(result.config)).toBe(true)
})

test('every bad or missing variable is named', () => {
  const result = readConfig({
    ...MINIMAL,
    SSO_BFF_APP_ORIGINS: 'https://app.example.com/login',
    SSO_BFF_PORT: 'eighty',
    SSO_BFF_INDEE_API_KEY: '',
    SSO_BFF_ABC_URL: 'ftp://abc.example.com',
  })
  expect(result.ok).toBe(false)
  const problems = result.ok ? [] : result.problems.join('\n')
  for (const name of [
    'SSO_BFF_APP_ORIGINS',
    'SSO_BFF_PORT',
    'SSO_BFF_INDEE_API_KEY',
    'SSO_BFF_ABC_URL',
  ]) {
    expect(problems).toContain(name)
  }
})

test('plain http app origins (the sandbox) get cookies without Secure', () => {
  const result = readConfig({ ...MINIMAL, SSO_BFF_APP_ORIGINS: 'http://127.0.0.1:5173' })
  expect(result.ok && secureCookies(result.config)).toBe(false)
})
