// sso-bridge/core: the framework-free public surface. Everything a host may import from this entry
// is listed here; anything else is internal and may change.
export {
  SsoError,
  isSsoError,
  SSO_ERROR_CODES,
  type SsoErrorCode,
  type SsoErrorOptions,
} from './errors.ts'
export {
  ERROR_MESSAGES,
  NEXT_STEP_LABELS,
  describeError,
  type DescribedError,
  type ErrorGuide,
  type ErrorMessage,
  type ErrorSource,
  type NextStep,
  type PartnerContext,
} from './error-messages.ts'
export {
  brandingSchema,
  contrastRatio,
  pageTitle,
  supportHref,
  type BrandColors,
  type Branding,
  type SupportContact,
} from './branding.ts'
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
export type { AllowedRedirect } from './allowed-redirect.ts'
export type { FetchLike } from './http.ts'
export type { AssureSignConfig, AssureSignInput } from '../partners/assuresign.ts'
export type { AimbaseConfig, AimbaseInput } from '../partners/aimbase.ts'
export type { AbcConfig, LobInput } from '../partners/abc.ts'
export type {
  AnyPartnerAdapter,
  HandoffErrorCode,
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
  type ProviderName,
  type Transaction,
  type TransactionStore,
  type TransactionStoreOptions,
} from './transaction-store.ts'
export { handleCallback, type CallbackDeps, type CallbackSuccess } from './callback.ts'
export type {
  CheckedCallback,
  CodeCallback,
  ErrorCallback,
  IssuerRule,
  ValidatedCallback,
} from './validated-callback.ts'
export { startSignIn, type StartSignInDeps } from './sign-in.ts'
export { createBffClient } from './bff-client.ts'
export type { BffClientOptions } from './bff-login.ts'
export type { AuthBackend, LoginBackend, SessionState, SignedOutReason } from './auth-backend.ts'
export type { SessionView } from './session.ts'
// The wire contract's shapes a public declaration names (sso/initiate's answer, the partners).
export type {
  InitiateAnswer as InitiateResult,
  PartnerRequests,
} from '../../../contract/src/contract.ts'
export { safeReturnTo } from './return-to.ts'
