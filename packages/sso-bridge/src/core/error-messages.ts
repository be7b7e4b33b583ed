// Words for people (docs/architecture.md §5 "One closed error set"): every code has a title, a
// plain message that ends with the way forward, that way forward itself (retry, home, or a new
// sign-in), whether the message sends the person to support, and who any vendor text comes from.
// A Record over the closed code set, so a new code without words does not compile.
//
// One vocabulary everywhere: "your identity provider" (the company's sign-in page), "the sign-in
// service" (the backend behind this app) and each partner by its own name.
import { isSsoError, type SsoErrorCode } from './errors.ts'
import { vendorDetail } from './vendor-detail.ts'

export interface ErrorMessage {
  readonly title: string
  readonly message: string
}

/**
 * The way forward of an error view: `retry` repeats what failed (it can succeed), `home` goes back
 * to the home page (repeating cannot succeed), `sign-in` starts a new sign-in.
 */
export type NextStep = 'retry' | 'home' | 'sign-in'

/** The button label of each way forward; every message names it in its last sentence. */
export const NEXT_STEP_LABELS: Record<NextStep, string> = {
  retry: 'Try again',
  home: 'Back to home',
  'sign-in': 'Start a new sign-in',
}

/** Who text shown with an error comes from. */
export type ErrorSource = 'identity-provider' | 'sign-in-service' | 'partner'

export interface ErrorGuide extends ErrorMessage {
  readonly next: NextStep
  /** The message tells the person to contact support (the view then shows the contact). */
  readonly askSupport: boolean
  readonly source: ErrorSource
}

/** How a message names a partner: in a sentence, and at its start. */
interface PartnerName {
  readonly name: string
  readonly Name: string
}

type PartnerCode = Extract<
  SsoErrorCode,
  | `handoff_${string}`
  | 'invalid_handoff_input'
  | 'timeout'
  | 'backend_unavailable'
  | 'invalid_response'
>

const SUPPORT = 'If this keeps happening, contact support.'

/** Words for every failure of a hand-off call, naming the partner. */
function partnerMessages({ name, Name }: PartnerName): Record<PartnerCode, ErrorMessage> {
  const unreachable = {
    title: `${Name} is not available`,
    message: `We could not reach ${name}. Try again in a moment.`,
  }
  return {
    invalid_handoff_input: {
      title: `This link to ${name} is not valid`,
      message:
        'The link is missing information or has values we cannot use. Go back to home and choose the destination there.',
    },
    handoff_unauthorized: {
      title: `${Name} did not accept the request this time`,
      message: `${Name} turned the request away. Each new try reaches ${name} with fresh credentials, so try again.`,
    },
    handoff_forbidden: {
      title: `You do not have access to ${name}`,
      message: `Your account may not use ${name}. Go back to home, and contact support if you need access.`,
    },
    handoff_bad_request: {
      title: `${Name} refused the request`,
      message: `${Name} said the request was not valid, so repeating it would not help. Go back to home. ${SUPPORT}`,
    },
    handoff_not_acceptable: {
      title: `${Name} cannot be reached from here`,
      message: `${Name} does not accept requests from this network or address. Go back to home, and contact support.`,
    },
    handoff_rejected: {
      title: `${Name} did not open a session for you`,
      message: `Read the message from ${name} below. Go back to home, and contact support if you need help.`,
    },
    handoff_unavailable: unreachable,
    backend_unavailable: unreachable,
    handoff_expired: {
      title: `The link to ${name} expired before we could open it`,
      message: `The one-time link to ${name} expired while this tab was waiting. Try again.`,
    },
    handoff_blocked: {
      title: `Your browser did not open ${name}`,
      message: `This site's security settings stopped the browser from sending you to ${name}, so nothing was sent. Trying again would not help: go back to home, and contact support so they can fix the setup.`,
    },
    timeout: {
      title: `${Name} took too long to answer`,
      message: `${Name} did not answer in time. Try again in a moment.`,
    },
    invalid_response: {
      title: `${Name} gave an unexpected answer`,
      message: `We did not understand the answer from ${name}. Try again in a moment.`,
    },
  }
}

