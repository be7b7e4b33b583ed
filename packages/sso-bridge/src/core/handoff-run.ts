// Runs one partner hand-off: validated input in, one BFF call (through the partner's adapter and
// the token-age guard), then the page leaves at once. No React here; the page (location, history,
// document) is passed in.
import type { BffErrorCode, PartnerRefusedBody } from '../../../contract/src/contract.ts'
import { bffHandoffFailure, ownErrorCode } from './bff-errors.ts'
import { SsoError, withReference, type CallReference } from './errors.ts'
import { requestIdOf, type FetchLike } from './http.ts'
import { parseJsonText } from './json.ts'
import { isObject } from './plain-checks.ts'
import { fetchFreshTarget, safeWindowFor } from './handoff-guard.ts'
import type { HandoffTarget, PartnerAdapter } from './handoff.ts'

export interface HandoffRunDeps {
  readonly fetch: FetchLike
  /** Backend prefix without a trailing slash. */
  readonly apiBase: string
  readonly timeoutMs: number
  readonly now: () => number
  /** Resolves when the page can navigate (a visible tab); see {@link whenVisible}. */
  readonly waitUntilNavigable: () => Promise<void>
}

/** Resolves once `document` is visible: a hidden tab may sit on a token until it is stale. */
export function whenVisible(document: Document): () => Promise<void> {
  return () => {
    if (document.visibilityState === 'visible') return Promise.resolve()
    return new Promise((resolve) => {
      const onChange = () => {
        if (document.visibilityState !== 'visible') return
        document.removeEventListener('visibilitychange', onChange)
        resolve()
      }
      document.addEventListener('visibilitychange', onChange)
    })
  }
}

/**
 * `fetch` that reads the BFF's own answers on a hand-off route before any partner adapter does
 * (docs/backend-contract.md, "Partner routes"): one marked with the contract's error header is the
 * BFF's refusal or failure, thrown in the app's words (a session that is over as
 * `session_expired`), except its `partner_refused`, which wraps a vendor's error and is unwrapped
 * back into the vendor's answer (see {@link vendorAnswerOf}). So every adapter reads only its
 * vendor's answers, the BFF's refusals never pass for a partner's message, and a vendor's 401 is
 * never the BFF's.
 */
export function sessionAwareFetch(fetch: FetchLike, now: () => number = Date.now): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init)
    const own = ownErrorCode(response.headers)
    if (own === undefined) return response
    const text = await response.clone().text()
    const requestId = requestIdOf(response)
    if (own === ('partner_refused' satisfies BffErrorCode)) {
      const vendor = vendorAnswerOf(text)
      if (vendor === undefined) return response
      // The BFF's request id stays with the vendor's answer, for support.
      if (requestId !== undefined) vendor.headers.set('x-request-id', requestId)
      return vendor
    }
    throw bffHandoffFailure(own, {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text,
      ...(requestId !== undefined && { requestId }),
      at: now(),
    })
  }
}

/**
 * The vendor's own answer (status, Content-Type, body) inside the BFF's 502 `partner_refused`
 * (docs/backend-contract.md), for the partner's adapter to read as it reads any vendor answer;
 * undefined for any other body.
 */
export function vendorAnswerOf(text: string): Response | undefined {
  const wrapped = parseJsonText(text)
  if (!isObject(wrapped) || wrapped.error !== ('partner_refused' satisfies BffErrorCode)) {
    return undefined
  }
  const vendor = isObject(wrapped.vendor) ? wrapped.vendor : {}
  const {
    status,
    contentType,
    body,
  }: Partial<Record<keyof PartnerRefusedBody['vendor'], unknown>> = vendor
  if (typeof status !== 'number' || status < 400 || status > 599) return undefined
  if (typeof contentType !== 'string' || typeof body !== 'string') return undefined
  return new Response(body, { status, headers: { 'content-type': contentType } })
}

/**
 * Gets a fresh hand-off target from `adapter` (the guard fetches once more when the first came too
 * late to use). The BFF renews the session itself; a session that is over rejects with
 * `session_expired`. Each call is a new hand-off: the caller runs it once per visit (the hand-off
 * route does, as a TanStack Query query that StrictMode's second effect joins).
 */
