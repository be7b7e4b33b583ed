import { expect, test, vi } from 'vitest'
import { createSessionStore, sessionFromTokens, type Session } from './session-store.ts'
import { fakeJwt } from './testing/jwt.ts'
import { codeOf } from './testing/sso-failure.ts'
import { throwingStorage } from './testing/throwing-storage.ts'

const session: Session = {
  token: 'header.payload.signature',
  refreshToken: 'refresh-1',
  email: 'alice@example.com',
  expiresAt: 1_700_000_900_000,
}

test('saves to sessionStorage and memory, and a new store loads it back', () => {
  const sessions = createSessionStore({ storage: sessionStorage })
  sessions.save(session)
  expect(sessions.current()).toEqual(session)
  expect(JSON.parse(sessionStorage.getItem('sso-bridge:session') ?? 'null')).toEqual(session)
  expect(localStorage.length).toBe(0)
  expect(createSessionStore({ storage: sessionStorage }).current()).toEqual(session)
})

test('starts signed out when nothing is stored', () => {
  const sessions = createSessionStore({ storage: sessionStorage })
  expect(sessions.current()).toBeUndefined()
  expect(sessions.load()).toBeUndefined()
})

test.each([
  ['not JSON', '{oops'],
  ['a wrong shape', JSON.stringify({ token: 't' })],
  ['extra fields', JSON.stringify({ ...session, admin: true })],
  ['an empty token', JSON.stringify({ ...session, token: '' })],
])('removes a stored session with %s', (_name, raw) => {
  sessionStorage.setItem('sso-bridge:session', raw)
  const sessions = createSessionStore({ storage: sessionStorage })
  expect(sessions.current()).toBeUndefined()
  expect(sessionStorage.getItem('sso-bridge:session')).toBeNull()
})

test('current keeps the same object until the session changes', () => {
  const sessions = createSessionStore({ storage: sessionStorage })
  sessions.save(session)
  const first = sessions.current()
  sessions.load()
  expect(sessions.current()).toBe(first)
  sessions.save({ ...session, token: 'other.token.value' })
  expect(sessions.current()).not.toBe(first)
})

test('notifies subscribers on save and clear, and stops after unsubscribe', () => {
  const sessions = createSessionStore({ storage: sessionStorage })
  const listener = vi.fn()
  const unsubscribe = sessions.subscribe(listener)
  sessions.save(session)
  expect(listener).toHaveBeenCalledTimes(1)
  sessions.clear()
  expect(listener).toHaveBeenCalledTimes(2)
  sessions.clear()
  expect(listener).toHaveBeenCalledTimes(2)
  unsubscribe()
  sessions.save(session)
  expect(listener).toHaveBeenCalledTimes(2)
})

test('clear removes the stored session', () => {
  const sessions = createSessionStore({ storage: sessionStorage })
  sessions.save(session)
  sessions.clear()
  expect(sessions.current()).toBeUndefined()
  expect(sessionStorage.getItem('sso-bridge:session')).toBeNull()
})

test('clear forgets the session in memory even when storage refuses', () => {
  const failing = { operations: new Set<'removeItem'>() }
  const sessions = createSessionStore({ storage: throwingStorage(sessionStorage, failing) })
  sessions.save(session)
  failing.operations.add('removeItem')
  sessions.clear()
  expect(sessions.current()).toBeUndefined()
})

test('save reports storage_unavailable and keeps the previous session', () => {
  const failing = { operations: new Set<'setItem'>() }
  const sessions = createSessionStore({ storage: throwingStorage(sessionStorage, failing) })
  sessions.save(session)
  failing.operations.add('setItem')
  expect(codeOf(() => sessions.save({ ...session, token: 'other.token.value' }))).toBe(
    'storage_unavailable',
  )
  expect(sessions.current()).toEqual(session)
})

test('save refuses a malformed session', () => {
  const sessions = createSessionStore({ storage: sessionStorage })
  expect(codeOf(() => sessions.save({ ...session, refreshToken: '' }))).toBe('invalid_response')
  expect(sessions.current()).toBeUndefined()
})

test('sessionFromTokens reads email and exp from the token payload', () => {
  const token = fakeJwt({
    sub: 'u1',
    email: 'alice@example.com',
    exp: 1_700_000_900,
    permissions: [],
  })
  expect(sessionFromTokens({ token, refreshToken: 'refresh-1' })).toEqual({
    token,
    refreshToken: 'refresh-1',
    email: 'alice@example.com',
    expiresAt: 1_700_000_900_000,
  })
})

test('sessionFromTokens decodes UTF-8 payloads', () => {
  const token = fakeJwt({ email: 'zoë@exämple.com', exp: 1_700_000_900 })
  expect(sessionFromTokens({ token, refreshToken: 'r' }).email).toBe('zoë@exämple.com')
})

test.each([
  ['not a JWT', 'opaque-token'],
  ['two parts', 'a.b'],
  ['a payload that is not base64url', 'a.b+c.d'],
  ['a payload that is not JSON', `a.${btoa('nope').replace(/=+$/, '')}.c`],
  ['no exp', fakeJwt({ email: 'alice@example.com' })],
  ['no email', fakeJwt({ exp: 1_700_000_900 })],
  ['a string exp', fakeJwt({ email: 'alice@example.com', exp: '1700000900' })],
  ['a JSON array payload', fakeJwt([1, 2])],
])('sessionFromTokens refuses a token with %s', (_name, token) => {
  expect(codeOf(() => sessionFromTokens({ token, refreshToken: 'r' }))).toBe('invalid_response')
})

test('sessionFromTokens refuses an empty refresh token', () => {
  const token = fakeJwt({ email: 'alice@example.com', exp: 1_700_000_900 })
  expect(codeOf(() => sessionFromTokens({ token, refreshToken: '' }))).toBe('invalid_response')
})
