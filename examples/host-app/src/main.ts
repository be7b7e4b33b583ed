// Acme Portal's entry. On the sign-in callback the login request goes out before any React is
// fetched; everywhere else the app loads in parallel with sso-bridge's start.
import { isCallbackPage, startCallback } from 'sso-bridge/callback'
import { CALLBACK_PATH } from './sso-paths.ts'

const start = startCallback({ callbackPath: CALLBACK_PATH })
// startCallback never rejects: a failed callback reaches sso-bridge's views once React is up.
if (isCallbackPage(CALLBACK_PATH)) await start
const { renderApp } = await import('./app.tsx')
renderApp(start)