const GENERAL_PARTNER = partnerMessages({
  name: 'the partner service',
  Name: 'The partner service',
})

const guide = (
  words: ErrorMessage,
  next: NextStep,
  source: ErrorSource,
  askSupport = false,
): ErrorGuide => ({ ...words, next, source, askSupport })

export const ERROR_MESSAGES: Record<SsoErrorCode, ErrorGuide> = {
  state_missing: guide(
    {
      title: 'This page was opened without a sign-in',
      message:
        'This address only finishes a sign-in that your identity provider sends back. Start a new sign-in.',
    },
    'sign-in',
    'identity-provider',
  ),
  state_mismatch: guide(
    {
      title: 'This sign-in does not belong to this tab',
      message:
        'We could not find the sign-in this answer belongs to. It may have been started in another tab or browser. Start a new sign-in here.',
    },
    'sign-in',
    'identity-provider',
  ),
  state_expired: guide(
    {
      title: 'This sign-in took too long',
      message:
        'The sign-in was not finished in time, so it was cancelled for your safety. Start a new sign-in.',
    },
    'sign-in',
    'identity-provider',
  ),
  state_used: guide(
    {
      title: 'This sign-in link was already used',
      message: 'Each sign-in link works only once. Start a new sign-in.',
    },
    'sign-in',
    'identity-provider',
  ),
  issuer_mismatch: guide(
    {
      title: 'The answer came from the wrong identity provider',
      message: `The sign-in answer did not come from the identity provider this app trusts, so it was refused. Start a new sign-in. ${SUPPORT}`,
    },
    'sign-in',
    'identity-provider',
    true,
  ),
  provider_error: guide(
    {
      title: 'Your identity provider stopped the sign-in',
      message: `Your identity provider did not sign you in. Read its message below, then start a new sign-in. ${SUPPORT}`,
    },
    'sign-in',
    'identity-provider',
    true,
  ),
  invalid_callback: guide(
    {
      title: 'The sign-in answer was incomplete',
      message:
        'The answer from your identity provider was missing information we need. Start a new sign-in.',
    },
    'sign-in',
    'identity-provider',
  ),
  login_failed: guide(
    {
      title: 'We could not sign you in',
      message: `The sign-in service did not accept this sign-in. Check that you used your work email, then start a new sign-in. ${SUPPORT}`,
    },
    'sign-in',
    'sign-in-service',
    true,
  ),
  sign_in_not_bound: guide(
    {
      title: 'This sign-in was started in another browser',
      message:
        'For your safety a sign-in can only be finished in the browser that started it. Start a new sign-in here.',
    },
    'sign-in',
    'sign-in-service',
  ),
  rate_limited: guide(
    {
      title: 'Too many sign-in attempts',
      message:
        'There were too many sign-in attempts from your network. Wait a minute, then try again.',
    },
    'retry',
    'sign-in-service',
  ),
  session_expired: guide(
    {
      title: 'Your session has ended',
      message: 'You were signed out because your session expired. Start a new sign-in to continue.',
    },
    'sign-in',
    'sign-in-service',
  ),
  backend_unavailable: guide(
    {
      title: 'The sign-in service is not available',
      message: 'The sign-in service is not answering right now. Try again in a moment.',
    },
    'retry',
    'sign-in-service',
  ),
  invalid_response: guide(
    {
      title: 'The sign-in service gave an unexpected answer',
      message: 'We did not understand the answer from the sign-in service. Try again in a moment.',
    },
    'retry',
    'sign-in-service',
  ),
  timeout: guide(
    {
      title: 'The sign-in service took too long to answer',
      message: 'No answer came in time. Try again in a moment.',
    },
    'retry',
    'sign-in-service',
  ),
  storage_unavailable: guide(
    {
      title: 'This browser is blocking sign-in',
      message:
        'Sign-in needs this tab to keep a little information while you sign in, and the browser refused. Turn off private browsing or allow site data for this site, then try again.',
    },
    'retry',
    'sign-in-service',
  ),
  config_invalid: guide(
    {
      title: 'This app is not set up correctly',
      message:
        'Its configuration has errors, listed below. Ask the team that runs this app to fix them, then try again.',
    },
    'retry',
    'sign-in-service',
  ),
  untrusted_redirect: guide(
    {
      title: 'We stopped a redirect to an unknown site',
      message: `The app was asked to send you to a site it does not trust, so it did not. Go back to home. ${SUPPORT}`,
    },
    'home',
    'sign-in-service',
    true,
  ),
  invalid_handoff_input: guide(GENERAL_PARTNER.invalid_handoff_input, 'home', 'partner'),
  handoff_unauthorized: guide(GENERAL_PARTNER.handoff_unauthorized, 'retry', 'partner'),
  handoff_forbidden: guide(GENERAL_PARTNER.handoff_forbidden, 'home', 'partner', true),
  handoff_bad_request: guide(GENERAL_PARTNER.handoff_bad_request, 'home', 'partner', true),
  handoff_not_acceptable: guide(GENERAL_PARTNER.handoff_not_acceptable, 'home', 'partner', true),
  handoff_rejected: guide(GENERAL_PARTNER.handoff_rejected, 'home', 'partner', true),
  handoff_unavailable: guide(GENERAL_PARTNER.handoff_unavailable, 'retry', 'partner'),
  handoff_expired: guide(GENERAL_PARTNER.handoff_expired, 'retry', 'partner'),
  handoff_blocked: guide(GENERAL_PARTNER.handoff_blocked, 'home', 'partner', true),
}

