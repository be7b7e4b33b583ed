// Words for people (docs/architecture.md §5 "One closed error set"): every code has a title, a
// plain message that ends with the way forward, that way forward itself (retry, home, or a new
// sign-in), whether the message sends the person to support, and who any vendor text comes from.
// A Record over the closed code set, so a new code without words does not compile.
//
// One vocabulary everywhere: "your identity provider" (the company's sign-in page), "the sign-in
// service" (the backend behind this app) and each partner by its own name.
import type { I18n } from '@lingui/core'
import { englishI18n, translate, type MessageId } from '../i18n/catalog.ts'
import { isSsoError, type SsoErrorCode } from './errors.ts'
import { vendorDetail } from './vendor-detail.ts'

export interface ErrorMessage {
  /** The catalogs' id of the title (docs/i18n.md). */
  readonly title: MessageId
  /** The catalogs' id of the message, whose last sentence names the way forward. */
  readonly message: MessageId
}

/**
 * The way forward of an error view: `retry` repeats what failed (it can succeed), `home` goes back
 * to the home page (repeating cannot succeed), `sign-in` starts a new sign-in, and `sign-in-again`
 * does the same after something harmless (the person cancelled).
 */
export type NextStep = 'retry' | 'home' | 'sign-in' | 'sign-in-again'