export function runHandoff<Config, Input>(
  adapter: PartnerAdapter<Config, Input>,
  input: Input,
  config: Config,
  deps: HandoffRunDeps,
): Promise<HandoffTarget> {
  // The BFF's request id of the last answer, so a failure the adapter reads from it carries it.
  let last: CallReference | undefined
  const bff = sessionAwareFetch(deps.fetch, deps.now)
  const request = {
    fetch: async (url: string, init: RequestInit) => {
      const response = await bff(url, init)
      const requestId = requestIdOf(response)
      last = { ...(requestId !== undefined && { requestId }), at: deps.now() }
      return response
    },
    apiBase: deps.apiBase,
    timeoutMs: deps.timeoutMs,
    config,
  }
  return fetchFreshTarget(() => adapter.request(input, request), {
    now: deps.now,
    safeWindowMs: safeWindowFor(adapter),
    waitUntilNavigable: deps.waitUntilNavigable,
  }).catch((error: unknown) => {
    throw withReference(error, last ?? { at: deps.now() })
  })
}

/** The parts of the page that leaving touches. */
export interface LeavingPage {
  readonly location: Pick<Location, 'replace' | 'href'>
  readonly history: Pick<History, 'replaceState'>
  readonly document: Document
}

/**
 * How long a form hand-off may wait for the browser to leave before it counts as blocked. A
 * `form-action` refusal is reported at once (securitypolicyviolation); this catches the rest.
 */
export const FORM_LEAVE_TIMEOUT_MS = 8_000

/**
 * Leaves for the partner (docs/architecture.md §3 "Hand-offs"): location.replace, so Back never
 * returns to the hand-off; or an auto-submitted POST form, so the token stays out of URLs, history
 * and Referer. `homePath` replaces the hand-off entry before a form leaves.
 *
 * A form the browser refuses to send (the page's CSP `form-action` does not list the portal) or
 * that has not left after `leaveTimeoutMs` rejects with `handoff_blocked`: the form and its token
 * are removed and the address goes back to the hand-off, so the person sees why instead of
 * "Opening…" for good.
 */
export function leaveFor(
  target: HandoffTarget,
  page: LeavingPage,
  homePath = '/',
  leaveTimeoutMs = FORM_LEAVE_TIMEOUT_MS,
): Promise<void> {
  if (target.kind === 'redirect') {
    page.location.replace(target.url)
    return Promise.resolve()
  }
  const { document } = page
  const form = document.createElement('form')
  form.method = 'POST'
  form.action = target.action
  form.hidden = true
  for (const [name, value] of Object.entries(target.fields)) {
    const field = document.createElement('input')
    field.type = 'hidden'
    field.name = name
    field.value = value
    form.append(field)
  }
  const handoffUrl = page.location.href
  const destination = new URL(target.action).origin
  return new Promise((resolve, reject) => {
    const stopWatching = () => {
      clearTimeout(timer)
      document.removeEventListener('securitypolicyviolation', onViolation)
      document.defaultView?.removeEventListener('pagehide', onLeave)
    }
    const blocked = (why: string) => {
      stopWatching()
      form.remove()
      // Stryker disable next-line StringLiteral: browsers ignore replaceState's title argument
      page.history.replaceState(null, '', handoffUrl)
      reject(new SsoError('handoff_blocked', why))
    }
    const onViolation = (event: SecurityPolicyViolationEvent) => {
      if (event.effectiveDirective !== 'form-action') return
      blocked(`the page's Content-Security-Policy form-action does not allow ${destination}`)
    }
    const onLeave = () => {
      stopWatching()
      resolve()
    }
    document.addEventListener('securitypolicyviolation', onViolation)
    document.defaultView?.addEventListener('pagehide', onLeave)
    const timer = setTimeout(() => {
      blocked(`the browser did not leave for ${destination} within ${leaveTimeoutMs} ms`)
    }, leaveTimeoutMs)
    document.body.append(form)
    // A form submission adds a history entry; the hand-off entry becomes home so Back does not
    // re-run it.
    // Stryker disable next-line StringLiteral: browsers ignore replaceState's title argument
    page.history.replaceState(null, '', homePath)
    form.submit()
  })
}
