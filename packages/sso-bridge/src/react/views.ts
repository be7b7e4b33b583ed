// The views a host may replace (through SsoProvider's `views`). The defaults are ours and carry
// class names only, no CSS: the host's style sheet decides how they look.
import type { ComponentType } from 'react'
import type { Branding, SupportContact } from '../core/branding.ts'
import type { ConfigIssue } from '../core/config.ts'
import type { DescribedError } from '../core/error-messages.ts'
import type { HandoffDetail } from '../core/handoff.ts'

/** The way forward an error view offers: a button that does what its label says. */
export interface ErrorAction {
  readonly label: string
  readonly run: () => void
}

export interface ErrorViewProps {
  /** Code, title and message for people, and any vendor text (to be shown as text only). */
  readonly error: DescribedError
  /**
   * The way forward the code calls for: "Try again" where trying again can succeed, else "Back to
   * home" or "Start a new sign-in". Always given by sso-bridge's routes.
   */
  readonly action?: ErrorAction | undefined
  /** A second way out beside a retry at a partner: "Back to home". */
  readonly secondaryAction?: ErrorAction | undefined
  /** Who to contact, given when the message tells the person to contact support. */
  readonly support?: SupportContact | undefined
  /**
   * True when the host's shell already shows `support` on this page (createSso's
   * `shellShowsSupport`): name the contact and point to it rather than repeat its link.
   */
  readonly supportInShell?: boolean | undefined
}

export interface ProgressViewProps {
  /** The step under way, e.g. "Opening AssureSign…": the view's heading. */
  readonly message: string
}

export interface ConfigErrorViewProps {
  readonly issues: readonly ConfigIssue[]
  /** Loads the page again (once the config is fixed). */
  readonly action?: ErrorAction | undefined
}

export interface SignInViewProps {
  /** Why the person is signed out, when it was not their own choice. */
  readonly notice?: string | undefined
  /**
   * The work email this tab last started a sign-in with, to fill the field in (after a cancel or
   * a failed sign-in); undefined after sign-out or in a new tab.
   */
  readonly email?: string | undefined
  /** Starts the sign-in for `email` (already trimmed; checked again by the core). */
  readonly onSubmit: (email: string) => void
  /** True from submit until the browser leaves for the identity provider. */
  readonly pending: boolean
  /**
   * True right after the person signed out in this tab: the view confirms it (focus on its
   * heading) and offers to sign in again.
   */
  readonly signedOut?: boolean | undefined
  /**
   * The runtime config's branding (what `useBranding()` gives): ours shows the logo and product
   * name at the card's top and "to continue to {productName}" under its heading. Undefined
   * without branding: no product line then.
   */
  readonly branding?: Branding | undefined
  /**
   * True when the identity provider has ended its own session too (`identityProvider.endSession`
   * and the provider sent this tab back). Otherwise a signed-out view should say the person may
   * still be signed in at their organisation's sign-in page.
   */
  readonly signedOutAtProvider?: boolean | undefined
  /** Where the person can sign out at their organisation (`identityProvider.accountPageUrl`). */
  readonly accountPageUrl?: string | undefined
}

export interface NotFoundViewProps {
  /** "Back to home". */
  readonly action: ErrorAction
}

export interface HandoffConfirmViewProps {
  /** The partner's name for people ("AssureSign"): the question is "Continue to AssureSign?". */
  readonly partnerLabel: string
  /**
   * Where the hand-off leads, one term and description each ("Envelope": "Demo envelope"), from
   * the link and the runtime config's labels. Plain text: never render it as HTML.
   */
  readonly destination: readonly HandoffDetail[]
  /** Runs the hand-off. */
  readonly onContinue: () => void
  /** Goes home, replacing the hand-off page in history. */
  readonly onCancel: () => void
}

export interface SsoViews {
  readonly Error?: ComponentType<ErrorViewProps>
  readonly Progress?: ComponentType<ProgressViewProps>
  readonly ConfigError?: ComponentType<ConfigErrorViewProps>
  readonly SignIn?: ComponentType<SignInViewProps>
  /** An address of sso-bridge's routes this deployment does not serve (a partner left out). */
  readonly NotFound?: ComponentType<NotFoundViewProps>
  /** The question before a hand-off that did not start with a click inside the app. */
  readonly HandoffConfirm?: ComponentType<HandoffConfirmViewProps>
}
