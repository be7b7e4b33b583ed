// The runtime config's full check (zod, every field: partners/runtime-config.ts) is a chunk of its
// own. A tab checks a config file once: the checked result is kept in this tab's sessionStorage
// beside the exact text it was checked from, and a page of the same tab that loads the same text
// (the callback page after the sign-in page, a reload) uses it without loading the check. Any
// other text, a missing or unreadable entry, or a browser that keeps nothing: the check runs.
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

/** The config this tab checked from exactly `text`, if it did. */
function checkedBefore(text: string): RuntimeConfig | undefined {
  try {
    const kept: unknown = JSON.parse(storage()?.getItem(KEY) ?? 'null')
    if (!isObject(kept) || kept['text'] !== text || !isObject(kept['config'])) return undefined
    return kept['config'] as unknown as RuntimeConfig
  } catch {
    return undefined
  }
}

function remember(text: string, result: ConfigResult<RuntimeConfig>): void {
  try {
    if (result.ok) storage()?.setItem(KEY, JSON.stringify({ text, config: result.config }))
    else storage()?.removeItem(KEY)
  } catch {
    // Nothing kept: the next page checks again.
  }
}

/**
 * The runtime config, checked: at once when this tab checked the same text before (or the file
 * could not be loaded), else once the check's code has loaded.
 */
export function checkConfig(
  file: ConfigFile,
): ConfigResult<RuntimeConfig> | Promise<ConfigResult<RuntimeConfig>> {
  if (!file.ok) return { ok: false, issues: file.issues }
  const text = JSON.stringify(file.value)
  const config = checkedBefore(text)
  if (config !== undefined) return { ok: true, config }
  return loadConfigCheck().then(({ parseRuntimeConfig }) => {
    const result = parseRuntimeConfig(file.value)
    remember(text, result)
    return result
  })
}
