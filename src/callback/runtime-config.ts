// Loads public/sso.config.json once. index.html preloads it (same URL, same fetch mode), so this
// request is served from the preload cache and never waits for React.
import type { ConfigResult } from '../core/config.ts'
import { parseRuntimeConfig, type RuntimeConfig } from '../partners/runtime-config.ts'

export const CONFIG_URL = '/sso.config.json'

export async function loadRuntimeConfig(): Promise<ConfigResult<RuntimeConfig>> {
  let body: unknown
  try {
    const response = await fetch(CONFIG_URL, { credentials: 'same-origin' })
    if (!response.ok) {
      return {
        ok: false,
        issues: [{ path: CONFIG_URL, message: `could not be loaded (HTTP ${response.status})` }],
      }
    }
    body = await response.json()
  } catch {
    return {
      ok: false,
      issues: [{ path: CONFIG_URL, message: 'could not be loaded or is not JSON' }],
    }
  }
  return parseRuntimeConfig(body)
}
