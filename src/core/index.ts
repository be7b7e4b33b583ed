// sso-bridge/core: the framework-free public surface. Everything a host may import from this entry
// is listed here; anything else is internal and may change.
export { SsoError, isSsoError, SSO_ERROR_CODES, type SsoErrorCode } from './errors.ts'
export {
  ERROR_MESSAGES,
  describeError,
  type DescribedError,
  type ErrorMessage,
} from './error-messages.ts'
export type { ConfigIssue, ConfigResult, CoreConfig } from './config.ts'
export {
  parseRuntimeConfig,
  runtimeConfigSchema,
  type RuntimeConfig,
} from '../partners/runtime-config.ts'
export {
  PARTNERS,
  PARTNER_NAMES,
  type PartnerConfig,
  type PartnerInput,
  type PartnerName,
} from '../partners/registry.ts'
export type {
  HandoffLink,
  HandoffRequest,
  HandoffTarget,
  PartnerAdapter,
  PartnerDestination,
} from './handoff.ts'
export {
  runHandoff,
  leaveFor,
  whenVisible,
  type HandoffRunDeps,
  type LeavingPage,
} from './handoff-run.ts'
export {
  createTransactionStore,
  type Transaction,
  type TransactionStore,
} from './transaction-store.ts'
export { handleCallback, type CallbackDeps, type CallbackSuccess } from './callback.ts'
export { startSignIn, type StartSignInDeps } from './sign-in.ts'
export { createBffClient } from './bff-client.ts'
export type { AuthBackend, SessionState, SignedOutReason } from './auth-backend.ts'
export type { SessionView } from './session.ts'
export { safeReturnTo } from './return-to.ts'
