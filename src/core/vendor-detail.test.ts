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
