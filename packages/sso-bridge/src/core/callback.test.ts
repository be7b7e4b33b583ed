import { expect, test } from 'vitest'
import { handleCallback } from './callback.ts'
import { SsoError } from './errors.ts'
import type { SessionView } from './session.ts'
import { ALICE_SESSION, deferred, fakeBackend } from '../test/fake-backend.ts'
import { TEST_ISSUER } from '../test/runtime-config.ts'
import { codeOfRejection, failureOf } from '../test/sso-failure.ts'
import { createTransactionStore, type Transaction } from './transaction-store.ts'

let clock = 1_700_000_000_000
const now = () => clock
const TTL = 600_000
const CALLBACK = 'http://127.0.0.1:5173/sso/callback'
const ISS = encodeURIComponent(TEST_ISSUER)
let signIns = 0

function setup({
  allowMissingIss,
  storage = sessionStorage,
}: { allowMissingIss?: boolean; storage?: Storage } = {}) {
  clock = 1_700_000_000_000
  signIns += 1
  const state = `s${signIns}`
  const backend = fakeBackend()
  backend.login.mockResolvedValue(ALICE_SESSION)
  const store = createTransactionStore({ storage, now, ttlMs: TTL })
  const tx: Transaction = {
    flow: 'signin',
    provider: 'bff',
    state,
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
    config: { identityProvider: { issuer: TEST_ISSUER, allowMissingIss } },
  }
  return { backend, store, deps, state }
}

/** Keys of this tab's sessionStorage other than sign-in transactions and their tombstones. */
function storedBesidesTransactions(): string[] {
  return Object.keys(sessionStorage).filter(
    (key) => !key.startsWith('sso-bridge:txn:') && !key.startsWith('sso-bridge:done:'),
  )
}

test('exchanges the code once, keeps nothing of the session and continues to returnTo', async () => {
  const { backend, deps, state } = setup()
  const result = await handleCallback(`${CALLBACK}?code=c1&state=${state}&iss=${ISS}`, deps)
  expect(result).toEqual({
    returnTo: '/handoff/lob/ABSLI?functionality=POL',
    session: ALICE_SESSION,
  })
  expect(backend.login).toHaveBeenCalledExactlyOnceWith(
    expect.objectContaining({
      kind: 'code',
      state,
      nonce: 'n1',
      email: 'alice@example.com',
      code: 'c1',
    }),
  )
  expect(storedBesidesTransactions()).toEqual([])
})

test('a second call for the same callback, even while the first is in flight, is state_used and sends nothing', async () => {
  const { backend, deps, state } = setup()
  const pending = deferred<SessionView>()
  backend.login.mockReturnValue(pending.promise)
  const href = `${CALLBACK}?code=c1&state=${state}&iss=${ISS}`
  const first = handleCallback(href, deps)
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('state_used')
  pending.resolve(ALICE_SESSION)
  await expect(first).resolves.toMatchObject({ session: ALICE_SESSION })
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('state_used')
  expect(backend.login).toHaveBeenCalledTimes(1)
})

test('a failed exchange is not retried by a second call for the same state', async () => {
  const { backend, deps, state } = setup()
  backend.login.mockRejectedValue(new SsoError('login_failed', 'refused'))
  const href = `${CALLBACK}?code=c1&state=${state}&iss=${ISS}`
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('login_failed')
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('state_used')
  expect(backend.login).toHaveBeenCalledTimes(1)
})

test('the login request is sent before handleCallback returns (no await in between)', async () => {
  const { backend, deps, state } = setup()
  const flight = handleCallback(`${CALLBACK}?code=c1&state=${state}&iss=${ISS}`, deps)
  expect(backend.login).toHaveBeenCalledTimes(1)
  await flight
})

test('a provider error is reported before handleCallback returns', async () => {
  const { backend, deps, state } = setup()
  const flight = handleCallback(`${CALLBACK}?state=${state}&error=login_required&iss=${ISS}`, deps)
  expect(backend.reportProviderError).toHaveBeenCalledTimes(1)
  expect(await codeOfRejection(flight)).toBe('provider_error')
})

test('a cancel at the provider (access_denied) is reported too, and is sign_in_cancelled', async () => {
  const { backend, deps, state } = setup()
  const flight = handleCallback(`${CALLBACK}?state=${state}&error=access_denied&iss=${ISS}`, deps)
  expect(backend.reportProviderError).toHaveBeenCalledTimes(1)
  expect(await codeOfRejection(flight)).toBe('sign_in_cancelled')
})

test('the transaction is consumed before the backend call', async () => {
  const { backend, store, deps, state } = setup()
  const pending = deferred<SessionView>()
  backend.login.mockReturnValue(pending.promise)
  const flight = handleCallback(`${CALLBACK}?code=c1&state=${state}&iss=${ISS}`, deps)
  await Promise.resolve()
  expect(() => store.consume(state)).toThrow(SsoError)
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
  const { backend, deps, state } = setup()
  clock += TTL + 1
  expect(
    await codeOfRejection(handleCallback(`${CALLBACK}?code=c1&state=${state}&iss=${ISS}`, deps)),
  ).toBe('state_expired')
  expect(backend.login).not.toHaveBeenCalled()
})

