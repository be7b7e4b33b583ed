// The API key the auth backend expects in `Authorization: Bearer <key>`. Only the BFF
// holds it (docs/architecture.md §1: the browser app holds no backend secret).
import { timingSafeEqual } from 'node:crypto'

const DEFAULT_API_KEY = 'sandbox-indee-api-key'

/** env SANDBOX_INDEE_API_KEY, or the sandbox default. */
export function indeeApiKey(): string {
  const fromEnv = process.env['SANDBOX_INDEE_API_KEY']
  return fromEnv === undefined || fromEnv === '' ? DEFAULT_API_KEY : fromEnv
}

export function hasApiKey(authorization: string | undefined, apiKey: string): boolean {
  const match = /^Bearer (\S+)$/i.exec(authorization ?? '')
  if (match?.[1] === undefined) return false
  const given = Buffer.from(match[1])
  const expected = Buffer.from(apiKey)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
