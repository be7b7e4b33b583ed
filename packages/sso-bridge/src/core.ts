// sso-bridge/core: the framework-free public surface. Everything a host may import from this entry
// is listed here; anything else is internal and may change.
export {
  SsoError,
  isSsoError,
  SSO_ERROR_CODES,
  type SsoErrorCode,
  type SsoErrorOptions,
} from './core/errors.ts'
export {
  ERROR_MESSAGES,
  NEXT_STEP_LABELS,
  describeError,
  type DescribedError,
  type ErrorGuide,
  type ErrorMessage,
  type ErrorSeverity,
  type ErrorSource,
  type NextStep,
  type PartnerContext,
} from './core/error-messages.ts'
export type { MessageId, MessageValues } from './i18n/catalog.ts'
export { englishCatalog } from './i18n/en.ts'
export {
  brandingSchema,
  contrastRatio,
  type BrandColors,
  type BrandLinks,
  type Branding,
  type DarkBrandColors,
  type SupportContact,
} from './core/branding.ts'
export { DARK_SURFACES, pageTitle, supportHref } from './core/brand-display.ts'
export type {
  ConfigIssue,
  ConfigResult,
  CoreConfig,
  EndSessionConfig,
  IdentityProviderConfig,
} from './core/config.ts'
export {
  parseRuntimeConfig,
  runtimeConfigSchema,
  type RuntimeConfig,
} from './partners/runtime-config.ts'
// The partners and their public types: the registry is their one list, so a partner added there
// is public here without a line of its own.
export * from './partners/registry.ts'
export type { AllowedRedirect } from './core/allowed-redirect.ts'
export type { FetchLike } from './core/http.ts'
export type {
  AnyPartnerAdapter,
  HandoffDetail,
  HandoffErrorCode,
  HandoffLink,
  HandoffRequest,
  HandoffTarget,
  PartnerAdapter,
  PartnerDestination,
} from './core/handoff.ts'
export {
  runHandoff,
  leaveFor,
  whenVisible,
  type HandoffRunDeps,
  type LeavingPage,
} from './core/handoff-run.ts'
export {
  createTransactionStore,
  type ProviderName,
  type Transaction,
  type TransactionStore,
  type TransactionStoreOptions,
} from './core/transaction-store.ts'
export { handleCallback, type CallbackDeps, type CallbackSuccess } from './core/callback.ts'
export type {
  CheckedCallback,
  CodeCallback,
  ErrorCallback,
  IssuerRule,
  ValidatedCallback,
} from './core/validated-callback.ts'
export { startSignIn, type StartSignInDeps } from './core/sign-in.ts'
export { createBffClient } from './core/bff-client.ts'
export type { BffClientOptions } from './core/bff-login.ts'
export type {
  AuthBackend,
  LoginBackend,
  SessionState,
  SignedOutReason,
} from './core/auth-backend.ts'
export type { SessionView } from './core/session.ts'
// The wire contract's shapes a public declaration names (sso/initiate's answer, the partners).
export type {
  InitiateAnswer as InitiateResult,
  PartnerRequests,
} from '../../contract/src/contract.ts'
export { safeReturnTo } from './core/return-to.ts'
