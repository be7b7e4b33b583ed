import { beforeEach, expect, test } from 'vitest'
import { codeOf, thrownSsoError } from '../test/sso-failure.ts'
import { throwingStorage } from '../test/throwing-storage.ts'
import {
  createSignOutStates,
  endSessionUrl,
  newSignOutState,
  SIGN_OUT_STATE_TTL_MS,
  signOutRedirect,
} from './end-session.ts'

const ISSUER = 'http://127.0.0.1:4010'
const END_SESSION = { endpoint: `${ISSUER}/session/end`, clientId: 'indee-backend' }
let clock = 1_700_000_000_000
const now = () => clock
let nextByte = 0
const randomBytes = (length: number) => Uint8Array.from({ length }, () => (nextByte += 7) % 256)

beforeEach(() => {
  clock = 1_700_000_000_000
})

function states(storage: Storage = sessionStorage) {
  return createSignOutStates({ storage, now, randomBytes })
}

test('the end-session URL carries the client id, where to come back and the state', () => {
  const url = new URL(
    endSessionUrl({
      endSession: END_SESSION,
      issuer: ISSUER,
      postLogoutRedirectUri: 'http://127.0.0.1:4173/',
      state: 'abc',
    }),
  )
  expect(url.origin + url.pathname).toBe(`${ISSUER}/session/end`)
  expect([...url.searchParams]).toEqual([
    ['client_id', 'indee-backend'],
    ['post_logout_redirect_uri', 'http://127.0.0.1:4173/'],
    ['state', 'abc'],
  ])
})

test('the endpoint keeps its own query, and ours wins over a parameter of the same name', () => {
  const url = new URL(
    endSessionUrl({
      endSession: {
        endpoint: `${ISSUER}/logout?tenant=north&state=planted&client_id=other`,
        clientId: 'app',
      },
      issuer: ISSUER,
      postLogoutRedirectUri: 'http://127.0.0.1:4173/login',
      state: undefined,
    }),
  )
  expect(url.searchParams.get('tenant')).toBe('north')
  expect(url.searchParams.get('client_id')).toBe('app')
  expect(url.searchParams.has('state')).toBe(false)
})

test('an end-session endpoint on another origin than the issuer is never navigated to', () => {
  const error = thrownSsoError(() =>
    endSessionUrl({
      endSession: { ...END_SESSION, endpoint: 'http://127.0.0.1:4011/session/end' },
      issuer: ISSUER,
      postLogoutRedirectUri: 'http://127.0.0.1:4173/',
      state: 'abc',
    }),
  )
  expect(error.code).toBe('untrusted_redirect')
})

test('a new state is 43 base64url characters and differs each time', () => {
  const first = newSignOutState(randomBytes)
  expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/)
  expect(newSignOutState(randomBytes)).not.toBe(first)
})

test('a state this tab created comes back once', () => {
  const store = states()
  const state = store.create()
  expect(sessionStorage.getItem(`sso-bridge:signout:${state}`)).not.toBeNull()
  expect(store.consume(state)).toBe(true)
  expect(sessionStorage.getItem(`sso-bridge:signout:${state}`)).toBeNull()
})

test('a reused state is not believed', () => {
  const store = states()
  const state = store.create()
  store.consume(state)
  expect(store.consume(state)).toBe(false)
})

test('an unknown state is not believed', () => {
  expect(states().consume(newSignOutState(randomBytes))).toBe(false)
})

test.each([
  null,
  undefined,
  '',
  '__proto__',
  'constructor',
  'short',
  'a'.repeat(44),
  'a+'.repeat(21),
])('a state that is not ours (%s) matches nothing', (state) => {
  expect(states().consume(state)).toBe(false)
})

test('a state older than its time to live is not believed, and is removed', () => {
  const store = states()
  const state = store.create()
  clock += SIGN_OUT_STATE_TTL_MS + 1
  expect(store.consume(state)).toBe(false)
  expect(sessionStorage.getItem(`sso-bridge:signout:${state}`)).toBeNull()
})

test('a state at the end of its time to live still counts', () => {
  const store = states()
  const state = store.create()
  clock += SIGN_OUT_STATE_TTL_MS
  expect(store.consume(state)).toBe(true)
})

test('a malformed record under a state is not believed', () => {
  const state = newSignOutState(randomBytes)
  sessionStorage.setItem(`sso-bridge:signout:${state}`, '{"createdAt":"soon"}')
  expect(states().consume(state)).toBe(false)
})

test('creating a state removes stale and malformed ones and leaves other keys alone', () => {
  const store = states()
  const old = store.create()
  sessionStorage.setItem('sso-bridge:signout:junk', 'not json')
  sessionStorage.setItem('sso-bridge:txn:x', '{}')
  clock += SIGN_OUT_STATE_TTL_MS + 1
  const fresh = store.create()
  expect(sessionStorage.getItem(`sso-bridge:signout:${old}`)).toBeNull()
  expect(sessionStorage.getItem('sso-bridge:signout:junk')).toBeNull()
  expect(sessionStorage.getItem('sso-bridge:txn:x')).toBe('{}')
  expect(store.consume(fresh)).toBe(true)
})

test('storage refusing a new state says storage_unavailable', () => {
  const storage = throwingStorage(sessionStorage, { operations: new Set(['setItem']) })
  expect(codeOf(() => states(storage).create())).toBe('storage_unavailable')
})

test('storage refusing to read makes a returning state plain, not an error', () => {
  const state = states().create()
  const storage = throwingStorage(sessionStorage, { operations: new Set(['getItem']) })
  expect(states(storage).consume(state)).toBe(false)
})

test('without endSession in the config sign-out ends here and stores no state', () => {
  const store = states()
  const destination = signOutRedirect({
    identityProvider: { issuer: ISSUER },
    states: store,
    signInUrl: 'http://127.0.0.1:4173/',
  })
  expect(destination).toBeUndefined()
  expect(Object.keys(sessionStorage)).toEqual([])
})

test('with endSession sign-out continues to the provider with a state that comes back once', () => {
  const store = states()
  const destination = signOutRedirect({
    identityProvider: { issuer: ISSUER, endSession: END_SESSION },
    states: store,
    signInUrl: 'http://127.0.0.1:4173/login',
  })
  const url = new URL(destination ?? 'http://missing.invalid')
  expect(url.searchParams.get('post_logout_redirect_uri')).toBe('http://127.0.0.1:4173/login')
  expect(store.consume(url.searchParams.get('state'))).toBe(true)
})

test('storage refusing the state still signs out at the provider, without a state', () => {
  const storage = throwingStorage(sessionStorage, { operations: new Set(['setItem']) })
  const destination = signOutRedirect({
    identityProvider: { issuer: ISSUER, endSession: END_SESSION },
    states: states(storage),
    signInUrl: 'http://127.0.0.1:4173/',
  })
  expect(new URL(destination ?? 'http://missing.invalid').searchParams.has('state')).toBe(false)
})
