// Entry script. Kept free of React so that on the callback page the single login request starts as
// soon as the runtime config is read; the React app is fetched afterwards as its own chunk.
import { isCallbackPage, startCallback } from 'sso-bridge/callback'

const start = startCallback()
// Off the callback page React loads in parallel with the config; on it, after the login request.
const render = isCallbackPage() ? undefined : import('./render.tsx')
const started = await start
const { renderApp } = await (render ?? import('./render.tsx'))
renderApp(started)
