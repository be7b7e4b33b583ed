import { expect, test } from 'vitest'
import { createI18n, englishI18n, loadCatalog, translate } from '../i18n/catalog.ts'
import { describeError, ERROR_MESSAGES, NEXT_STEP_LABELS } from './error-messages.ts'
import { SSO_ERROR_CODES, SsoError, type SsoErrorCode } from './errors.ts'

const english = englishI18n()

/** A code's title and message in English, a partner's name put in as AssureSign. */
function wordsOf(code: SsoErrorCode): { title: string; message: string } {
  const { title, message } = ERROR_MESSAGES[code]
  const values = { partner: 'AssureSign' }
  return { title: translate(english, title, values), message: translate(english, message, values) }
}

/** What describeError adds to a code's rule: the words, in English. */
function described(code: SsoErrorCode) {
  const { next, askSupport, source, severity } = ERROR_MESSAGES[code]
  const { title, message } = describeError(new SsoError(code, 'x'))
  return { code, next, askSupport, source, severity, title, message }
}

test('every code has a title and a message that ends a sentence, without bare identifiers', () => {
  for (const code of SSO_ERROR_CODES) {
    const words = wordsOf(code)
    expect(words.title.length, code).toBeGreaterThan(0)
    expect(words.message, code).toMatch(/\.$/)
    expect(`${words.title} ${words.message}`, code).not.toMatch(/_/)
  }
})

test("every message names its way forward in the button's own words", () => {
  for (const code of SSO_ERROR_CODES) {
    const { message } = wordsOf(code)
    const label = translate(english, NEXT_STEP_LABELS[ERROR_MESSAGES[code].next])
    expect(message.toLowerCase(), code).toContain(label.toLowerCase())
  }
})

test('a message sends people to support exactly when it says so', () => {
  for (const code of SSO_ERROR_CODES) {
    const { message } = wordsOf(code)
    expect(/contact support/i.test(message), code).toBe(ERROR_MESSAGES[code].askSupport)
  }
})

test('one vocabulary: the identity provider, the sign-in service, never a bare "provider"', () => {
  for (const code of SSO_ERROR_CODES) {
    const { title, message } = wordsOf(code)
    const text = `${title} ${message}`
    expect(text.replaceAll('identity provider', ''), code).not.toMatch(/provider/i)
    expect(text, code).not.toMatch(/check your connection/i)
  }
})

test('a refused or impossible hand-off leads home; only what can succeed is retried', () => {
  expect(ERROR_MESSAGES.handoff_forbidden.next).toBe('home')
  expect(ERROR_MESSAGES.handoff_bad_request.next).toBe('home')
  expect(ERROR_MESSAGES.invalid_handoff_input.next).toBe('home')
  expect(ERROR_MESSAGES.handoff_unavailable.next).toBe('retry')
  // The BFF logs in to the vendor again on every try, so a vendor's 401 is worth a retry.
  expect(ERROR_MESSAGES.handoff_unauthorized.next).toBe('retry')
  expect(ERROR_MESSAGES.state_used.next).toBe('sign-in')
  expect(ERROR_MESSAGES.session_expired.next).toBe('sign-in')
})

test('a used sign-in link says so and tells the person to start again', () => {
  expect(wordsOf('state_used').title).toBe('This sign-in link was already used')
  expect(wordsOf('state_used').message).toMatch(/Start a new sign-in\.$/)
})

test('describes an SsoError by its code, with the provider detail as plain text and its source', () => {
  const error = new SsoError('provider_error', 'access_denied from provider', {
    detail: 'User cancelled <b>login</b>',
  })
  expect(describeError(error)).toEqual({
    ...described('provider_error'),
    detail: 'User cancelled login',
    detailFrom: 'your identity provider',
  })
})

test("a partner's failure names the partner, also for a timeout or an outage", () => {
  const partner = { label: 'Aditya Birla Capital' }
  const timeout = describeError(new SsoError('timeout', 'x'), partner)
  expect(timeout.title).toBe('Aditya Birla Capital took too long to answer')
  expect(timeout.next).toBe('retry')
  expect(describeError(new SsoError('handoff_unavailable', 'x'), partner).title).toBe(
    'Aditya Birla Capital is not available',
  )
  const refused = describeError(
    new SsoError('handoff_rejected', 'x', { detail: 'Customer is blocked' }),
    partner,
  )
  expect(refused).toMatchObject({
    title: 'Aditya Birla Capital did not open a session for you',
    next: 'home',
    detailFrom: 'Aditya Birla Capital',
  })
})

