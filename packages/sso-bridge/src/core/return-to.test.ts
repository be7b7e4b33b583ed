import { expect, test } from 'vitest'
import { isReturnPath, safeReturnTo } from './return-to.ts'

const APP = 'http://127.0.0.1:5173'

test('keeps a same-origin path with its query and fragment', () => {
  expect(safeReturnTo('/?tab=partners', APP)).toBe('/?tab=partners')
  expect(safeReturnTo('/handoff/aimbase?account=3f25&landing=%2FDashboard#top', APP)).toBe(
    '/handoff/aimbase?account=3f25&landing=%2FDashboard#top',
  )
})

test('normalizes dot segments', () => {
  expect(safeReturnTo('/handoff/../partners', APP)).toBe('/partners')
})

test.each([
  ['a scheme-relative URL', '//evil.example'],
  ['a scheme-relative URL with a path', '//evil.example/handoff'],
  ['an absolute URL', 'https://evil.example'],
  ['an absolute URL on the app origin', `${APP}/partners`],
  ['a backslash scheme-relative URL', '/\\evil.example'],
  ['a backslash later in the path', '/a\\b'],
  ['a javascript URL', 'javascript:alert(1)'],
  ['a data URL', 'data:text/html,hi'],
  ['a relative path', 'partners'],
  ['a tab that parsers drop', '/\t/evil.example'],
  ['a newline', '/partners\n'],
  ['a NUL', '/partners\u0000'],
  ['an empty string', ''],
  ['a very long path', `/${'a'.repeat(3000)}`],
  ['the callback path', '/sso/callback'],
  ['the callback path with a query', '/sso/callback?state=x&code=y'],
  ['the callback path with a trailing slash', '/sso/callback/'],
  ['the callback path in other case', '/SSO/Callback'],
  ['the callback path with doubled slashes', '/sso//callback'],
  ['the callback path percent-encoded', '/sso%2Fcallback'],
  ['a path with broken percent-encoding', '/%E0%A4%A'],
])('refuses %s', (_name, value) => {
  expect(safeReturnTo(value, APP)).toBeUndefined()
})

test('refuses null and undefined', () => {
  expect(safeReturnTo(null, APP)).toBeUndefined()
  expect(safeReturnTo(undefined, APP)).toBeUndefined()
})

test('keeps a path of exactly 2048 characters', () => {
  const path = `/${'a'.repeat(2047)}`
  expect(safeReturnTo(path, APP)).toBe(path)
  expect(safeReturnTo(`${path}a`, APP)).toBeUndefined()
})

test('keeps a path that ends in doubled slashes', () => {
  expect(safeReturnTo('/partners//', APP)).toBe('/partners//')
})

test('refuses a path below the callback path', () => {
  expect(safeReturnTo('/sso/callback/step', APP)).toBeUndefined()
})

test('a host callback path given with trailing slashes still guards the bare path', () => {
  expect(safeReturnTo('/auth/done', APP, '/auth/done/')).toBeUndefined()
  expect(safeReturnTo('/auth/done', APP, '/auth/done//')).toBeUndefined()
  expect(safeReturnTo('/auth/done/x', APP, '/auth/done//')).toBeUndefined()
  expect(safeReturnTo('/auth/other', APP, '/auth/done/')).toBe('/auth/other')
})

test('keeps paths that only start like the callback', () => {
  expect(safeReturnTo('/sso/callbacks', APP)).toBe('/sso/callbacks')
})

test('refuses everything when the app origin is not a URL', () => {
  expect(safeReturnTo('/partners', 'not a url')).toBeUndefined()
})

test('isReturnPath accepts only already-normalized safe paths', () => {
  expect(isReturnPath('/?tab=partners')).toBe(true)
  expect(isReturnPath('/a/../b')).toBe(false)
  expect(isReturnPath('//evil.example')).toBe(false)
})
