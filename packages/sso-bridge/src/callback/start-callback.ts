// The callback entry before any framework loads (docs/decisions/001-callback-before-react.md):
// clean the URL at once and on the callback page send the one login request, with the settings
// this tab saved when the sign-in started (callback-settings.ts), then load the config file for
// the React part. Nothing here imports zod or config.ts, so the person waits only for this small
// script before the exchange starts (and for the config file too when no settings were saved).
import { createBffLogin } from '../core/bff-login.ts'
import { handleCallback, type CallbackSuccess } from '../core/callback.ts'
import { browserFetch, browserTransactions } from './browser.ts'
import { readCallbackConfig, type CallbackConfig } from './callback-config.ts'
import { dropStaleCallbackSettings, takeCallbackSettings } from './callback-settings.ts'
import { DEFAULT_CALLBACK_PATH } from '../core/return-to.ts'
import { takeCallbackUrl } from './callback-url.ts'
import { loadConfigFile, type ConfigFile } from './config-file.ts'

export interface StartCallbackOptions {
  /** URL of the runtime config JSON. Default '/sso.config.json'. */
  readonly configUrl?: string
  /** The path the identity provider redirects back to. Default '/sso/callback'. */
  readonly callbackPath?: string
}

export interface SsoStart {
  readonly configUrl: string
  readonly callbackPath: string
  /**
   * The config file's JSON as loaded (the React part validates all of it with zod), or why it could
   * not be loaded.
   */
  readonly configFile: ConfigFile
  /** The login exchange, when this page load is the callback; undefined on any other page. */
  readonly callback: Promise<CallbackSuccess> | undefined
}

const DEFAULT_CONFIG_URL = '/sso.config.json'

// One start per page load: a second call (a re-run entry, a StrictMode effect) gets the first
// call's result, since the first already took the callback URL out of the address bar.
let started: Promise<SsoStart> | undefined

/**
 * Cleans the callback URL synchronously (history.replaceState before any await) and on the
 * callback page sends the one login request: before it returns when this tab saved the callback's
 * settings at sign-in, else once the config file is read. Resolves once the config file is loaded
 * and that request has been sent (or there is nothing to send).
 */
export function startCallback(options: StartCallbackOptions = {}): Promise<SsoStart> {
  started ??= start(
    options.configUrl ?? DEFAULT_CONFIG_URL,
    options.callbackPath ?? DEFAULT_CALLBACK_PATH,
  )
  return started
}

async function start(configUrl: string, callbackPath: string): Promise<SsoStart> {
  // Before the first await (docs/architecture.md §2 "History").
  const href = takeCallbackUrl(callbackPath)
  if (href === undefined) dropStaleCallbackSettings()
  const saved = href === undefined ? undefined : takeCallbackSettings()
  let callback = href === undefined || saved === undefined ? undefined : exchange(href, saved)
  const configFile = await loadConfigFile(configUrl)
  if (href !== undefined && callback === undefined && configFile.ok) {
    const config = readCallbackConfig(configFile.value)
    // A bad field stops the exchange; the React part shows the config error page for it.
    if (config.ok) callback = exchange(href, config.config)
  }
  return { configUrl, callbackPath, configFile, callback }
}

// Runs without an await up to the login request, so it has been sent when this returns.
function exchange(href: string, config: CallbackConfig): Promise<CallbackSuccess> {
  const login = (async () => {
    const store = browserTransactions(config.transactionTtlSeconds)
    const backend = createBffLogin({
      fetch: browserFetch,
      apiBase: config.apiBase,
      timeoutMs: config.requestTimeoutMs,
    })
    return handleCallback(href, { store, backend, config })
  })()
  // The React part reports the outcome; this only keeps a rejection from being unhandled.
  login.catch(() => undefined)
  return login
}
