import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { allowRedirect } from './allowed-redirect.ts'
import { isSsoError } from './errors.ts'
import { isObject } from './plain-checks.ts'
import { failureOf } from '../test/sso-failure.ts'
import {
  leaveFor,
  sessionAwareFetch,
  vendorAnswerOf,
  whenVisible,
  type LeavingPage,
} from './handoff-run.ts'
import type { HandoffTarget } from './handoff.ts'

const PORTAL = 'https://portal.example.com/sso'
const TOKEN = 'eyJ-one-time-token'
const FIELDS = { TokenNo: TOKEN, TokenRefNo: 'REF-1' }
const target: HandoffTarget = {
  kind: 'form-post',
  action: allowRedirect(PORTAL, ['https://portal.example.com']),
  fields: FIELDS,
}

function page(): LeavingPage & { readonly addresses: string[] } {
  const addresses: string[] = []
  return {
    addresses,
    document,
    location: { href: 'http://app.test/handoff/lob/01', replace: vi.fn() },
    history: { replaceState: (_state, _unused, url) => addresses.push(String(url)) },
  }
}

function violation(directive: string): Event {
  return Object.assign(new Event('securitypolicyviolation'), { effectiveDirective: directive })
}

const tokenInPage = () => document.body.innerHTML.includes(TOKEN)

describe('leaving by form POST', () => {
  const submit = vi.fn()
  beforeEach(() => {
    submit.mockClear()
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(submit)
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
    document.body.innerHTML = ''
  })

  it('posts the fields to the portal after making the hand-off entry home', () => {
    const at = page()
    void leaveFor(target, at, '/home')
    const form = document.querySelector('form')
    expect(form?.method).toBe('post')
    expect(form?.action).toBe(PORTAL)
    expect(Object.fromEntries(new FormData(form ?? undefined))).toEqual(FIELDS)
    expect(at.addresses).toEqual(['/home'])
    expect(submit).toHaveBeenCalledTimes(1)
  })

  it('settles when the page leaves', async () => {
    const leaving = leaveFor(target, page())
    window.dispatchEvent(new Event('pagehide'))
    await expect(leaving).resolves.toBeUndefined()
  })

  it('fails with handoff_blocked when the CSP refuses the form, and leaves no token behind', async () => {
    const at = page()
    const leaving = leaveFor(target, at, '/home')
    expect(tokenInPage()).toBe(true)
    document.dispatchEvent(violation('form-action'))
    const error: unknown = await leaving.catch((reason: unknown) => reason)
    expect(isSsoError(error) && error.code).toBe('handoff_blocked')
    expect(String(error)).toContain('https://portal.example.com')
    expect(tokenInPage()).toBe(false)
    // The address is the hand-off again, not the home it was set to before submitting.
    expect(at.addresses).toEqual(['/home', 'http://app.test/handoff/lob/01'])
  })

  it('ignores violations of other directives', async () => {
    vi.useFakeTimers()
    const leaving = leaveFor(target, page(), '/', 1_000)
    let settled = false
    void leaving.then(
      () => (settled = true),
      () => (settled = true),
    )
    document.dispatchEvent(violation('img-src'))
    await vi.advanceTimersByTimeAsync(999)
    expect(settled).toBe(false)
    expect(tokenInPage()).toBe(true)
    window.dispatchEvent(new Event('pagehide'))
    await expect(leaving).resolves.toBeUndefined()
  })

  it('fails with handoff_blocked when the browser has not left in time', async () => {
    vi.useFakeTimers()
    const leaving = leaveFor(target, page(), '/', 2_000)
    const outcome = leaving.catch((reason: unknown) => reason)
    await vi.advanceTimersByTimeAsync(2_000)
    const error = await outcome
    expect(isSsoError(error) && error.code).toBe('handoff_blocked')
    expect(String(error)).toContain('within 2000 ms')
    expect(tokenInPage()).toBe(false)
  })
  it('makes the hand-off entry the site root unless told another home', () => {
    const at = page()
    void leaveFor(target, at)
    expect(at.addresses).toEqual(['/'])
  })

  it('adds the form to the page hidden', () => {
    void leaveFor(target, page())
    expect(document.querySelector('form')?.hidden).toBe(true)
  })

  it('once the page has left, a late CSP report or timeout changes nothing', async () => {
    vi.useFakeTimers()
    const at = page()
    const leaving = leaveFor(target, at, '/home', 1_000)
    window.dispatchEvent(new Event('pagehide'))
    await expect(leaving).resolves.toBeUndefined()
    document.dispatchEvent(violation('form-action'))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(at.addresses).toEqual(['/home'])
    expect(tokenInPage()).toBe(true)
  })

  it.each([
    ['the page leaves', () => window.dispatchEvent(new Event('pagehide'))],
    ['the CSP refuses the form', () => document.dispatchEvent(violation('form-action'))],
  ])('stops listening to the page once %s', async (_name, settle) => {
    const added: [EventTarget, string, unknown][] = []
    const removed: [EventTarget, string, unknown][] = []
    for (const eventTarget of [window, document]) {
      const add = eventTarget.addEventListener.bind(eventTarget)
      const remove = eventTarget.removeEventListener.bind(eventTarget)
      vi.spyOn(eventTarget, 'addEventListener').mockImplementation((type, listener) => {
        added.push([eventTarget, type, listener])
        add(type, listener)
      })
      vi.spyOn(eventTarget, 'removeEventListener').mockImplementation((type, listener) => {
        removed.push([eventTarget, type, listener])
        remove(type, listener)
      })
    }
    const leaving = leaveFor(target, page())
    settle()
    await leaving.catch(() => undefined)
    expect(added.map(([, type]) => type).sort()).toEqual(['pagehide', 'securitypolicyviolation'])
    expect(removed).toEqual(expect.arrayContaining(added))
  })

  it('reports a blocked form from a document without a window', async () => {
    const bare = document.implementation.createHTMLDocument()
    const leaving = leaveFor(target, { ...page(), document: bare })
    bare.dispatchEvent(violation('form-action'))
    expect(await failureOf(leaving)).toMatchObject({ code: 'handoff_blocked' })
    expect(bare.body.innerHTML).not.toContain(TOKEN)
  })
})