export interface DescribedError extends ErrorGuide {
  readonly code: SsoErrorCode
  /** Provider or vendor text as plain text (markup stripped), to be shown as text only. */
  readonly detail?: string
  /** Who `detail` comes from, for people: "your identity provider", "AssureSign", … */
  readonly detailFrom?: string
}

/** The partner a failure happened at, and any words of its own. */
export interface PartnerContext {
  /** How people know the partner ("AssureSign"). */
  readonly label: string
  readonly messages?: Partial<Record<SsoErrorCode, ErrorMessage>> | undefined
}

function sourceName(source: ErrorSource, partner: PartnerContext | undefined): string {
  if (source === 'identity-provider') return 'your identity provider'
  if (source === 'partner') return partner?.label ?? 'the partner service'
  return 'the sign-in service'
}

/**
 * Words for any thrown value. With `partner` (a failure of a hand-off call), the words name the
 * partner, and its own words win. An SsoError keeps its code and detail; anything else (a bug, an
 * unexpected exception) is shown as `backend_unavailable`, whose way forward (try again) fits,
 * and its message is not shown, since it is not written for people and might carry internals.
 */
export function describeError(error: unknown, partner?: PartnerContext): DescribedError {
  const code = isSsoError(error) ? error.code : 'backend_unavailable'
  const named =
    partner === undefined
      ? undefined
      : (partnerMessages({ name: partner.label, Name: partner.label }) as Partial<
          Record<SsoErrorCode, ErrorMessage>
        >)
  const rule = ERROR_MESSAGES[code]
  const words = partner?.messages?.[code] ?? named?.[code] ?? rule
  const described: DescribedError = {
    code,
    ...rule,
    title: words.title,
    message: words.message,
    // Hand-off codes name the partner; codes of the hand-off call that are not the partner's own
    // (a timeout, an outage) are the partner's too when a partner is given.
    ...(partner !== undefined && named?.[code] !== undefined && { source: 'partner' as const }),
  }
  const detail = isSsoError(error) ? vendorDetail(error.detail) : undefined
  if (detail === undefined) return described
  return { ...described, detail, detailFrom: sourceName(described.source, partner) }
}
