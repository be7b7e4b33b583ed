import { expect, test } from 'vitest'
import { LIMITS } from '../../../contract/src/contract.ts'
import { isEmail, workEmail } from './email-address.ts'

test.each([
  'alice@example.com',
  'alice.smith@mail.example.co.uk',
  "o'brien+sso@example-corp.com",
  'a_b-c@x1.io',
  'alice@mail.x1.com',
  'a.b.c@a-b.example.com',
  `${'a'.repeat(64)}@example.com`,
])('accepts %s', (value) => {
  expect(isEmail(value)).toBe(true)
})

test.each([
  ['no at sign', 'alice'],
  ['no at sign but dots like a domain', 'alice.example.com'],
  ['a character outside the local part rule at its start', '!alice@example.com'],
  ['a character outside the local part rule at its end', 'alice!@example.com'],
  ['a dot and a bad character in the local part', 'alice.!@example.com'],
  ['a bad character inside a dotted local part', 'a.b!c@example.com'],
  ['a label ending with a hyphen', 'alice@example-.com'],
  ['a label with an underscore at its start', 'alice@_x.example.com'],
  ['a label with an underscore at its end', 'alice@x_.example.com'],
  ['a one-letter top label', 'alice@example.c'],
  ['a top label with a digit after letters', 'alice@example.com1'],
  ['a top label with a digit before letters', 'alice@example.1com'],
  ['nothing before the at sign', '@example.com'],
  ['two at signs', 'a@b@example.com'],
  ['no dot in the domain', 'alice@localhost'],
  ['a numeric top label', 'alice@example.123'],
  ['a leading dot', '.alice@example.com'],
  ['two dots in a row', 'alice..smith@example.com'],
  ['a trailing dot before the at sign', 'alice.@example.com'],
  ['a label starting with a hyphen', 'alice@-example.com'],
  ['an empty label', 'alice@example..com'],
  ['a space', 'alice smith@example.com'],
  ['surrounding spaces', ' alice@example.com '],
  ['quotes', '"alice"@example.com'],
  ['a local part over 64 characters', `${'a'.repeat(65)}@example.com`],
  ['a label over 63 characters', `alice@${'a'.repeat(64)}.com`],
])('refuses an address with %s', (_name, value) => {
  expect(isEmail(value)).toBe(false)
})

test('refuses an address longer than 254 characters and accepts one of exactly 254', () => {
  const domain = `${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(63)}.com`
  const exact = `${'a'.repeat(LIMITS.email - domain.length - 1)}@${domain}`
  expect(exact).toHaveLength(LIMITS.email)
  expect(isEmail(exact)).toBe(true)
  expect(isEmail(`a${exact}`)).toBe(false)
})

test('a typed work email is trimmed, then held to the same rule', () => {
  expect(workEmail(' alice@example.com \t')).toBe('alice@example.com')
  expect(workEmail('alice@localhost')).toBeUndefined()
  expect(workEmail('   ')).toBeUndefined()
  expect(workEmail(`${'a'.repeat(250)}@example.com`)).toBeUndefined()
})
