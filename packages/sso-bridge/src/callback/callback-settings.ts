// The callback's settings, kept in this tab beside the sign-in that needs them: written when a
// sign-in starts (the runtime config is loaded and valid then), taken on the callback page, so its
// login request waits for no config file. Read back through the same rules as the config file
// (readCallbackConfig): a record that is missing, older than its sign-in may live, or fails a
// rule is ignored, and the callback loads the config file as before. Nothing is left behind: the
// callback page removes the record whatever it holds, and any other page a stale one.
import { parseJsonText } from '../core/json.ts'
import { isObject, isWholeNumber } from '../core/plain-checks.ts'
import { safeSessionStorage } from '../core/storage.ts'
import { readCallbackConfig, type CallbackConfig } from './callback-config.ts'

const SETTINGS_KEY = 'sso-bridge:callback-settings'

/**
 * Keeps the fields of `config` the callback needs, stamped `now`. Best effort: a tab that cannot
 * keep them loads the config file on the callback page instead.
 */
export function saveCallbackSettings(config: CallbackConfig, now: number = Date.now()): void {
  const { apiBase, identityProvider, requestTimeoutMs, transactionTtlSeconds } = config
  const record = {
    apiBase,
    identityProvider: {
      issuer: identityProvider.issuer,
      ...(identityProvider.allowMissingIss !== undefined && {
        allowMissingIss: identityProvider.allowMissingIss,
      }),
    },
    requestTimeoutMs,
    transactionTtlSeconds,
    savedAt: now,
  }
  try {
    safeSessionStorage().setItem(SETTINGS_KEY, JSON.stringify(record))
  } catch {
    // Without them the callback reads the config file: slower, the same checks.
  }
}

function storage(): Storage | undefined {
  try {
    return safeSessionStorage()
  } catch {
    return undefined
  }
}

/** The record's settings if it passes every rule and is younger than its own sign-in TTL. */
function readRecord(text: string | null, now: number): CallbackConfig | undefined {
  const value = parseJsonText(text)
  const read = readCallbackConfig(value)
  if (!read.ok || !isObject(value) || !isWholeNumber(value.savedAt, 0)) return undefined
  const age = now - value.savedAt
  return age >= 0 && age <= read.config.transactionTtlSeconds * 1000 ? read.config : undefined
}

/** Takes the settings saved when this tab's sign-in started: they are removed whatever they hold. */
export function takeCallbackSettings(now: number = Date.now()): CallbackConfig | undefined {
  const store = storage()
  try {
    const text = store?.getItem(SETTINGS_KEY) ?? null
    store?.removeItem(SETTINGS_KEY)
    return readRecord(text, now)
  } catch {
    return undefined
  }
}

/** Removes a record no callback can use any more (too old, or unreadable). */
export function dropStaleCallbackSettings(now: number = Date.now()): void {
  const store = storage()
  try {
    const text = store?.getItem(SETTINGS_KEY) ?? null
    if (text !== null && readRecord(text, now) === undefined) store?.removeItem(SETTINGS_KEY)
  } catch {
    // A tab without storage keeps nothing either.
  }
}
