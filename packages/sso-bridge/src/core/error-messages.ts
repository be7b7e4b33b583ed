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
 * to the home page (repeating cannot succeed), `sign-in` starts a new sign-in, and `sign-in-again`
 * does the same after something harmless (the person cancelled).
 */
export type NextStep = 'retry' | 'home' | 'sign-in' | 'sign-in-again'

/** The button label of each way forward; every message names it in its last sentence. */
export const NEXT_STEP_LABELS: Record<NextStep, string> = {
  retry: 'Try again',
  home: 'Back to home',
  'sign-in': 'Start a new sign-in',
  'sign-in-again': 'Sign in',
}

/** Who text shown with an error comes from. */
export type ErrorSource = 'identity-provider' | 'sign-in-service' | 'partner'

/**
 * How a view shows an error: `failure` when something went wrong (a view may mark it, e.g. in
 * red), `notice` when nothing did (the person cancelled, a session or sign-in simply ran out).
 */
export type ErrorSeverity = 'failure' | 'notice'

export interface ErrorGuide extends ErrorMessage {
  readonly next: NextStep
  /** The message tells the person to contact support (the view then shows the contact). */
  readonly askSupport: boolean
  readonly source: ErrorSource
  readonly severity: ErrorSeverity
}

/** How a message names a partner: in a sentence, and at its start. */
interface PartnerName {
  readonly name: string
  readonly Name: string
}

type PartnerCode = Extract<
  SsoErrorCode,
  `handoff_${string}` | 'invalid_handoff_input' | 'timeout' | 'invalid_response'
>

/** Codes of the hand-off call itself that come from the partner's side when a partner is given. */
const PARTNER_CALL_CODES: ReadonlySet<SsoErrorCode> = new Set<SsoErrorCode>([
  'timeout',
  'invalid_response',
])

const SUPPORT = 'If this keeps happening, contact support.'

