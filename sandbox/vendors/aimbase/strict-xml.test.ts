import { expect, test } from 'vitest'
import { readFlatXml } from './strict-xml.ts'

function fieldsOf(text: string): Record<string, string> {
  const result = readFlatXml(text)
  if (!result.ok) throw new Error(result.error)
  return Object.fromEntries(result.value.fields)
}

function errorOf(text: string): string {
  const result = readFlatXml(text)
  if (result.ok) throw new Error('expected the document to be refused')
  return result.error
}

test('reads the documented SignOnAccount shape', () => {
  const result = readFlatXml(
    '<SignOnAccount>\n  <AccountUid>513D04E7-5E20-4E99-93CB-53DA06549FA2</AccountUid>\n  <LandingPageUrl>/CSI/Registration</LandingPageUrl>\n</SignOnAccount>',
  )
  expect(result).toEqual({
    ok: true,
    value: {
      root: 'SignOnAccount',
      fields: new Map([
        ['AccountUid', '513D04E7-5E20-4E99-93CB-53DA06549FA2'],
        ['LandingPageUrl', '/CSI/Registration'],
      ]),
    },
  })
})

test('accepts an XML declaration, a BOM and namespace declarations on the root', () => {
  const text =
    '\uFEFF<?xml version="1.0" encoding="utf-8"?><LoginRequest xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:x"><Username>api</Username></LoginRequest>'
  expect(fieldsOf(text)).toEqual({ Username: 'api' })
})

test('decodes the predefined entities and character references', () => {
  expect(fieldsOf('<R><A>&lt;a&gt; &amp; &quot;&apos; &#65;&#x42;</A><B/></R>')).toEqual({
    A: '<a> & "\' AB',
    B: '',
  })
})

test('refuses a DOCTYPE', () => {
  expect(errorOf('<!DOCTYPE R [<!ENTITY x SYSTEM "file:///etc/passwd">]><R><A>&x;</A></R>')).toBe(
    'DOCTYPE is not accepted',
  )
  expect(errorOf('<?xml version="1.0"?>\n<!doctype R><R/>')).toBe('DOCTYPE is not accepted')
})

test('refuses undeclared entities', () => {
  expect(errorOf('<R><A>&xxe;</A></R>')).toBe('undeclared entity "&xxe;"')
})

test('refuses a bare ampersand', () => {
  expect(errorOf('<R><A>a & b</A></R>')).toBe('"&" must start a character reference')
})

test('refuses comments, CDATA and processing instructions', () => {
  expect(errorOf('<R><!-- x --><A>1</A></R>')).toBe('comments are not accepted')
  expect(errorOf('<R><A><![CDATA[x]]></A></R>')).toBe('CDATA sections are not accepted')
  expect(errorOf('<?pi x?><R/>')).toBe('processing instructions are not accepted')
})

test('refuses nested elements, attributes on fields, and duplicated fields', () => {
  expect(errorOf('<R><A><B>1</B></A></R>')).toBe('<A> must hold text only, not elements')
  expect(errorOf('<R><A i:nil="true"/></R>')).toContain('attributes are not accepted')
  expect(errorOf('<R><A>1</A><A>2</A></R>')).toBe('<A> appears twice')
})

test('refuses attributes on the root other than namespace declarations', () => {
  expect(errorOf('<R id="1"><A>1</A></R>')).toContain('only xmlns attributes are accepted')
})

test('refuses mismatched tags, text in the root and trailing content', () => {
  expect(errorOf('<R><A>1</B></R>')).toBe('<A> is closed by another tag')
  expect(errorOf('<R>text<A>1</A></R>')).toBe('<R> must hold elements only, not text')
  expect(errorOf('<R><A>1</A></R><S/>')).toBe('nothing may follow </R>')
  expect(errorOf('<R><A>1</A>')).toBe('<R> is not closed')
  expect(errorOf('<R><A>1')).toBe('<A> is not closed')
})

test('refuses forbidden characters, raw or referenced', () => {
  expect(errorOf('<R><A>\u0001</A></R>')).toBe('the document holds a forbidden character')
  expect(errorOf('<R><A>&#0;</A></R>')).toBe('character reference "&#0;" is not allowed')
  expect(errorOf('<R><A>&#xD800;</A></R>')).toBe('character reference "&#xD800;" is not allowed')
})

test('refuses documents that are not XML at all', () => {
  expect(errorOf('{"AccountUid":"x"}')).toBe('expected the root element')
  expect(errorOf('')).toBe('expected the root element')
})

test('does not treat __proto__ as a special field name', () => {
  expect(fieldsOf('<R><__proto__>x</__proto__></R>')).toEqual(
    Object.fromEntries([['__proto__', 'x']]),
  )
})