test('a duplicated parameter is invalid_callback and leaves the transaction alone', async () => {
  const { backend, store, deps, state } = setup()
  expect(
    await codeOfRejection(
      handleCallback(`${CALLBACK}?code=c1&code=c2&state=${state}&iss=${ISS}`, deps),
    ),
  ).toBe('invalid_callback')
  expect(backend.login).not.toHaveBeenCalled()
  expect(store.consume(state).state).toBe(state)
})

test('a wrong iss is issuer_mismatch, after the state is consumed', async () => {
  const { backend, store, deps, state } = setup()
  const href = `${CALLBACK}?code=c1&state=${state}&iss=${encodeURIComponent('http://127.0.0.1:4011')}`
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('issuer_mismatch')
  expect(backend.login).not.toHaveBeenCalled()
  expect(() => store.consume(state)).toThrow(SsoError)
})

test('an iss differing only by a trailing slash is issuer_mismatch (exact comparison)', async () => {
  const { deps, state } = setup()
  const href = `${CALLBACK}?code=c1&state=${state}&iss=${encodeURIComponent(`${TEST_ISSUER}/`)}`
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('issuer_mismatch')
})

test('a missing iss is issuer_mismatch unless the config weakens the check', async () => {
  const { backend, deps, state } = setup()
  expect(await codeOfRejection(handleCallback(`${CALLBACK}?code=c1&state=${state}`, deps))).toBe(
    'issuer_mismatch',
  )
  expect(backend.login).not.toHaveBeenCalled()
})

test('a missing iss is issuer_mismatch when allowMissingIss is false', async () => {
  const { backend, deps, state } = setup({ allowMissingIss: false })
  expect(await codeOfRejection(handleCallback(`${CALLBACK}?code=c1&state=${state}`, deps))).toBe(
    'issuer_mismatch',
  )
  expect(backend.login).not.toHaveBeenCalled()
})

test('a missing iss is accepted only with allowMissingIss: true (the weakened check)', async () => {
  const { backend, deps, state } = setup({ allowMissingIss: true })
  await handleCallback(`${CALLBACK}?code=c1&state=${state}`, deps)
  expect(backend.login).toHaveBeenCalledTimes(1)
})

test('a present iss is still checked when a missing one is allowed', async () => {
  const { deps, state } = setup({ allowMissingIss: true })
  const href = `${CALLBACK}?code=c1&state=${state}&iss=${encodeURIComponent('https://evil.example')}`
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('issuer_mismatch')
})

test('the issuer is checked before a provider error is reported', async () => {
  const { backend, deps, state } = setup()
  const href = `${CALLBACK}?state=${state}&error=access_denied&iss=${encodeURIComponent('https://evil.example')}`
  expect(await codeOfRejection(handleCallback(href, deps))).toBe('issuer_mismatch')
  expect(backend.reportProviderError).not.toHaveBeenCalled()
})

test('a provider error is reported once, stores nothing and shows the description as detail', async () => {
  const { backend, deps, state } = setup()
  const description = 'End-User aborted <script>interaction</script>'
  const href = `${CALLBACK}?state=${state}&error=interaction_required&error_description=${encodeURIComponent(description)}&iss=${ISS}`
  const failure = await failureOf(handleCallback(href, deps))
  expect(failure instanceof SsoError && [failure.code, failure.detail]).toEqual([
    'provider_error',
    description,
  ])
  expect(backend.reportProviderError).toHaveBeenCalledExactlyOnceWith(
    expect.objectContaining({
      kind: 'error',
      state,
      nonce: 'n1',
      email: 'alice@example.com',
      error: 'interaction_required',
      errorDescription: description,
    }),
  )
  expect(backend.login).not.toHaveBeenCalled()
  expect(storedBesidesTransactions()).toEqual([])
})

test('a provider error without a description shows the error code as detail', async () => {
  const { backend, deps, state } = setup()
  const failure = await failureOf(
    handleCallback(`${CALLBACK}?state=${state}&error=login_required&iss=${ISS}`, deps),
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
  const { backend, deps, state } = setup()
  expect(
    await codeOfRejection(
      handleCallback(`${CALLBACK}?state=${state}&code=c1&error=access_denied&iss=${ISS}`, deps),
    ),
  ).toBe('sign_in_cancelled')
  expect(backend.login).not.toHaveBeenCalled()
})

test('no code is invalid_callback', async () => {
  const { backend, deps, state } = setup()
  expect(await codeOfRejection(handleCallback(`${CALLBACK}?state=${state}&iss=${ISS}`, deps))).toBe(
    'invalid_callback',
  )
  expect(backend.login).not.toHaveBeenCalled()
})

test('a refused exchange stores no session and keeps returnTo for "Try again"', async () => {
  const { backend, deps, state } = setup()
  backend.login.mockRejectedValue(
    new SsoError('login_failed', 'refused', { detail: 'Access Denied' }),
  )
  const failure = await failureOf(
    handleCallback(`${CALLBACK}?code=c1&state=${state}&iss=${ISS}`, deps),
  )
  expect(failure instanceof SsoError && [failure.code, failure.detail, failure.returnTo]).toEqual([
    'login_failed',
    'Access Denied',
    '/handoff/lob/ABSLI?functionality=POL',
  ])
  expect(storedBesidesTransactions()).toEqual([])
})

test('a provider error names the code the identity provider answered', async () => {
  const { deps, state } = setup()
  const href = `${CALLBACK}?state=${state}&error=login_required&iss=${ISS}`
  await expect(handleCallback(href, deps)).rejects.toMatchObject({
    code: 'provider_error',
    message: 'identity provider answered "login_required"',
  })
})
