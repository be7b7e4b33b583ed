import { expect, test } from 'vitest'
import { IdentityLinks } from './identities.ts'
import { signedInUser, type SignInFacts } from './sign-in-checks.ts'

const IDP = 'http://127.0.0.1:4010'

function facts(claims: Partial<SignInFacts['claims']> = {}): SignInFacts {
  return {
    claims: {
      sub: 'alice@example.com',
      email: 'alice@example.com',
      email_verified: true,
      ...claims,
    },
    issuer: IDP,
    username: 'alice@example.com',
    email: 'alice@example.com',
  }
}

test('signs in a sandbox user whose verified email matches the transaction and the request', () => {
  expect(signedInUser(facts(), new IdentityLinks())?.email).toBe('alice@example.com')
})

test.each([
  ['false', false],
  ['absent', undefined],
  ['the string "true"', 'true'],
  ['1', 1],
])('refuses an ID token whose email_verified is %s', (_name, value) => {
  const claims: SignInFacts['claims'] = { ...facts().claims, email_verified: value }
  if (value === undefined) delete claims.email_verified
  expect(signedInUser({ ...facts(), claims }, new IdentityLinks())).toBeUndefined()
})

test('refuses an email that is not the one the sign-in started with, or the request names', () => {
  const links = new IdentityLinks()
  expect(signedInUser({ ...facts(), username: 'bob@example.com' }, links)).toBeUndefined()
  expect(signedInUser({ ...facts(), email: 'bob@example.com' }, links)).toBeUndefined()
})

test('refuses someone who is no sandbox user', () => {
  const claims = { sub: 'm', email: 'mallory@example.com' }
  const mallory = { ...facts(claims), username: claims.email, email: claims.email }
  expect(signedInUser(mallory, new IdentityLinks())).toBeUndefined()
})

test('refuses the same email with another subject after the first sign-in', () => {
  const links = new IdentityLinks()
  expect(signedInUser(facts(), links)).toBeDefined()
  expect(signedInUser(facts({ sub: 'someone-else' }), links)).toBeUndefined()
  expect(signedInUser(facts(), links)).toBeDefined()
})

test('links nothing when another check refuses', () => {
  const links = new IdentityLinks()
  expect(signedInUser(facts({ sub: 'first', email_verified: false }), links)).toBeUndefined()
  expect(signedInUser(facts({ sub: 'second' }), links)).toBeDefined()
})
