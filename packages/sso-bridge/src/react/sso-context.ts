import { createContext, useContext, type ComponentType } from 'react'
import type { CallbackSuccess } from '../core/callback.ts'
import type { Services } from './services.ts'
import type {
  ConfigErrorViewProps,
  ErrorViewProps,
  NotFoundViewProps,
  ProgressViewProps,
  SignInViewProps,
} from './views.ts'

export interface SsoPaths {
  /** Where the sign-in page is; a signed-out person is sent here with `?returnTo=`. */
  readonly signIn: string
  /** Where "Back to home" goes, and what replaces a hand-off page in history. */
  readonly home: string
  /** Where the hand-off routes are mounted. */
  readonly handoff: string
  /** Where the identity provider sends people back (never a return path). */
  readonly callback: string
}

export interface SsoContextValue {
  readonly services: Services
  /** The login exchange the entry script started, if this page load is the callback. */
  readonly callback: Promise<CallbackSuccess> | undefined
  readonly paths: SsoPaths
  readonly views: {
    readonly Error: ComponentType<ErrorViewProps>
    readonly Progress: ComponentType<ProgressViewProps>
    readonly ConfigError: ComponentType<ConfigErrorViewProps>
    readonly SignIn: ComponentType<SignInViewProps>
    readonly NotFound: ComponentType<NotFoundViewProps>
  }
}

export const SsoContext = createContext<SsoContextValue | undefined>(undefined)

/** sso-bridge's services and settings; only inside SsoProvider. */
export function useSso(): SsoContextValue {
  const value = useContext(SsoContext)
  if (value === undefined)
    throw new Error('sso-bridge: this component must be inside <SsoProvider>')
  return value
}
