import { expect, test } from 'vitest'
import { outlineOf } from '../../lib/test-html.ts'
import { vendorPageHtml } from './vendor-pages.ts'

const APP = 'http://127.0.0.1:4173'
const landing = { heading: 'AssureSign Simple Setup', lines: ['Signed in as alice@example.com'] }

test('a vendor page is an English document titled by its heading and the vendor', async () => {
  const page = await outlineOf(vendorPageHtml('AssureSign', APP, landing))
  expect(page.lang).toBe('en')
  expect(page.title).toBe('AssureSign Simple Setup · AssureSign')
})

test('a vendor page has one header, one main holding its only h1, and one footer', async () => {
  const page = await outlineOf(vendorPageHtml('AssureSign', APP, landing))
  expect(page.landmarks).toEqual({ header: 1, main: 1, footer: 1 })
  expect(page.h1).toEqual(['AssureSign Simple Setup'])
  expect(page.h1InMain).toEqual(['AssureSign Simple Setup'])
})

test('a vendor page names the vendor in its header and links back to the app there', async () => {
  const page = await outlineOf(vendorPageHtml('Aimbase', APP, { heading: 'Aimbase', lines: [] }))
  expect(page.header).toContain('Aimbase (sandbox emulator)')
  expect(page.header).toContain('Back to Northwind Partner Hub')
  expect(page.links).toEqual([{ text: 'Back to Northwind Partner Hub', href: `${APP}/` }])
})

test('a vendor page says in its footer that it is the company sandbox, not the partner', async () => {
  const page = await outlineOf(vendorPageHtml('Aimbase', APP, { heading: 'Aimbase', lines: [] }))
  expect(page.footer).toBe("Northwind Traders sandbox: an emulator, not the partner's real site.")
})

test('a rejection page links back to the app too', async () => {
  const html = vendorPageHtml(
    'Line-of-business portal',
    'http://127.0.0.1:5173',
    { heading: 'Sign-on rejected', lines: ['The token was issued for ABSLI, not for ABSLAMC.'] },
    ' class="error"',
  )
  const page = await outlineOf(html)
  expect(page.h1InMain).toEqual(['Sign-on rejected'])
  expect(page.links).toEqual([
    { text: 'Back to Northwind Partner Hub', href: 'http://127.0.0.1:5173/' },
  ])
})

test('a vendor page escapes every value and has no script', async () => {
  const html = vendorPageHtml('<b>V</b>', APP, {
    heading: '<script>alert(1)</script>',
    lines: ['<img src=x onerror=alert(1)>'],
  })
  const page = await outlineOf(html)
  expect(page.scripts).toBe(0)
  expect(page.inlineHandlers).toEqual([])
  expect(page.h1).toEqual(['<script>alert(1)</script>'])
})
