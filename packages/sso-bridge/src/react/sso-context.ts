import { createContext, useContext, type ComponentType } from 'react'
import type { CallbackSuccess } from '../core/callback.ts'
import type { Services } from './services.ts'
import type { SessionSource } from './session-query.ts'
import type { SsoPaths } from './sso-paths.ts'
import type {
  ConfigErrorViewProps,
  ErrorViewProps,
  HandoffConfirmViewProps,
  NotFoundViewProps,
  ProgressViewProps,
  SignInViewProps,
} from './views.ts'

export type { SsoPaths } from './sso-paths.ts'

/** Every view sso-bridge shows: the host's, or ours where it gave none. */
export interface SsoViewSet {
  readonly Error: ComponentType<ErrorViewProps>
  readonly Progress: ComponentType<ProgressViewProps>
  readonly ConfigError: ComponentType<ConfigErrorViewProps>
  readonly SignIn: ComponentType<SignInViewProps>
  readonly NotFound: ComponentType<NotFoundViewProps>
  readonly HandoffConfirm: ComponentType<HandoffConfirmViewProps>
}

export interface SsoContextValue {
  readonly services: Services
  /** The login exchange the entry script started, if this page load is the callback. */
  readonly callback: Promise<CallbackSuccess> | undefined
  /** What the session query reads (the BFF, and this page's exchange to wait for). */
  readonly session: SessionSource
  readonly paths: SsoPaths
  readonly views: SsoViewSet
  /** The host's shell shows the support contact on every page (createSso's `shellShowsSupport`). */
  readonly supportInShell: boolean
}

export const SsoContext = createContext<SsoContextValue | undefined>(undefined)

/** sso-bridge's services and settings; only inside SsoProvider. */
export function useSso(): SsoContextValue {
  const value = useContext(SsoContext)
  if (value === undefined)
    throw new Error('sso-bridge: this component must be inside <SsoProvider>')
  return value
}
