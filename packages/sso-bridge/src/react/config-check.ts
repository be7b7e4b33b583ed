// The runtime config's full check (zod, every field: partners/runtime-config.ts) is a chunk of its
// own. The page that starts a sign-in keeps the config it checked in this tab's sessionStorage,
// beside the exact text it checked, and the next page of the tab takes it back out (the callback
// page, as callback-settings.ts does with the exchange's settings): when that page loads the same
// text, it uses the kept config without loading the check. Any other text, a missing or unreadable
// entry, or a browser that keeps nothing: the check runs. Nothing stays behind once that page has
// loaded.
import type { ConfigFile } from '../callback/config-file.ts'
import type { ConfigResult } from '../core/config-rules.ts'
import { isObject } from '../core/plain-checks.ts'
import type { RuntimeConfig } from '../partners/runtime-config.ts'

const KEY = 'sso-bridge:config-checked'

/** The check's code, loaded on demand (and prefetched when the browser is idle). */
export const loadConfigCheck = () => import('../partners/runtime-config.ts')

function storage(): Storage | undefined {
  try {
    return (globalThis as { sessionStorage?: Storage }).sessionStorage
  } catch {
    return undefined
  }
}

/** What this page checked, to keep when a sign-in starts. */
let lastChecked: { readonly text: string; readonly config: RuntimeConfig } | undefined

/** The kept config, removed from storage whatever it holds; undefined unless it is for `text`. */
function takeKept(text: string): RuntimeConfig | undefined {
  try {
    const raw = storage()?.getItem(KEY) ?? null
    storage()?.removeItem(KEY)
    const kept: unknown = JSON.parse(raw ?? 'null')
    if (!isObject(kept) || kept['text'] !== text || !isObject(kept['config'])) return undefined
    return kept['config'] as unknown as RuntimeConfig
  } catch {
    return undefined
  }
}

/**
 * Keeps the config this page checked for the next page of the tab (the callback page): called
 * when a sign-in starts. Nothing is kept when the page has no valid config.
 */
export function keepCheckedConfig(): void {
  if (lastChecked === undefined) return
  try {
    storage()?.setItem(KEY, JSON.stringify(lastChecked))
  } catch {
    // Nothing kept: the callback page checks again.
  }
}

/**
 * The runtime config, checked: at once when the page before kept the check of the same text (or
 * the file could not be loaded), else once the check's code has loaded.
 */
export function checkConfig(
  file: ConfigFile,
): ConfigResult<RuntimeConfig> | Promise<ConfigResult<RuntimeConfig>> {
  if (!file.ok) return { ok: false, issues: file.issues }
  const text = JSON.stringify(file.value)
  const config = takeKept(text)
  if (config !== undefined) {
    lastChecked = { text, config }
    return { ok: true, config }
  }
  return loadConfigCheck().then(({ parseRuntimeConfig }) => {
    const result = parseRuntimeConfig(file.value)
    lastChecked = result.ok ? { text, config: result.config } : undefined
    return result
  })
}
