// sso-bridge/core: the framework-free public surface (placeholder; filled as the API lands).
export { SsoError, isSsoError, type SsoErrorCode } from './errors.ts'
