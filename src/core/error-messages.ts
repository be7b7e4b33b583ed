// Words for people (docs/architecture.md §5 "One closed error set"): every code has a title and a
// plain message with a next step. A Record over the closed code set, so a new code without words
// does not compile.
import { isSsoError, type SsoErrorCode } from './errors.ts'

export interface ErrorMessage {
  readonly title: string
  readonly message: string
}

export const ERROR_MESSAGES: Record<SsoErrorCode, ErrorMessage> = {
  state_missing: {
    title: 'This page was opened without a sign-in',
    message:
      'The sign-in page was opened directly, not by your sign-in provider. Start a new sign-in.',
  },
  state_mismatch: {
    title: 'This sign-in does not belong to this tab',
    message:
      'We could not find the sign-in this link belongs to. It may have been started in another tab or browser. Start a new sign-in here.',
  },
  state_expired: {
    title: 'This sign-in took too long',
    message:
      'The sign-in was not finished in time, so it was cancelled for your safety. Start a new sign-in.',
  },
  state_used: {
    title: 'This sign-in link was already used',
    message: 'Each sign-in link works only once. Start a new sign-in.',
  },
  issuer_mismatch: {
    title: 'The answer came from the wrong sign-in provider',
    message:
      'The sign-in answer did not come from the provider this app trusts, so it was refused. Start a new sign-in; if this keeps happening, contact your IT support.',
  },
  provider_error: {
    title: 'Your sign-in provider stopped the sign-in',
    message:
      'Your sign-in provider did not sign you in. Read its message below, then start a new sign-in or contact your IT support.',
  },
  invalid_callback: {
    title: 'The sign-in answer was incomplete',
    message:
      'The answer from your sign-in provider was missing information we need. Start a new sign-in.',
  },
  login_failed: {
    title: 'We could not sign you in',
    message:
      'The sign-in service did not accept this sign-in. Check that you used your work email, then try again. If it keeps failing, contact your IT support.',
  },
  sign_in_not_bound: {
    title: 'This sign-in was started in another browser',
    message:
      'For your safety a sign-in can only be finished in the browser that started it. Start a new sign-in here.',
  },
  rate_limited: {
    title: 'Too many sign-in attempts',
    message:
      'There were too many sign-in attempts from your network. Wait a minute, then try again.',
  },
  session_expired: {
    title: 'Your session has ended',
    message: 'You were signed out because your session expired. Sign in again to continue.',
  },
  backend_unavailable: {
    title: 'The sign-in service is not available',
    message:
      'We could not reach the sign-in service. Check your connection and try again in a moment.',
  },
  invalid_response: {
    title: 'The sign-in service gave an unexpected answer',
    message: 'We did not understand the answer from the sign-in service. Try again in a moment.',
  },
  timeout: {
    title: 'The sign-in service took too long to answer',
    message: 'No answer came in time. Check your connection and try again.',
  },
  storage_unavailable: {
    title: 'This browser is blocking sign-in',
    message:
      'Sign-in needs this tab to keep a little information while you sign in, and the browser refused. Turn off private browsing or allow site data for this site, then try again.',
  },
  config_invalid: {
    title: 'This app is not set up correctly',
    message: 'Its configuration has errors, listed below. Ask the team that runs it to fix them.',
  },
  untrusted_redirect: {
    title: 'We stopped a redirect to an unknown site',
    message:
      'The app was asked to send you to a site it is not set up to trust, so it did not. Try again; if this keeps happening, contact your IT support.',
  },
  invalid_handoff_input: {
    title: 'This partner link is not valid',
    message:
      'The link is missing information or has values we cannot use. Go back and open the partner link again.',
  },
  handoff_unauthorized: {
    title: 'Your session was not accepted',
    message:
      'The partner service did not accept your session. Sign in again, then open the partner link again.',
  },
  handoff_forbidden: {
    title: 'You do not have access to this partner',
    message:
      'Your account is not allowed to open this partner service. Ask your administrator for access.',
  },
  handoff_bad_request: {
    title: 'The partner service refused the request',
    message:
      'The partner service said the request was not valid. Try again; if it keeps failing, contact your IT support.',
  },
  handoff_not_acceptable: {
    title: 'The partner service cannot be reached from here',
    message:
      'The partner service does not accept requests from this network or address. Contact your IT support.',
  },
  handoff_rejected: {
    title: 'The partner service turned down the request',
    message:
      'The partner service did not open a session for you. Read its message below, then try again.',
  },
  handoff_unavailable: {
    title: 'The partner service is not available',
    message: 'We could not reach the partner service. Try again in a moment.',
  },
  handoff_expired: {
    title: 'The partner link expired before we could open it',
    message: 'The one-time link to the partner expired while this tab was waiting. Try again.',
  },
}

export interface DescribedError extends ErrorMessage {
  readonly code: SsoErrorCode
  /** Provider or vendor text, to be shown as text (never as HTML). */
  readonly detail?: string
}

/**
 * Words for any thrown value; `words` (a partner's own, for example) replace the general ones for
 * their codes. An SsoError keeps its code and detail; anything else (a bug, an unexpected
 * exception) is shown as `backend_unavailable`, whose next step (try again) fits, and its message
 * is not shown, since it is not written for people and might carry internals.
 */
export function describeError(
  error: unknown,
  words: Partial<Record<SsoErrorCode, ErrorMessage>> = {},
): DescribedError {
  if (!isSsoError(error))
    return { code: 'backend_unavailable', ...ERROR_MESSAGES.backend_unavailable }
  const chosen = words[error.code] ?? ERROR_MESSAGES[error.code]
  return error.detail === undefined || error.detail === ''
    ? { code: error.code, ...chosen }
    : { code: error.code, ...chosen, detail: error.detail }
}
