import { afterEach, expect, test } from 'vitest'
import { handleCallback, resetCallbackFlightsForTests } from './callback.ts'
import { SsoError } from './errors.ts'
import type { SessionView } from './session.ts'
import { ALICE_SESSION, deferred, fakeBackend } from '../test/fake-backend.ts'
import { TEST_ISSUER, testConfig } from '../test/runtime-config.ts'
import { codeOfRejection, failureOf } from '../test/sso-failure.ts'
import { createTransactionStore, type Transaction } from './transaction-store.ts'

afterEach(() => {
  resetCallbackFlightsForTests()
})

let clock = 1_700_000_000_000
const now = () => clock
const TTL = 600_000
const CALLBACK = 'http://127.0.0.1:5173/sso/callback'
const ISS = encodeURIComponent(TEST_ISSUER)

function setup({
  requireIssuer = true,
  storage = sessionStorage,
}: { requireIssuer?: boolean; storage?: Storage } = {}) {
  clock = 1_700_000_000_000
  const backend = fakeBackend()
  backend.login.mockResolvedValue(ALICE_SESSION)
  const store = createTransactionStore({ storage, now, ttlMs: TTL })
  const tx: Transaction = {
    flow: 'signin',
    provider: 'bff',
    state: 's1',
    nonce: 'n1',
    email: 'alice@example.com',
    returnTo: '/handoff/lob/ABSLI?functionality=POL',
    issuer: TEST_ISSUER,
    createdAt: clock,
  }
  store.save(tx)
  const deps = {
    store,
    backend,
    config: testConfig({ identityProvider: { requireIssuer } }),
  }
  return { backend, store, deps }
}

/** Keys of this tab's sessionStorage other than sign-in transactions and their tombstones. */
function storedBesidesTransactions(): string[] {
  return Object.keys(sessionStorage).filter(
    (key) => !key.startsWith('sso-bridge:txn:') && !key.startsWith('sso-bridge:done:'),
  )
}

test('exchanges the code once, keeps nothing of the session and continues to returnTo', async () => {
  const { backend, deps } = setup()
  const result = await handleCallback(`${CALLBACK}?code=c1&state=s1&iss=${ISS}`, deps)
  expect(result).toEqual({
    returnTo: '/handoff/lob/ABSLI?functionality=POL',
    session: ALICE_SESSION,
  })
  expect(backend.login).toHaveBeenCalledExactlyOnceWith({
    state: 's1',
    nonce: 'n1',
    email: 'alice@example.com',
    code: 'c1',
  })
  expect(storedBesidesTransactions()).toEqual([])
})

test('the same state twice (StrictMode, double render) gives the same promise and one request', async () => {
  const { backend, deps } = setup()
  const pending = deferred<SessionView>()
  backend.login.mockReturnValue(pending.promise)
  const href = `${CALLBACK}?code=c1&state=s1&iss=${ISS}`
  const first = handleCallback(href, deps)
  const second = handleCallback(href, deps)
  expect(second).toBe(first)
  pending.resolve(ALICE_SESSION)
  await first
  expect(handleCallback(href, deps)).toBe(first)
  expect(backend.login).toHaveBeenCalledTimes(1)
})

test('a failed exchange is not retried by a second call for the same state', async () => {
  const { backend, deps } = setup()
  backend.login.mockRejectedValue(new SsoError('login_failed', 'refused'))
  const href = `${CALLBACK}?code=c1&state=s1&iss=${ISS}`
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('login_failed')
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('login_failed')
  expect(backend.login).toHaveBeenCalledTimes(1)
})

test('a replayed callback on a fresh page is state_used and sends nothing', async () => {
  const { backend, deps } = setup()
  const href = `${CALLBACK}?code=c1&state=s1&iss=${ISS}`
  await handleCallback(href, deps)
  resetCallbackFlightsForTests()
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('state_used')
  expect(backend.login).toHaveBeenCalledTimes(1)
})

test('the transaction is consumed before the backend call', async () => {
  const { backend, store, deps } = setup()
  const pending = deferred<SessionView>()
  backend.login.mockReturnValue(pending.promise)
  const flight = handleCallback(`${CALLBACK}?code=c1&state=s1&iss=${ISS}`, deps)
  await Promise.resolve()
  expect(() => store.consume('s1')).toThrow(SsoError)
  pending.resolve(ALICE_SESSION)
  await flight
})

test('no state is state_missing', async () => {
  const { backend, deps } = setup()
  expect(await codeOfRejection(handleCallback(`${CALLBACK}?code=c1&iss=${ISS}`, deps))).toBe(
    'state_missing',
  )
  expect(backend.login).not.toHaveBeenCalled()
})

test('an unknown state is state_mismatch', async () => {
  const { backend, deps } = setup()
  expect(
    await codeOfRejection(handleCallback(`${CALLBACK}?code=c1&state=other&iss=${ISS}`, deps)),
  ).toBe('state_mismatch')
  expect(backend.login).not.toHaveBeenCalled()
})

test('an expired transaction is state_expired', async () => {
  const { backend, deps } = setup()
  clock += TTL + 1
  expect(
    await codeOfRejection(handleCallback(`${CALLBACK}?code=c1&state=s1&iss=${ISS}`, deps)),
  ).toBe('state_expired')
  expect(backend.login).not.toHaveBeenCalled()
})