describe('waiting for a visible tab', () => {
  function tab(initial: DocumentVisibilityState) {
    const doc = document.implementation.createHTMLDocument()
    const state = { visibility: initial }
    Object.defineProperty(doc, 'visibilityState', { get: () => state.visibility })
    const change = (visibility: DocumentVisibilityState) => {
      state.visibility = visibility
      doc.dispatchEvent(new Event('visibilitychange'))
    }
    return { doc, change }
  }

  it('goes on at once in a visible tab', async () => {
    await expect(whenVisible(tab('visible').doc)()).resolves.toBeUndefined()
  })

  it('waits through a hidden tab until it becomes visible, then stops listening', async () => {
    const { doc, change } = tab('hidden')
    const removing = vi.spyOn(doc, 'removeEventListener')
    let visible = false
    const waiting = whenVisible(doc)().then(() => (visible = true))
    change('hidden')
    await Promise.resolve()
    expect(visible).toBe(false)
    change('visible')
    await waiting
    expect(visible).toBe(true)
    expect(removing).toHaveBeenCalledWith('visibilitychange', expect.any(Function))
  })
})

describe('reading the BFF through a session-aware fetch', () => {
  /** An answer of the BFF's own, marked with the contract's header. */
  const bffAnswering = (status: number, body: unknown) => () =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: {
          'Content-Type': 'application/json',
          'sso-bridge-error': isObject(body) && typeof body.error === 'string' ? body.error : '',
          'X-Request-Id': 'req-1',
        },
      }),
    )
  /** An answer without the header: a vendor's, relayed, or anyone else's. */
  const answering = (status: number, body: unknown) => () =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
    )

  it.each(['signed_out', 'session_expired'])(
    'turns a BFF 401 %s into session_expired, with its request id and time',
    async (error) => {
      const fetch = sessionAwareFetch(
        bffAnswering(401, { error, message: 'Sign in again.' }),
        () => 5_000,
      )
      expect(await failureOf(fetch('/api/x', {}))).toMatchObject({
        code: 'session_expired',
        message: `the BFF refused the hand-off: HTTP 401 (${error})`,
        requestId: 'req-1',
        at: 5_000,
      })
    },
  )

  it.each([
    [403, 'handoff_not_permitted', 'handoff_not_permitted'],
    [403, 'handoff_account_not_owned', 'handoff_account_not_owned'],
    [400, 'invalid_request', 'invalid_handoff_input'],
    [413, 'payload_too_large', 'invalid_handoff_input'],
    [404, 'not_found', 'handoff_not_configured'],
    [429, 'rate_limited', 'rate_limited'],
    [502, 'partner_unavailable', 'handoff_unavailable'],
    [504, 'upstream_timeout', 'timeout'],
    [503, 'backend_unavailable', 'backend_unavailable'],
    [500, 'internal', 'backend_unavailable'],
    [403, 'forbidden', 'backend_unavailable'],
    [400, 'a_code_of_a_newer_bff', 'backend_unavailable'],
  ])(
    "reads the BFF's own HTTP %i %s as %s, never as the partner's answer",
    async (status, error, code) => {
      const fetch = sessionAwareFetch(bffAnswering(status, { error, message: 'x' }))
      const failure = await failureOf(fetch('/api/x', {}))
      expect(failure).toMatchObject({ code, requestId: 'req-1' })
      expect(isSsoError(failure) && failure.detail).toBeUndefined()
    },
  )

  it("passes a 403 in a vendor's shape through when it lacks the BFF's header", async () => {
    const fetch = sessionAwareFetch(answering(403, { error: 'handoff_not_permitted' }))
    const response = await fetch('/api/x', {})
    expect(response.status).toBe(403)
  })

  it("passes a vendor's own 401 through, its body still readable", async () => {
    const fetch = sessionAwareFetch(answering(401, { Message: 'Denied.' }))
    const response = await fetch('/api/x', {})
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ Message: 'Denied.' })
  })

  it.each([200, 401, 403, 502])(
    'passes an HTTP %i through even if its body names a sign-out, without the header',
    async (status) => {
      const fetch = sessionAwareFetch(answering(status, { error: 'signed_out' }))
      const response = await fetch('/api/x', {})
      expect(response.status).toBe(status)
      expect(await response.json()).toEqual({ error: 'signed_out' })
    },
  )

  const refused = (vendor: unknown) => ({
    error: 'partner_refused',
    message: 'The partner service refused the request.',
    partner: 'aimbase',
    vendor,
  })

  it("hands a vendor's error the BFF wrapped back as the vendor's status, Content-Type and body", async () => {
    const xml = '<Error><Message>Denied.</Message></Error>'
    const fetch = sessionAwareFetch(
      bffAnswering(502, refused({ status: 403, contentType: 'application/xml', body: xml })),
    )
    const response = await fetch('/api/x', {})
    expect(response.status).toBe(403)
    expect(response.headers.get('content-type')).toBe('application/xml')
    expect(await response.text()).toBe(xml)
  })

  it("reads a wrapped vendor 401 as the vendor's, even in the BFF's words, never as a sign-out", async () => {
    const body = '{"error":"session_expired","message":"The session has ended."}'
    const fetch = sessionAwareFetch(
      bffAnswering(502, refused({ status: 401, contentType: 'application/json', body })),
    )
    const response = await fetch('/api/x', {})
    expect(response.status).toBe(401)
    expect(await response.text()).toBe(body)
  })

  it.each([
    ['a status below 400', { status: 302, contentType: 'application/json', body: '' }],
    ['a status above 599', { status: 600, contentType: 'application/json', body: '' }],
    ['a status as text', { status: '401', contentType: 'application/json', body: '' }],
    ['no Content-Type', { status: 401, body: '' }],
    ['a body that is not text', { status: 401, contentType: 'application/json', body: {} }],
    ['no vendor answer', undefined],
  ])('leaves a partner_refused with %s as the BFF sent it', async (_name, vendor) => {
    const fetch = sessionAwareFetch(bffAnswering(502, refused(vendor)))
    const response = await fetch('/api/x', {})
    expect(response.status).toBe(502)
    expect(await response.json()).toEqual(refused(vendor))
  })

  it.each([
    ['another code', '{"error":"partner_unavailable","vendor":{}}'],
    ['text that is not JSON', '<html>Bad gateway</html>'],
    ['a JSON array', '[]'],
  ])('finds no vendor answer in %s', (_name, text) => {
    expect(vendorAnswerOf(text)).toBeUndefined()
  })
})

describe('leaving by redirect', () => {
  it('replaces the address, so Back does not return to the hand-off', async () => {
    const at = page()
    const url = allowRedirect('https://partner.example.com/landing', [
      'https://partner.example.com',
    ])
    await leaveFor({ kind: 'redirect', url }, at)
    expect(at.location.replace).toHaveBeenCalledWith('https://partner.example.com/landing')
    expect(at.addresses).toEqual([])
  })
})
