// Entry script. Kept free of React so that on /sso/callback the single login request starts as
// soon as the runtime config is read; the React app is fetched afterwards as its own chunk.
import { takeCallbackUrl } from '../callback/callback-url.ts'
import { loadRuntimeConfig } from '../callback/runtime-config.ts'
import { createServices } from '../callback/services.ts'
import { handleCallback } from '../core/callback.ts'
import type { Boot } from './boot.ts'

// Before any await: the URL with `code` and `state` leaves the address bar and history.
const callbackHref = takeCallbackUrl()

async function boot(): Promise<Boot> {
  const configResult = await loadRuntimeConfig()
  if (!configResult.ok) return { kind: 'config-error', issues: configResult.issues }
  let services
  try {
    services = createServices(configResult.config)
  } catch (error) {
    return { kind: 'fatal', error }
  }
  if (callbackHref === undefined) return { kind: 'ready', services, callback: undefined }
  const callback = handleCallback(callbackHref, {
    store: services.transactions,
    backend: services.backend,
    config: services.config,
  })
  // The callback view reports the outcome; this only keeps the rejection from being "unhandled".
  callback.catch(() => undefined)
  return { kind: 'ready', services, callback }
}

const booted = boot()
// Off the callback page React loads in parallel with the config; on it, after the login request.
const render = callbackHref === undefined ? import('./render.tsx') : undefined
const result = await booted
const { renderApp } = await (render ?? import('./render.tsx'))
renderApp(result)