/** Words for every failure of a hand-off, naming the partner. */
function partnerMessages({ name, Name }: PartnerName): Record<PartnerCode, ErrorMessage> {
  return {
    invalid_handoff_input: {
      title: `This link to ${name} does not work`,
      message:
        'The link is incomplete or has values we cannot use. Go back to home and choose where to go from there.',
    },
    handoff_not_permitted: {
      title: `You do not have access to ${name}`,
      message: `Your account does not have access to ${name}. Go back to home, and contact support if you need access.`,
    },
    handoff_account_not_owned: {
      title: `This ${name} account is not linked to you`,
      message: `The link opens an account at ${name} that is not linked to yours. Go back to home and choose an account there, and contact support if you need this one.`,
    },
    handoff_not_configured: {
      title: `${Name} is not set up here`,
      message: `This app is not set up to open ${name} yet. Go back to home, and contact support if you need it.`,
    },
    handoff_unauthorized: {
      title: `${Name} did not accept the request this time`,
      message: `${Name} turned the request away. Each new try starts afresh, so try again.`,
    },
    handoff_forbidden: {
      title: `${Name} did not let you in`,
      message: `${Name} says your account may not use it. Go back to home, and contact support if you need access.`,
    },
    handoff_bad_request: {
      title: `${Name} could not use the request`,
      message: `${Name} did not accept the request, and trying again would not help. Go back to home. ${SUPPORT}`,
    },
    handoff_not_acceptable: {
      title: `${Name} cannot be reached from here`,
      message: `${Name} does not accept requests from this network. Go back to home, and contact support.`,
    },
    handoff_rejected: {
      title: `${Name} did not open a session for you`,
      message: `${Name} turned the request down. Go back to home, and contact support if you need help.`,
    },
    handoff_unavailable: {
      title: `${Name} is not available`,
      message: `We could not reach ${name}. Try again in a moment.`,
    },
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

interface GuideOptions {
  readonly askSupport?: boolean
  readonly severity?: ErrorSeverity
}

const guide = (
  words: ErrorMessage,
  next: NextStep,
  source: ErrorSource,
  { askSupport = false, severity = 'failure' }: GuideOptions = {},
): ErrorGuide => ({ ...words, next, source, askSupport, severity })

const ASK_SUPPORT = { askSupport: true } as const
const NOTICE = { severity: 'notice' } as const

export const ERROR_MESSAGES: Record<SsoErrorCode, ErrorGuide> = {
  state_missing: guide(
    {
      title: 'This page was opened without a sign-in',
      message:
        'This page finishes a sign-in, but no sign-in was started in this tab. Start a new sign-in.',
    },
    'sign-in',
    'identity-provider',
  ),
  state_mismatch: guide(
    {
      title: 'This sign-in does not belong to this tab',
      message:
        'We could not find the sign-in this page belongs to. It may have been started in another tab or browser. Start a new sign-in here.',
    },
    'sign-in',
    'identity-provider',
  ),
  state_expired: guide(
    {
      title: 'This sign-in took too long',
      message:
        'The sign-in was not finished in time, so we stopped it to keep your account safe. Start a new sign-in.',
    },
    'sign-in',
    'identity-provider',
    NOTICE,
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
      title: 'We stopped a sign-in from an unknown source',
      message: `The sign-in came back from a sign-in page this app does not trust, so we did not accept it. Start a new sign-in. ${SUPPORT}`,
    },
    'sign-in',
    'identity-provider',
    ASK_SUPPORT,
  ),
  provider_error: guide(
    {
      title: 'Your identity provider did not sign you in',
      message: `Your company's sign-in page stopped the sign-in. Start a new sign-in. ${SUPPORT}`,
    },
    'sign-in',
    'identity-provider',
    ASK_SUPPORT,
  ),
  sign_in_cancelled: guide(
    {
      title: 'Sign-in cancelled',
      message:
        "The sign-in was cancelled on your company's sign-in page, so nothing has changed. Sign in when you are ready.",
    },
    'sign-in-again',
    'identity-provider',
    NOTICE,
  ),
  invalid_callback: guide(
    {
      title: 'The sign-in could not be finished',
      message:
        'Some information was missing when your identity provider sent you back. Start a new sign-in.',
    },
    'sign-in',
    'identity-provider',
  ),
  login_failed: guide(
    {
      title: 'We could not sign you in',
      message: `The sign-in service did not accept this account. Check that you use your work email, both here and on your company's sign-in page, then start a new sign-in. ${SUPPORT}`,
    },
    'sign-in',
    'sign-in-service',
    ASK_SUPPORT,
  ),
  sign_in_expired: guide(
    {
      title: 'Your sign-in ran out of time',
      message:
        'The sign-in service no longer had this sign-in: it took too long, or it was already finished. Start a new sign-in.',
    },
    'sign-in',
    'sign-in-service',
    NOTICE,
  ),
  sign_in_not_bound: guide(
    {
      title: 'This sign-in was started in another browser',
      message:
        'For your safety, a sign-in can only be finished in the browser that started it. Start a new sign-in here.',
    },
    'sign-in',
    'sign-in-service',
  ),
  rate_limited: guide(
    {
      title: 'Too many attempts',
      message:
        'There were too many attempts from your network in a short time. Wait a minute, then try again.',
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
    NOTICE,
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
        'Its settings have mistakes, listed below. Ask the team that runs this app to fix them, then try again.',
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
    ASK_SUPPORT,
  ),
  invalid_handoff_input: guide(GENERAL_PARTNER.invalid_handoff_input, 'home', 'sign-in-service'),
  // The BFF's own refusals: no partner was asked, so nothing is the partner's.
  handoff_not_permitted: guide(
    GENERAL_PARTNER.handoff_not_permitted,
    'home',
    'sign-in-service',
    ASK_SUPPORT,
  ),
  handoff_account_not_owned: guide(
    GENERAL_PARTNER.handoff_account_not_owned,
    'home',
    'sign-in-service',
    ASK_SUPPORT,
  ),
  handoff_not_configured: guide(
    GENERAL_PARTNER.handoff_not_configured,
    'home',
    'sign-in-service',
    ASK_SUPPORT,
  ),
  handoff_unauthorized: guide(GENERAL_PARTNER.handoff_unauthorized, 'retry', 'partner'),
  handoff_forbidden: guide(GENERAL_PARTNER.handoff_forbidden, 'home', 'partner', ASK_SUPPORT),
  handoff_bad_request: guide(GENERAL_PARTNER.handoff_bad_request, 'home', 'partner', ASK_SUPPORT),
  handoff_not_acceptable: guide(
    GENERAL_PARTNER.handoff_not_acceptable,
    'home',
    'partner',
    ASK_SUPPORT,
  ),
  handoff_rejected: guide(GENERAL_PARTNER.handoff_rejected, 'home', 'partner', ASK_SUPPORT),
  handoff_unavailable: guide(GENERAL_PARTNER.handoff_unavailable, 'retry', 'partner'),
  handoff_expired: guide(GENERAL_PARTNER.handoff_expired, 'retry', 'partner'),
  handoff_blocked: guide(GENERAL_PARTNER.handoff_blocked, 'home', 'partner', ASK_SUPPORT),
}

export interface DescribedError extends ErrorGuide {
  readonly code: SsoErrorCode
  /** Provider or vendor text as plain text (markup stripped), to be shown as text only. */
  readonly detail?: string
  /** Who `detail` comes from, for people: "your identity provider", "AssureSign", … */
  readonly detailFrom?: string
  /** The BFF's id of the request that failed, for support. */
  readonly requestId?: string
  /** When it failed, in ms since the epoch, for support. */
  readonly at?: number
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
 * Words for any thrown value. With `partner` (a failure of a hand-off), the words name the
 * partner, and its own words win; only what the partner answered is credited to it, never the
 * BFF's own refusals. An SsoError keeps its code, detail, request id and time; anything else (a
 * bug, an unexpected exception) is shown as `backend_unavailable`, whose way forward (try again)
 * fits, and its message is not shown, since it is not written for people and might carry
 * internals.
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
    // A timeout or an unreadable answer of the hand-off call is the partner's when a partner is
    // given (the BFF's own refusals keep their source).
    ...(partner !== undefined && PARTNER_CALL_CODES.has(code) && { source: 'partner' as const }),
    ...(isSsoError(error) && error.requestId !== undefined && { requestId: error.requestId }),
    ...(isSsoError(error) && error.at !== undefined && { at: error.at }),
  }
  const detail = isSsoError(error) ? vendorDetail(error.detail) : undefined
  if (detail === undefined) return described
  return { ...described, detail, detailFrom: sourceName(described.source, partner) }
}
