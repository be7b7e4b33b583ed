import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { allowRedirect } from './allowed-redirect.ts'
import { isSsoError } from './errors.ts'
import { leaveFor, type LeavingPage } from './handoff-run.ts'
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