test('a duplicated parameter is invalid_callback and leaves the transaction alone', async () => {
  const { backend, store, deps } = setup()
  expect(
    await codeOfRejection(handleCallback(`${CALLBACK}?code=c1&code=c2&state=s1&iss=${ISS}`, deps)),
  ).toBe('invalid_callback')
  expect(backend.login).not.toHaveBeenCalled()
  expect(store.consume('s1').state).toBe('s1')
})

test('a wrong iss is issuer_mismatch, after the state is consumed', async () => {
  const { backend, store, deps } = setup()
  const href = `${CALLBACK}?code=c1&state=s1&iss=${encodeURIComponent('http://127.0.0.1:4011')}`
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('issuer_mismatch')
  expect(backend.login).not.toHaveBeenCalled()
  expect(() => store.consume('s1')).toThrow(SsoError)
})

test('an iss differing only by a trailing slash is issuer_mismatch (exact comparison)', async () => {
  const { deps } = setup()
  const href = `${CALLBACK}?code=c1&state=s1&iss=${encodeURIComponent(`${TEST_ISSUER}/`)}`
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('issuer_mismatch')
})

test('a missing iss is issuer_mismatch when the provider advertises it', async () => {
  const { backend, deps } = setup({ requireIssuer: true })
  expect(await codeOfRejection(handleCallback(`${CALLBACK}?code=c1&state=s1`, deps))).toBe(
    'issuer_mismatch',
  )
  expect(backend.login).not.toHaveBeenCalled()
})

test('a missing iss is accepted when the provider does not advertise it', async () => {
  const { backend, deps } = setup({ requireIssuer: false })
  await handleCallback(`${CALLBACK}?code=c1&state=s1`, deps)
  expect(backend.login).toHaveBeenCalledTimes(1)
})

test('a present iss is still checked when not required', async () => {
  const { deps } = setup({ requireIssuer: false })
  const href = `${CALLBACK}?code=c1&state=s1&iss=${encodeURIComponent('https://evil.example')}`
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('issuer_mismatch')
})

test('the issuer is checked before a provider error is reported', async () => {
  const { backend, deps } = setup()
  const href = `${CALLBACK}?state=s1&error=access_denied&iss=${encodeURIComponent('https://evil.example')}`
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('issuer_mismatch')
  expect(backend.reportProviderError).not.toHaveBeenCalled()
})

test('a provider error is reported once, stores nothing and shows the description as detail', async () => {
  const { backend, deps } = setup()
  const description = 'End-User aborted <script>interaction</script>'
  const href = `${CALLBACK}?state=s1&error=access_denied&error_description=${encodeURIComponent(description)}&iss=${ISS}`
  const failure = await failureOf(handleCallback(href, deps))
  expect(failure instanceof SsoError && [failure.code, failure.detail]).toEqual([
    'provider_error',
    description,
  ])
  expect(backend.reportProviderError).toHaveBeenCalledExactlyOnceWith({
    state: 's1',
    nonce: 'n1',
    email: 'alice@example.com',
    error: 'access_denied',
    errorDescription: description,
  })
  expect(backend.login).not.toHaveBeenCalled()
  expect(storedBesidesTransactions()).toEqual([])
})

test('a provider error without a description shows the error code as detail', async () => {
  const { backend, deps } = setup()
  const failure = await failureOf(
    handleCallback(`${CALLBACK}?state=s1&error=login_required&iss=${ISS}`, deps),
  )
  expect(failure instanceof SsoError && [failure.code, failure.detail]).toEqual([
    'provider_error',
    'login_required',
  ])
  expect(backend.reportProviderError).toHaveBeenCalledWith(
    expect.objectContaining({ errorDescription: '' }),
  )
})

test('a provider error alongside a code never exchanges the code', async () => {
  const { backend, deps } = setup()
  expect(
    await codeOfRejection(
      handleCallback(`${CALLBACK}?state=s1&code=c1&error=access_denied&iss=${ISS}`, deps),
    ),
  ).toBe('provider_error')
  expect(backend.login).not.toHaveBeenCalled()
})

test('no code is invalid_callback', async () => {
  const { backend, deps } = setup()
  expect(await codeOfRejection(handleCallback(`${CALLBACK}?state=s1&iss=${ISS}`, deps))).toBe(
    'invalid_callback',
  )
  expect(backend.login).not.toHaveBeenCalled()
})

test('a refused exchange stores no session and keeps returnTo for "Try again"', async () => {
  const { backend, deps } = setup()
  backend.login.mockRejectedValue(
    new SsoError('login_failed', 'refused', { detail: 'Access Denied' }),
  )
  const failure = await failureOf(handleCallback(`${CALLBACK}?code=c1&state=s1&iss=${ISS}`, deps))
  expect(failure instanceof SsoError && [failure.code, failure.detail, failure.returnTo]).toEqual([
    'login_failed',
    'Access Denied',
    '/handoff/lob/ABSLI?functionality=POL',
  ])
  expect(storedBesidesTransactions()).toEqual([])
})
