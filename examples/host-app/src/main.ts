// Acme Portal's entry. On the sign-in callback the login request goes out before any React is
// fetched; everywhere else the app loads in parallel with sso-bridge's start.
import { isCallbackPage, startCallback } from 'sso-bridge/callback'
import { CALLBACK_PATH } from './sso-paths.ts'

const onCallback = isCallbackPage(CALLBACK_PATH) // asked first: startCallback cleans the URL
const start = startCallback({ callbackPath: CALLBACK_PATH })
// Settled either way: a failed callback is shown by sso-bridge's views once React is up.
if (onCallback) await Promise.allSettled([start])
const { renderApp } = await import('./app.tsx')
renderApp(start)
