// Loads the runtime config file once, as JSON, without checking it: the callback checks the few
// fields it needs (callback-config.ts) and the React part all of them. index.html preloads the
// same URL with the same fetch mode, so this request is served from the preload cache.
import type { ConfigIssue } from '../core/config-rules.ts'

export type ConfigFile =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issues: readonly ConfigIssue[] }

export async function loadConfigFile(url: string): Promise<ConfigFile> {
  const failed = (message: string): ConfigFile => ({ ok: false, issues: [{ path: url, message }] })
  try {
    const response = await fetch(new URL(url, window.location.href).href, {
      credentials: 'same-origin',
    })
    if (!response.ok) return failed(`could not be loaded (HTTP ${response.status})`)
    return { ok: true, value: (await response.json()) as unknown }
  } catch {
    return failed('could not be loaded or is not JSON')
  }
}
