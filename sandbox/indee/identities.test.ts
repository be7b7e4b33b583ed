import { expect, test } from 'vitest'
import { IdentityLinks } from './identities.ts'

const IDP = 'http://127.0.0.1:4010'

test('links an email to the subject of its first sign-in and accepts that pair again', () => {
  const links = new IdentityLinks()
  expect(links.link(IDP, 'sub-1', 'alice@example.com')).toBe('ok')
  expect(links.link(IDP, 'sub-1', 'Alice@Example.com')).toBe('ok')
})

test('refuses the same email with another subject at the same issuer', () => {
  const links = new IdentityLinks()
  links.link(IDP, 'sub-1', 'alice@example.com')
  expect(links.link(IDP, 'sub-2', 'alice@example.com')).toBe('email_taken')
  // The refused pair is not linked: the first subject still signs in.
  expect(links.link(IDP, 'sub-1', 'alice@example.com')).toBe('ok')
})

test('refuses a known subject that comes with another email', () => {
  const links = new IdentityLinks()
  links.link(IDP, 'sub-1', 'alice@example.com')
  expect(links.link(IDP, 'sub-1', 'bob@example.com')).toBe('subject_mismatch')
})

test('keeps issuers apart: the same email may have another subject elsewhere', () => {
  const links = new IdentityLinks()
  links.link(IDP, 'sub-1', 'alice@example.com')
  expect(links.link('https://other-idp.example', 'sub-9', 'alice@example.com')).toBe('ok')
})
