import { expect, test } from 'vitest'
import { plainText, vendorDetail } from './vendor-detail.ts'

test('markup in vendor text is stripped and its words are kept', () => {
  expect(vendorDetail('<b>Customer is blocked</b>')).toBe('Customer is blocked')
  expect(vendorDetail('<p class="x">Account <em>locked</em>.</p><!-- internal -->')).toBe(
    'Account locked.',
  )
})

test('character references are decoded once, and markup they spell is stripped too', () => {
  expect(plainText('Terms &amp; conditions &#8212; &#x41;')).toBe('Terms & conditions — A')
  expect(plainText('&lt;script&gt;alert(1)&lt;/script&gt; denied')).toBe('alert(1) denied')
  expect(plainText('&amp;lt;b&amp;gt;')).toBe('&lt;b&gt;')
  expect(plainText('&bogus; &#0;')).toBe('&bogus; &#0;')
})

test('text that is not markup is left as it is', () => {
  expect(vendorDetail('Limit is <5 per day & 3 > 2')).toBe('Limit is <5 per day & 3 > 2')
})

test('text that is only markup or white space is no detail at all', () => {
  expect(vendorDetail('<br/>  <hr>')).toBeUndefined()
  expect(vendorDetail('   ')).toBeUndefined()
  expect(vendorDetail(undefined)).toBeUndefined()
})

test('long text is cut to 500 characters with an ellipsis', () => {
  const detail = vendorDetail(`<i>${'x'.repeat(600)}</i>`)
  expect(detail).toBe(`${'x'.repeat(500)}…`)
})

test('each named character reference is decoded to its character', () => {
  expect(plainText('5 &lt; 6 &amp; 6 &gt; 5')).toBe('5 < 6 & 6 > 5')
  expect(plainText('&quot;Acme&quot; &apos;s terms')).toBe(`"Acme" 's terms`)
  expect(plainText('no&nbsp;limit')).toBe('no limit')
})

test('a hexadecimal reference may be written with a capital X', () => {
  expect(plainText('&#X41;&#x42;')).toBe('AB')
})

test('a numeric reference beyond Unicode is left as it is, the last code point is decoded', () => {
  expect(plainText('&#x110000; &#1114112;')).toBe('&#x110000; &#1114112;')
  expect(plainText('&#x10FFFF;')).toBe(String.fromCodePoint(0x10ffff))
})

test('a tag or comment between words leaves a space, not a joined word', () => {
  expect(plainText('Account<br>locked')).toBe('Account locked')
  expect(plainText('Account<!-- x -->locked')).toBe('Account locked')
})

test('an unterminated tag or comment at the end is dropped with all it holds', () => {
  expect(plainText('Blocked <script src="x"')).toBe('Blocked')
  expect(plainText('Blocked <!-- internal note')).toBe('Blocked')
})

test('text of exactly 500 characters is kept whole', () => {
  expect(vendorDetail('x'.repeat(500))).toBe('x'.repeat(500))
})
