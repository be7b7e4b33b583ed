// sso-bridge/react: the public React bindings. Everything a host may import from this entry is
// listed here; anything else is internal and may change.
export {
  createSso,
  type CreateSsoOptions,
  type Sso,
  type SsoShellProps,
} from './react/create-sso.tsx'
export type { SsoPathOptions, SsoPaths } from './react/sso-paths.ts'
export { SsoProvider, type SsoProviderProps } from './react/sso-provider.tsx'
export { PageTitle, SupportLink, useBranding, usePageTitle } from './react/branding.tsx'
export { DARK_SURFACES } from './core/brand-display.ts'
export { describeError } from './core/error-messages.ts'
export { RequireSession, requireSession } from './react/require-session.tsx'
export { LanguageSwitcher, useSsoText, type SsoI18nOptions, type SsoText } from './react/i18n.tsx'
export type { Catalog, CatalogOverrides, MessageId, MessageValues } from './i18n/catalog.ts'
export { englishCatalog } from './i18n/en.ts'
export { useSession, type SessionStatus } from './react/use-session.ts'
export { useSignIn, type SignIn } from './react/use-sign-in.ts'
export { useSignOut, type SignOut } from './react/use-sign-out.ts'
export {
  groupByPartner,
  PartnerLink,
  usePartnerDestinationGroups,
  usePartnerDestinations,
  type Destination,
  type DestinationGroup,
  type PartnerLinkProps,
} from './react/partner-link.tsx'
export { handoffState, type HandoffState } from './react/handoff-state.ts'
export {
  ConfigErrorView,
  ErrorView,
  HandoffConfirmView,
  NotFoundView,
} from './react/lazy-views.tsx'
export { ProgressView } from './react/progress-view.tsx'
export { SignInForm } from './react/sign-in-form.tsx'
export type {
  ConfigErrorViewProps,
  ErrorAction,
  ErrorViewProps,
  HandoffConfirmViewProps,
  NotFoundViewProps,
  ProgressViewProps,
  SignInViewProps,
  SsoViews,
} from './react/views.ts'
// What the public API above refers to, so this entry's declarations stand alone.
export type { CallbackSuccess, ConfigFile, SsoStart } from './callback.ts'
export type { ConfigIssue } from './core/config-rules.ts'
export type {
  PartnerContext,
  DescribedError,
  ErrorGuide,
  ErrorMessage,
  ErrorSeverity,
  ErrorSource,
  NextStep,
} from './core/error-messages.ts'
export type {
  BrandColors,
  BrandLinks,
  Branding,
  DarkBrandColors,
  SupportContact,
} from './core/branding.ts'
export { SSO_ERROR_CODES, type SsoErrorCode } from './core/errors.ts'
export type { HandoffDetail } from './core/handoff.ts'
export type { SessionView } from './core/session.ts'
export type { SignedOutReason } from './core/auth-backend.ts'
export { PARTNER_NAMES, type PartnerName } from './partners/links.ts'
export type { AimbaseInput, AssureSignInput, LobInput, PartnerInputs } from './partners/registry.ts'
export type { PartnerRequests } from '../../contract/src/contract.ts'
