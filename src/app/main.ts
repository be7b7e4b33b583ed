// Entry script. Kept free of React so that on the callback page the single login request starts as
// soon as this script runs (with the settings the sign-in saved in this tab); the React app is
// fetched afterwards as its own chunk, beside the exchange and the config file. It renders once
// the config file is read: a suspended first render would hold the signed-in view back (React
// throttles what follows a fallback).
import { startCallback } from 'sso-bridge/callback'

const start = startCallback()
const { renderApp } = await import('./render.tsx')
await renderApp(await start)
