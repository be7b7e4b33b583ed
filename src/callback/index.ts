// sso-bridge/callback: the React-free callback entry (placeholder until the entry lands; the
// SsoStart shape below is the agreed contract).
import type { CallbackSuccess } from '../core/callback.ts'
import type { ConfigIssue } from '../core/config.ts'
export type { CallbackSuccess }

export interface SsoStart {
  readonly configUrl: string
  readonly callbackPath: string
  readonly configFile:
    | { readonly ok: true; readonly value: unknown }
    | { readonly ok: false; readonly issues: readonly ConfigIssue[] }
  readonly callback: Promise<CallbackSuccess> | undefined
}

// Interim implementation (replaced by the zod-free entry).
import { createBffClient } from '../core/bff-client.ts'
import { handleCallback } from '../core/callback.ts'
import { safeSessionStorage } from '../core/storage.ts'
import { createTransactionStore } from '../core/transaction-store.ts'
import { parseRuntimeConfig } from '../partners/runtime-config.ts'

export interface StartCallbackOptions {
  readonly configUrl?: string
  readonly callbackPath?: string
}

export function isCallbackPage(callbackPath = '/sso/callback'): boolean {
  return window.location.pathname === callbackPath
}

export async function startCallback(options: StartCallbackOptions = {}): Promise<SsoStart> {
  const configUrl = options.configUrl ?? '/sso.config.json'
  const callbackPath = options.callbackPath ?? '/sso/callback'
  let href: string | undefined
  if (isCallbackPage(callbackPath)) {
    href = window.location.href
    window.history.replaceState(null, '', callbackPath)
  }
  let value: unknown
  try {
    const response = await fetch(configUrl, { credentials: 'same-origin' })
    if (!response.ok) {
      return {
        configUrl,
        callbackPath,
        callback: undefined,
        configFile: {
          ok: false,
          issues: [{ path: configUrl, message: `could not be loaded (HTTP ${response.status})` }],
        },
      }
    }
    value = await response.json()
  } catch {
    return {
      configUrl,
      callbackPath,
      callback: undefined,
      configFile: {
        ok: false,
        issues: [{ path: configUrl, message: 'could not be loaded or is not JSON' }],
      },
    }
  }
  const parsed = parseRuntimeConfig(value)
  if (href === undefined || !parsed.ok)
    return { configUrl, callbackPath, callback: undefined, configFile: { ok: true, value } }
  const config = parsed.config
  const run = async () => {
    const store = createTransactionStore({
      storage: safeSessionStorage(),
      now: Date.now,
      ttlMs: config.transactionTtlSeconds * 1000,
    })
    const fetchAbs = (input: string, init?: RequestInit) =>
      window.fetch(new URL(input, window.location.origin).href, init)
    const backend = createBffClient({
      fetch: fetchAbs,
      apiBase: config.apiBase,
      timeoutMs: config.requestTimeoutMs,
    })
    return handleCallback(href, { store, backend, config })
  }
  const callback = run()
  callback.catch(() => undefined)
  return { configUrl, callbackPath, callback, configFile: { ok: true, value } }
}
