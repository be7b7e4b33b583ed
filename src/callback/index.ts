// sso-bridge/callback: the React-free callback entry (placeholder; filled as the API lands).
export type { CallbackSuccess } from '../core/callback.ts'