test("a partner's own words win over the generated ones", () => {
  const own = { title: 'notFound.title', message: 'notFound.message' } as const
  const words = describeError(new SsoError('handoff_expired', 'x'), {
    label: 'AssureSign',
    messages: { handoff_expired: own },
  })
  expect(words).toMatchObject({
    title: 'Page not found',
    message: 'There is nothing at this address. Go back to home to continue.',
    next: 'retry',
  })
})

test("the BFF's own outage during a hand-off is the sign-in service's, never the partner's", () => {
  const described = describeError(new SsoError('backend_unavailable', 'x', { detail: 'Down.' }), {
    label: 'AssureSign',
  })
  expect(described).toMatchObject({
    title: 'The sign-in service is not available',
    source: 'sign-in-service',
    detailFrom: 'the sign-in service',
  })
})

test.each([
  ['handoff_not_permitted', 'You do not have access to AssureSign'],
  ['handoff_account_not_owned', 'This AssureSign account is not linked to you'],
  ['handoff_not_configured', 'AssureSign is not set up here'],
  ['invalid_handoff_input', 'This link to AssureSign does not work'],
] as const)("the BFF's own refusal %s names the partner but speaks for the app", (code, title) => {
  const described = describeError(new SsoError(code, 'x', { detail: 'The BFF said so.' }), {
    label: 'AssureSign',
  })
  expect(described).toMatchObject({ title, next: 'home', source: 'sign-in-service' })
  expect(described.detailFrom).toBe('the sign-in service')
  expect(`${described.title} ${described.message}`).not.toMatch(/Message from/)
})

test('a cancel, an expired session and a sign-in that ran out are notices; the rest failures', () => {
  const notices = Object.entries(ERROR_MESSAGES)
    .filter(([, guide]) => guide.severity === 'notice')
    .map(([code]) => code)
  expect(notices.sort()).toEqual(
    ['session_expired', 'sign_in_cancelled', 'sign_in_expired', 'state_expired'].sort(),
  )
  expect(described('sign_in_cancelled')).toMatchObject({
    title: 'Sign-in cancelled',
    next: 'sign-in-again',
    askSupport: false,
  })
  expect(wordsOf('sign_in_cancelled').message).not.toMatch(/support/)
})

test('an expired sign-in does not tell the person to check their email; a refused one does', () => {
  expect(wordsOf('sign_in_expired').message).not.toMatch(/email/)
  expect(wordsOf('login_failed').message).toMatch(/work email/)
})

test('carries the request id and time of the failed call, for support', () => {
  const described = describeError(
    new SsoError('login_failed', 'x', { requestId: 'req-1', at: 1_700_000_000_000 }),
  )
  expect(described).toMatchObject({ requestId: 'req-1', at: 1_700_000_000_000 })
  expect(describeError(new Error('boom'))).not.toHaveProperty('requestId')
})

test('no title or message shows a header name, a field code or an abbreviation of a partner', () => {
  const words = SSO_ERROR_CODES.flatMap((code) => Object.values(wordsOf(code)))
  for (const text of words) {
    expect(text).not.toMatch(/x-[a-z-]+|CIINo|LOBId|\bABC\b|Access Denied|HTTP \d/)
  }
})

test('without a partner, hand-off words speak of the partner service', () => {
  expect(describeError(new SsoError('handoff_forbidden', 'x')).title).toBe(
    'The partner service did not let you in',
  )
  expect(describeError(new SsoError('timeout', 'x')).title).toBe(
    'The sign-in service took too long to answer',
  )
})

test('omits an empty detail, and one that is only markup', () => {
  expect(describeError(new SsoError('login_failed', 'x', { detail: '' }))).not.toHaveProperty(
    'detail',
  )
  expect(describeError(new SsoError('login_failed', 'x', { detail: '<br>' }))).not.toHaveProperty(
    'detailFrom',
  )
})

test('describes anything else as backend_unavailable without leaking its message', () => {
  const words = describeError(new TypeError('secret internals'))
  expect(words).toEqual(described('backend_unavailable'))
  expect(JSON.stringify(words)).not.toContain('secret internals')
  expect(describeError('a string').code).toBe('backend_unavailable')
})

test('an error is described in the language asked for, a partner named in it', async () => {
  await loadCatalog('hi')
  const hindi = createI18n('hi')
  const words = describeError(
    new SsoError('handoff_unavailable', 'x'),
    { label: 'AssureSign' },
    hindi,
  )
  expect(words.title).toBe('AssureSign उपलब्ध नहीं है')
  expect(words.message).toContain('AssureSign')
  expect(describeError(new SsoError('login_failed', 'x'), undefined, hindi).title).toBe(
    'हम आपको साइन इन नहीं कर सके',
  )
})
