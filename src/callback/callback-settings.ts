// The callback's settings, kept in this tab beside the sign-in that needs them: written when a
// sign-in starts (the runtime config is loaded and valid then), read on the callback page, so its
// login request waits for no config file. Read back through the same rules as the config file
// (readCallbackConfig): a record that is missing or fails them is ignored, and the callback loads
// the config file as before.
import { parseJsonText } from '../core/json.ts'
import { safeSessionStorage } from '../core/storage.ts'
import { readCallbackConfig, type CallbackConfig } from './callback-config.ts'

const SETTINGS_KEY = 'sso-bridge:callback-settings'

/**
 * Keeps the fields of `config` the callback needs. Best effort: a tab that cannot keep it loads
 * the config file on the callback page instead.
 */
export function saveCallbackSettings(config: CallbackConfig): void {
  const { apiBase, identityProvider, requestTimeoutMs, transactionTtlSeconds } = config
  const settings: CallbackConfig = {
    apiBase,
    identityProvider: {
      issuer: identityProvider.issuer,
      ...(identityProvider.allowMissingIss !== undefined && {
        allowMissingIss: identityProvider.allowMissingIss,
      }),
    },
    requestTimeoutMs,
    transactionTtlSeconds,
  }
  try {
    safeSessionStorage().setItem(SETTINGS_KEY, JSON.stringify(settings))
  } catch {
    // Without it the callback reads the config file: slower, the same checks.
  }
}

/** The settings saved when this tab's sign-in started, if they are there and pass every rule. */
export function savedCallbackSettings(): CallbackConfig | undefined {
  let text: string | null
  try {
    text = safeSessionStorage().getItem(SETTINGS_KEY)
  } catch {
    return undefined
  }
  const read = readCallbackConfig(parseJsonText(text))
  return read.ok ? read.config : undefined
}
