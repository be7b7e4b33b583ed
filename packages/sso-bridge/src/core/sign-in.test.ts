import { expect, test, vi } from 'vitest'
import { SsoError } from './errors.ts'
import { startSignIn } from './sign-in.ts'
import { fakeBackend } from '../test/fake-backend.ts'
import { TEST_ISSUER, testConfig } from '../test/runtime-config.ts'
import { codeOfRejection, failureOf } from '../test/sso-failure.ts'
import { throwingStorage } from '../test/throwing-storage.ts'
import { createTransactionStore } from './transaction-store.ts'

const NOW = 1_700_000_000_000
const now = () => NOW
const AUTHORIZE = `${TEST_ISSUER}/auth?client_id=indee&response_type=code&state=s1&nonce=n1`

function setup(storage: Storage = sessionStorage) {
  const backend = fakeBackend()
  backend.initiate.mockResolvedValue({ state: 's1', nonce: 'n1', redirect: AUTHORIZE })
  const store = createTransactionStore({ storage, now, ttlMs: 600_000 })
  const deps = {
    backend,
    store,
    config: testConfig(),
    now,
    email: 'alice@example.com',
    returnTo: '/?tab=partners',
  }
  return { backend, store, deps }
}

/** Starts sign-in with the backend answering `redirect` as the identity provider URL. */
function signInRedirectingTo(redirect: string) {
  const { backend, deps } = setup()
  backend.initiate.mockResolvedValue({ state: 's1', nonce: 'n1', redirect })
  return startSignIn(deps)
}

test('initiates, stores the transaction and returns the identity provider redirect', async () => {
  const { backend, store, deps } = setup()
  await expect(startSignIn(deps)).resolves.toBe(AUTHORIZE)
  expect(backend.initiate).toHaveBeenCalledExactlyOnceWith('alice@example.com')
  expect(store.consume('s1')).toEqual({
    flow: 'signin',
    provider: 'bff',
    state: 's1',
    nonce: 'n1',
    email: 'alice@example.com',
    returnTo: '/?tab=partners',
    issuer: TEST_ISSUER,
    createdAt: NOW,
  })
})

test('trims the email before sending it', async () => {
  const { backend, deps } = setup()
  await startSignIn({ ...deps, email: '  alice@example.com ' })
  expect(backend.initiate).toHaveBeenCalledWith('alice@example.com')
})

test('continues to "/" when there is no returnTo', async () => {
  const { store, deps } = setup()
  await startSignIn({ ...deps, returnTo: undefined })
  expect(store.consume('s1').returnTo).toBe('/')
})

test('continues to "/" when returnTo is not a safe path', async () => {
  const { store, deps } = setup()
  await startSignIn({ ...deps, returnTo: '//evil.example' })
  expect(store.consume('s1').returnTo).toBe('/')
})

test('refuses an invalid email without calling the backend', async () => {
  const { backend, deps } = setup()
  expect(await codeOfRejection(startSignIn({ ...deps, email: 'not-an-email' }))).toBe(
    'login_failed',
  )
  expect(backend.initiate).not.toHaveBeenCalled()
})

test.each([
  ['another origin', 'https://evil.example/auth?state=s1'],
  ['userinfo', 'http://user@127.0.0.1:4010/auth?state=s1'],
  ['a javascript URL', 'javascript:alert(1)'],
])('refuses a redirect to %s and stores nothing', async (_name, redirect) => {
  expect(await codeOfRejection(signInRedirectingTo(redirect))).toBe('untrusted_redirect')
  expect(sessionStorage.length).toBe(0)
})

test.each([
  ['another state', `${TEST_ISSUER}/auth?state=s2`],
  ['the state twice', `${TEST_ISSUER}/auth?state=s1&state=s2`],
])('refuses a redirect carrying %s', async (_name, redirect) => {
  expect(await codeOfRejection(signInRedirectingTo(redirect))).toBe('invalid_response')
  expect(sessionStorage.length).toBe(0)
})

test('accepts a redirect without a state parameter (pushed authorization requests)', async () => {
  const par = `${TEST_ISSUER}/auth?client_id=indee&request_uri=urn%3Aexample`
  await expect(signInRedirectingTo(par)).resolves.toBe(par)
})

test('refuses with storage_unavailable before calling the backend when storage refuses writes', async () => {
  const storage = throwingStorage(sessionStorage, { operations: new Set(['setItem']) })
  const { backend, deps } = setup(storage)
  expect(await codeOfRejection(startSignIn(deps))).toBe('storage_unavailable')
  expect(backend.initiate).not.toHaveBeenCalled()
})

test('fails with storage_unavailable and returns no redirect when the record cannot be stored', async () => {
  const { backend, store, deps } = setup()
  backend.initiate.mockImplementation(() => {
    // storage fills up while the backend answers
    vi.spyOn(store, 'save').mockImplementation(() => {
      throw new SsoError('storage_unavailable', 'quota')
    })
    return Promise.resolve({ state: 's1', nonce: 'n1', redirect: AUTHORIZE })
  })
  expect(await codeOfRejection(startSignIn(deps))).toBe('storage_unavailable')
})

test('passes backend failures through with the returnTo', async () => {
  const { backend, deps } = setup()
  backend.initiate.mockRejectedValue(
    new SsoError('login_failed', 'refused', { detail: 'Access Denied' }),
  )
  const failure = await failureOf(startSignIn(deps))
  expect(failure).toBeInstanceOf(SsoError)
  expect(failure instanceof SsoError && [failure.code, failure.detail, failure.returnTo]).toEqual([
    'login_failed',
    'Access Denied',
    '/?tab=partners',
  ])
})

test('starts the sign-in for the trimmed email', async () => {
  const { backend, store, deps } = setup()
  await startSignIn({ ...deps, email: '  alice@example.com ' })
  expect(backend.initiate).toHaveBeenCalledExactlyOnceWith('alice@example.com')
  expect(store.consume('s1').email).toBe('alice@example.com')
})

test('an invalid email and a redirect for another state say what is wrong', async () => {
  const { deps } = setup()
  await expect(startSignIn({ ...deps, email: 'not-an-email' })).rejects.toMatchObject({
    code: 'login_failed',
    message: 'invalid "email"',
  })
  await expect(signInRedirectingTo(`${TEST_ISSUER}/auth?state=s2`)).rejects.toMatchObject({
    code: 'invalid_response',
    message: 'sign-in "redirect" carries another "state" than the backend returned',
  })
})
