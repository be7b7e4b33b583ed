import { expect, test } from 'vitest'
import { z } from 'zod/mini'
import { thrownSsoError } from '../test/sso-failure.ts'
import { parseField, relativePathSchema, required, singleParam } from './handoff-input.ts'

/** The message of the SsoError a landing is refused with. */
function landingRefusal(landing: string): string {
  const error = thrownSsoError(() => parseField(relativePathSchema, 'landing', landing))
  expect(error.code).toBe('invalid_handoff_input')
  return error.message
}

test.each([
  ['no leading slash', 'Dashboard', 'must start with "/"'],
  ['a protocol-relative URL', '//evil.example', 'must not contain "//"'],
  ['an encoded protocol-relative URL', '%2F%2Fevil.example', 'must start with "/"'],
  ['a backslash', '/\\evil.example', 'must not contain "\\"'],
  ['a space', '/a b', 'must not contain spaces or control characters'],
  ['a C0 control', '/a\u0001b', 'must not contain spaces or control characters'],
  ['DEL', '/a\u007fb', 'must not contain spaces or control characters'],
  ['the last C1 control', '/a\u009fb', 'must not contain spaces or control characters'],
  ['a Unicode line separator', '/a\u2028b', 'must not contain spaces or control characters'],
  ['a no-break space', '/a\u00a0b', 'must not contain spaces or control characters'],
])('refuses a landing with %s, saying so', (_name, landing, reason) => {
  expect(landingRefusal(landing)).toBe(`invalid "landing": ${reason}`)
})

test.each([
  ['an encoded second slash', '/%2Fevil.example', 'must not contain "//"'],
  ['a triple-encoded second slash', '/%25252Fevil.example', 'must not contain "//"'],
  ['an encoded backslash', '/%5Cevil.example', 'must not contain "\\"'],
  ['an encoded tab', '/%09/evil.example', 'must not contain spaces or control characters'],
  ['an encoded DEL', '/a%7Fb', 'must not contain spaces or control characters'],
])(
  'refuses a landing with %s, naming the rule it breaks once decoded',
  (_name, landing, reason) => {
    expect(landingRefusal(landing)).toBe(`invalid "landing": ${reason} (after percent-decoding)`)
  },
)

test('refuses a malformed percent-encoding', () => {
  expect(landingRefusal('/%E0%A4%A')).toBe('invalid "landing": has a malformed percent-encoding')
})

test('refuses a landing still encoded after three rounds of decoding', () => {
  expect(landingRefusal('/%2525252541')).toBe(
    'invalid "landing": is percent-encoded too many times',
  )
})

test.each([
  ['an empty landing', '', 'must not be empty'],
  ['a landing over 2048 characters', `/${'a'.repeat(2048)}`, 'must be at most 2048 characters'],
])('refuses %s by its length', (_name, landing, reason) => {
  expect(landingRefusal(landing)).toBe(`invalid "landing": ${reason}`)
})

test.each([
  ['a triple-encoded letter', '/caf%2525C3%2525A9'],
  ['an encoded letter', '/caf%C3%A9'],
  ['an encoded single slash', '/a%2Fb'],
  ['an encoded query', '/Reports?name=Q1%2D2026'],
  ['a tilde and other printable ASCII', "/~a-b_c.d!e$f&g'h(i)j*k+l,m;n=o:p@q"],
])('accepts a legitimate landing with %s, as given', (_name, landing) => {
  expect(parseField(relativePathSchema, 'landing', landing)).toBe(landing)
})

test('a refused field keeps the schema issue it failed as the cause', () => {
  const error = thrownSsoError(() => parseField(relativePathSchema, 'landing', '/%2F'))
  expect(error.cause).toMatchObject({
    issues: [{ code: 'custom', message: 'must not contain "//" (after percent-decoding)' }],
  })
})

test.each([
  ['/%E0%A4%A', 'has a malformed percent-encoding'],
  ['/%2525252541', 'is percent-encoded too many times'],
])('the cause of refusing %j is a custom issue saying %j', (landing, message) => {
  const error = thrownSsoError(() => parseField(relativePathSchema, 'landing', landing))
  expect(error.cause).toMatchObject({ issues: [{ code: 'custom', message }] })
})

test('a field of another schema is refused in its own words, naming the field', () => {
  const schema = z.string().check(z.regex(/^\d+$/, 'must be digits'))
  expect(parseField(schema, 'count', '42')).toBe('42')
  const error = thrownSsoError(() => parseField(schema, 'count', 'x'))
  expect(error.code).toBe('invalid_handoff_input')
  expect(error.message).toBe('invalid "count": must be digits')
})

test.each([undefined, ''])('a required field given as %j is missing, by name', (value) => {
  const error = thrownSsoError(() => required('lobId', value))
  expect(error.code).toBe('invalid_handoff_input')
  expect(error.message).toBe('missing "lobId"')
})

test('a required field that is given is returned as it is', () => {
  expect(required('lobId', 'ABSLI')).toBe('ABSLI')
  expect(required('lobId', ' ')).toBe(' ')
})

test('a query parameter is read once, absent is undefined, repeated is refused', () => {
  expect(singleParam(new URLSearchParams('a=1'), 'a')).toBe('1')
  expect(singleParam(new URLSearchParams('b=1'), 'a')).toBeUndefined()
  const error = thrownSsoError(() => singleParam(new URLSearchParams('a=1&a=2'), 'a'))
  expect(error.code).toBe('invalid_handoff_input')
  expect(error.message).toBe('"a" given 2 times')
})
