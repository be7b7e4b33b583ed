// sso-bridge/callback: the React-free callback entry. A host app's entry script calls
// startCallback before any framework loads.
export type { CallbackSuccess } from './core/callback.ts'
export { isCallbackPage } from './callback/callback-url.ts'
export {
  startCallback,
  type SsoStart,
  type StartCallbackOptions,
} from './callback/start-callback.ts'
export type { ConfigFile } from './callback/config-file.ts'
export type { ConfigIssue } from './core/config-rules.ts'
export type { SessionView } from './core/session.ts'
