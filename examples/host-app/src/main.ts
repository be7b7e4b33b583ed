// Acme CRM's entry. On the sign-in callback the login request is already out when startCallback
// returns (sso-bridge kept its settings when the sign-in started), so the app is fetched beside
// the exchange; everywhere else beside sso-bridge's start.
import { startCallback } from 'sso-bridge/callback'

// startCallback never rejects: a failed callback reaches sso-bridge's views once React is up.
const start = startCallback({ callbackPath: '/login/complete' })
const { renderApp } = await import('./app.tsx')
// Rendered with the settled start: a first render that suspends would hold the signed-in view
// back (React throttles what follows a fallback).
renderApp(await start)