/** The message id of each way forward's button; every message names it in its last sentence. */
export const NEXT_STEP_LABELS: Record<NextStep, MessageId> = {
  retry: 'action.retry',
  home: 'action.home',
  'sign-in': 'action.newSignIn',
  'sign-in-again': 'action.signIn',
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

type PartnerCode = Extract<
  SsoErrorCode,
  `handoff_${string}` | 'invalid_handoff_input' | 'timeout' | 'invalid_response'
>

/** Codes of the hand-off call itself that come from the partner's side when a partner is given. */
const PARTNER_CALL_CODES: ReadonlySet<SsoErrorCode> = new Set<SsoErrorCode>([
  'timeout',
  'invalid_response',
])

/** Words for every failure of a hand-off, naming the partner (the `{partner}` value). */
const PARTNER_MESSAGES: Record<PartnerCode, ErrorMessage> = {
  invalid_handoff_input: {
    title: 'error.invalidHandoffInput.title',
    message: 'error.invalidHandoffInput.message',
  },
  handoff_not_permitted: {
    title: 'error.handoffNotPermitted.title',
    message: 'error.handoffNotPermitted.message',
  },
  handoff_account_not_owned: {
    title: 'error.handoffAccountNotOwned.title',
    message: 'error.handoffAccountNotOwned.message',
  },
  handoff_not_configured: {
    title: 'error.handoffNotConfigured.title',
    message: 'error.handoffNotConfigured.message',
  },
  handoff_unauthorized: {
    title: 'error.handoffUnauthorized.title',
    message: 'error.handoffUnauthorized.message',
  },
  handoff_forbidden: {
    title: 'error.handoffForbidden.title',
    message: 'error.handoffForbidden.message',
  },
  handoff_bad_request: {
    title: 'error.handoffBadRequest.title',
    message: 'error.handoffBadRequest.message',
  },
  handoff_not_acceptable: {
    title: 'error.handoffNotAcceptable.title',
    message: 'error.handoffNotAcceptable.message',
  },
  handoff_rejected: {
    title: 'error.handoffRejected.title',
    message: 'error.handoffRejected.message',
  },
  handoff_unavailable: {
    title: 'error.handoffUnavailable.title',
    message: 'error.handoffUnavailable.message',
  },
  handoff_expired: { title: 'error.handoffExpired.title', message: 'error.handoffExpired.message' },
  handoff_blocked: { title: 'error.handoffBlocked.title', message: 'error.handoffBlocked.message' },
  timeout: { title: 'error.partnerTimeout.title', message: 'error.partnerTimeout.message' },
  invalid_response: {
    title: 'error.partnerInvalidResponse.title',
    message: 'error.partnerInvalidResponse.message',
  },
}

interface GuideOptions {
  readonly askSupport?: boolean
  readonly severity?: ErrorSeverity
}

const guide = (
  message: ErrorMessage,
  next: NextStep,
  source: ErrorSource,
  { askSupport = false, severity = 'failure' }: GuideOptions = {},
): ErrorGuide => ({ ...message, next, source, askSupport, severity })

const ASK_SUPPORT = { askSupport: true } as const
const NOTICE = { severity: 'notice' } as const

export const ERROR_MESSAGES: Record<SsoErrorCode, ErrorGuide> = {
  state_missing: guide(
    { title: 'error.stateMissing.title', message: 'error.stateMissing.message' },
    'sign-in',
    'identity-provider',
  ),
  state_mismatch: guide(
    { title: 'error.stateMismatch.title', message: 'error.stateMismatch.message' },
    'sign-in',
    'identity-provider',
  ),
  state_expired: guide(
    { title: 'error.stateExpired.title', message: 'error.stateExpired.message' },
    'sign-in',
    'identity-provider',
    NOTICE,
  ),
  state_used: guide(
    { title: 'error.stateUsed.title', message: 'error.stateUsed.message' },
    'sign-in',
    'identity-provider',
  ),
  issuer_mismatch: guide(
    { title: 'error.issuerMismatch.title', message: 'error.issuerMismatch.message' },
    'sign-in',
    'identity-provider',
    ASK_SUPPORT,
  ),
  provider_error: guide(
    { title: 'error.providerError.title', message: 'error.providerError.message' },
    'sign-in',
    'identity-provider',
    ASK_SUPPORT,
  ),
  sign_in_cancelled: guide(
    { title: 'error.signInCancelled.title', message: 'error.signInCancelled.message' },
    'sign-in-again',
    'identity-provider',
    NOTICE,
  ),
  invalid_callback: guide(
    { title: 'error.invalidCallback.title', message: 'error.invalidCallback.message' },
    'sign-in',
    'identity-provider',
  ),
  login_failed: guide(
    { title: 'error.loginFailed.title', message: 'error.loginFailed.message' },
    'sign-in',
    'sign-in-service',
    ASK_SUPPORT,
  ),
  sign_in_expired: guide(
    { title: 'error.signInExpired.title', message: 'error.signInExpired.message' },
    'sign-in',
    'sign-in-service',
    NOTICE,
  ),
  sign_in_not_bound: guide(
    { title: 'error.signInNotBound.title', message: 'error.signInNotBound.message' },
    'sign-in',
    'sign-in-service',
  ),
  rate_limited: guide(
    { title: 'error.rateLimited.title', message: 'error.rateLimited.message' },
    'retry',
    'sign-in-service',
  ),
  session_expired: guide(
    { title: 'error.sessionExpired.title', message: 'error.sessionExpired.message' },
    'sign-in',
    'sign-in-service',
    NOTICE,
  ),
  backend_unavailable: guide(
    { title: 'error.backendUnavailable.title', message: 'error.backendUnavailable.message' },
    'retry',
    'sign-in-service',
  ),
  invalid_response: guide(
    { title: 'error.invalidResponse.title', message: 'error.invalidResponse.message' },
    'retry',
    'sign-in-service',
  ),
  timeout: guide(
    { title: 'error.timeout.title', message: 'error.timeout.message' },
    'retry',
    'sign-in-service',
  ),
  storage_unavailable: guide(
    { title: 'error.storageUnavailable.title', message: 'error.storageUnavailable.message' },
    'retry',
    'sign-in-service',
  ),
  config_invalid: guide(
    { title: 'error.configInvalid.title', message: 'error.configInvalid.message' },
    'retry',
    'sign-in-service',
  ),
  untrusted_redirect: guide(
    { title: 'error.untrustedRedirect.title', message: 'error.untrustedRedirect.message' },
    'home',
    'sign-in-service',
    ASK_SUPPORT,
  ),
  invalid_handoff_input: guide(PARTNER_MESSAGES.invalid_handoff_input, 'home', 'sign-in-service'),
  handoff_not_permitted: guide(
    PARTNER_MESSAGES.handoff_not_permitted,
    'home',
    'sign-in-service',
    ASK_SUPPORT,
  ),
  handoff_account_not_owned: guide(
    PARTNER_MESSAGES.handoff_account_not_owned,
    'home',
    'sign-in-service',
    ASK_SUPPORT,
  ),
  handoff_not_configured: guide(
    PARTNER_MESSAGES.handoff_not_configured,
    'home',
    'sign-in-service',
    ASK_SUPPORT,
  ),
  handoff_unauthorized: guide(PARTNER_MESSAGES.handoff_unauthorized, 'retry', 'partner'),
  handoff_forbidden: guide(PARTNER_MESSAGES.handoff_forbidden, 'home', 'partner', ASK_SUPPORT),
  handoff_bad_request: guide(PARTNER_MESSAGES.handoff_bad_request, 'home', 'partner', ASK_SUPPORT),
  handoff_not_acceptable: guide(
    PARTNER_MESSAGES.handoff_not_acceptable,
    'home',
    'partner',
    ASK_SUPPORT,
  ),
  handoff_rejected: guide(PARTNER_MESSAGES.handoff_rejected, 'home', 'partner', ASK_SUPPORT),
  handoff_unavailable: guide(PARTNER_MESSAGES.handoff_unavailable, 'retry', 'partner'),
  handoff_expired: guide(PARTNER_MESSAGES.handoff_expired, 'retry', 'partner'),
  handoff_blocked: guide(PARTNER_MESSAGES.handoff_blocked, 'home', 'partner', ASK_SUPPORT),
}

/** An error in words, in one language: what an error view shows. */
export interface DescribedError extends Omit<ErrorGuide, 'title' | 'message'> {
  readonly code: SsoErrorCode
  readonly title: string
  readonly message: string
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

const SOURCE_NAMES: Record<Exclude<ErrorSource, 'partner'>, MessageId> = {
  'identity-provider': 'error.from.identityProvider',
  'sign-in-service': 'error.from.signInService',
}

/** A title or message starts with a capital, also when a value opens it ("the partner service"). */
function sentence(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1)
}

function isPartnerCode(code: SsoErrorCode): code is PartnerCode {
  return Object.hasOwn(PARTNER_MESSAGES, code)
}

/**
 * Words for any thrown value, in the language of `i18n` (English without one). With `partner` (a
 * failure of a hand-off), the words name the partner, and its own words win; only what the
 * partner answered is credited to it, never the BFF's own refusals. An SsoError keeps its code,
 * detail, request id and time; anything else (a bug, an unexpected exception) is shown as
 * `backend_unavailable`, whose way forward (try again) fits, and its message is not shown, since
 * it is not written for people and might carry internals.
 */
export function describeError(
  error: unknown,
  partner?: PartnerContext,
  i18n: I18n = englishI18n(),
): DescribedError {
  const code = isSsoError(error) ? error.code : 'backend_unavailable'
  const rule = ERROR_MESSAGES[code]
  const partnerWords =
    partner !== undefined && isPartnerCode(code) ? PARTNER_MESSAGES[code] : undefined
  const chosen = partner?.messages?.[code] ?? partnerWords ?? rule
  const partnerName = partner?.label ?? translate(i18n, 'error.partnerFallback')
  const values = { partner: partnerName }
  // A timeout or an unreadable answer of the hand-off call is the partner's when a partner is
  // given (the BFF's own refusals keep their source).
  const source =
    partner !== undefined && PARTNER_CALL_CODES.has(code) ? ('partner' as const) : rule.source
  const described: DescribedError = {
    code,
    next: rule.next,
    askSupport: rule.askSupport,
    severity: rule.severity,
    source,
    title: sentence(translate(i18n, chosen.title, values), i18n.locale),
    message: sentence(translate(i18n, chosen.message, values), i18n.locale),
    ...(isSsoError(error) && error.requestId !== undefined && { requestId: error.requestId }),
    ...(isSsoError(error) && error.at !== undefined && { at: error.at }),
  }
  const detail = isSsoError(error) ? vendorDetail(error.detail) : undefined
  if (detail === undefined) return described
  const detailFrom = source === 'partner' ? partnerName : translate(i18n, SOURCE_NAMES[source])
  return { ...described, detail, detailFrom }
}
