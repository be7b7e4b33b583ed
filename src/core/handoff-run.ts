// Runs one partner hand-off in the browser: validated input in, one BFF call (through the
// partner's adapter and the token-age guard), then the page leaves at once. No React here.
import { sessionEndedReason } from './bff-client.ts'
import { HANDOFF_ADAPTERS } from '../partners/registry.ts'
import { SsoError } from './errors.ts'
import type { FetchLike } from './http.ts'
import { fetchFreshTarget, safeWindowFor } from './handoff-guard.ts'
import type { HandoffTarget, PartnerName } from './handoff.ts'
import {
  parseAimbaseInput,
  parseAssureSignInput,
  parseLobInput,
  type AimbaseInput,
  type AssureSignInput,
  type LobInput,
} from './handoff-input.ts'
import type { RuntimeConfig } from './config.ts'
import type { Services } from '../callback/services.ts'

export type HandoffInput =
  | { readonly partner: 'assuresign'; readonly input: AssureSignInput }
  | { readonly partner: 'aimbase'; readonly input: AimbaseInput }
  | { readonly partner: 'abc'; readonly input: LobInput }

/** Validates a hand-off route's parameters; throws SsoError `invalid_handoff_input`. */
export function parseHandoffInput(
  partner: PartnerName,
  params: Readonly<Record<string, string | undefined>>,
  search: URLSearchParams,
  config: RuntimeConfig,
): HandoffInput {
  switch (partner) {
    case 'assuresign':
      return { partner, input: parseAssureSignInput({ envelopeId: params.envelopeId }) }
    case 'aimbase':
      return { partner, input: parseAimbaseInput(search) }
    case 'abc':
      return { partner, input: parseLobInput({ lobId: params.lobId }, search, config) }
  }
}

/** Resolves once the tab is visible: a hidden tab may sit on a token until it is stale. */
function waitUntilVisible(): Promise<void> {
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

/**
 * `fetch` that turns the BFF's "no live session" 401 into SsoError `session_expired`, so every
 * partner adapter reads only its vendor's answers.
 */
export function sessionAwareFetch(fetch: FetchLike): FetchLike {
  return async (input, init) => {
    const response = await fetch(input, init)
    if (response.status !== 401) return response
    const text = await response.clone().text()
    const reason = sessionEndedReason({ status: 401, contentType: '', text })
    if (reason === undefined) return response
    throw new SsoError('session_expired', `the BFF answered 401 ${reason}`)
  }
}

function requestTarget(handoff: HandoffInput, services: Services) {
  const req = {
    fetch: sessionAwareFetch(services.fetch),
    apiBase: services.config.apiBase,
    timeoutMs: services.config.requestTimeoutMs,
    config: services.config,
  }
  switch (handoff.partner) {
    case 'assuresign':
      return HANDOFF_ADAPTERS.assuresign.request(handoff.input, req)
    case 'aimbase':
      return HANDOFF_ADAPTERS.aimbase.request(handoff.input, req)
    case 'abc':
      return HANDOFF_ADAPTERS.abc.request(handoff.input, req)
  }
}

// One run per key (a history entry and attempt): StrictMode's second effect joins the first
// request. Entries go as soon as they settle, so no hand-off token outlives its run.
const runs = new Map<string, Promise<HandoffTarget>>()

/**
 * Gets a fresh hand-off target (the guard fetches once more when the first came too late to use).
 * The BFF renews the session itself; a session that is over rejects with `session_expired`.
 */
export function runHandoff(
  key: string,
  handoff: HandoffInput,
  services: Services,
): Promise<HandoffTarget> {
  const existing = runs.get(key)
  if (existing !== undefined) return existing
  const run = fetchFreshTarget(() => requestTarget(handoff, services), {
    now: Date.now,
    safeWindowMs: safeWindowFor(HANDOFF_ADAPTERS[handoff.partner]),
    waitUntilNavigable: waitUntilVisible,
  }).finally(() => runs.delete(key))
  runs.set(key, run)
  return run
}

/**
 * Leaves for the partner (docs/architecture.md §3 "Hand-offs"): location.replace, so Back never
 * returns to the hand-off; or an auto-submitted POST form, so the token stays out of URLs, history
 * and Referer.
 */
export function leaveFor(target: HandoffTarget): void {
  if (target.kind === 'redirect') {
    window.location.replace(target.url)
    return
  }
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
  document.body.append(form)
  // A form submission adds a history entry; the hand-off entry becomes home so Back does not re-run
  // it.
  window.history.replaceState(null, '', '/')
  form.submit()
}
