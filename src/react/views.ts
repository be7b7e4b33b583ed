// The views a host may replace (through SsoProvider's `views`). The defaults are ours and carry
// class names only, no CSS: the host's style sheet decides how they look.
import type { ComponentType } from 'react'
import type { ConfigIssue } from '../core/config.ts'
import type { DescribedError } from '../core/error-messages.ts'

/** The way forward an error view offers: a button that does what its label says. */
export interface ErrorAction {
  readonly label: string
  readonly run: () => void
}

export interface ErrorViewProps {
  /** Code, title and message for people, and any vendor text (to be shown as text only). */
  readonly error: DescribedError
  /** Absent when nothing sensible can be retried from here. */
  readonly action?: ErrorAction | undefined
}

export interface ProgressViewProps {
  readonly message: string
}

export interface ConfigErrorViewProps {
  readonly issues: readonly ConfigIssue[]
}

export interface SignInViewProps {
  /** Why the person is signed out, when it was not their own choice. */
  readonly notice?: string | undefined
  /** Starts the sign-in for `email` (already trimmed; checked again by the core). */
  readonly onSubmit: (email: string) => void
  /** True from submit until the browser leaves for the identity provider. */
  readonly pending: boolean
}

export interface SsoViews {
  readonly Error?: ComponentType<ErrorViewProps>
  readonly Progress?: ComponentType<ProgressViewProps>
  readonly ConfigError?: ComponentType<ConfigErrorViewProps>
  readonly SignIn?: ComponentType<SignInViewProps>
}
