import { expect, test } from 'vitest'
import { outlineOf } from '../lib/test-html.ts'
import { errorPageHtml, loginPageHtml, logoutPageHtml, signedOutPageHtml } from './login-page.ts'

const APP = 'http://127.0.0.1:5173'
const signIn = {
  uid: 'abc',
  appName: 'Northwind Partner Hub',
  email: 'alice@example.com',
  formActionOrigins: [APP],
}

test('the sign-in page shows the company in its header, not a client id', async () => {
  const html = loginPageHtml(signIn)
  const page = await outlineOf(html)
  expect(page.header).toBe('Northwind Traders')
  expect(page.title).toBe('Sign in – Northwind Traders')
  expect(html).not.toContain('indee-backend')
})

test('the sign-in page says which app the person continues to', () => {
  expect(loginPageHtml(signIn)).toContain(
    '<p>to continue to <strong>Northwind Partner Hub</strong></p>',
  )
  expect(loginPageHtml({ ...signIn, appName: 'Acme CRM' })).toContain(
    'to continue to <strong>Acme CRM</strong>',
  )
})

test('the sign-in page has header, main with the one h1 "Sign in", and footer, in English', async () => {
  const page = await outlineOf(loginPageHtml(signIn))
  expect(page.lang).toBe('en')
  expect(page.landmarks).toEqual({ header: 1, main: 1, footer: 1 })
  expect(page.h1).toEqual(['Sign in'])
  expect(page.h1InMain).toEqual(['Sign in'])
  expect(page.footer).toContain('Northwind Traders sandbox identity provider.')
})

test('the sign-in page keeps its labels and buttons and has no script', async () => {
  const html = loginPageHtml(signIn)
  expect(html).toContain('<label for="email">Email</label>')
  expect(html).toContain('<label for="password">Password</label>')
  expect(html).toContain('<button type="submit" name="action" value="login">Sign in</button>')
  expect(html).toContain('value="cancel" formnovalidate>Cancel</button>')
  const page = await outlineOf(html)
  expect(page.scripts).toBe(0)
  expect(page.inlineHandlers).toEqual([])
  // Cancel is its way back to the app: a plain link would leave the app's sign-in waiting.
  expect(page.links).toEqual([])
})

test('the error page links back to the app and keeps the landmarks', async () => {
  const page = await outlineOf(errorPageHtml(APP, 'invalid_request', 'This sign-in is not valid.'))
  expect(page.title).toBe('Sign-in problem – Northwind Traders')
  expect(page.landmarks).toEqual({ header: 1, main: 1, footer: 1 })
  expect(page.h1InMain).toEqual(['Sign-in problem'])
  expect(page.links).toEqual([{ text: 'Back to Northwind Partner Hub', href: `${APP}/` }])
})

test('the sign-out question names the company and submits the provider form', async () => {
  const form = '<form id="op.logoutForm" method="post" action="/session/end/confirm"></form>'
  const html = logoutPageHtml(form)
  const page = await outlineOf(html)
  expect(page.h1InMain).toEqual(['Sign out'])
  expect(html).toContain('Sign out of Northwind Traders in this browser?')
  expect(html).toContain(form)
  expect(html).toContain('form="op.logoutForm" name="logout" value="yes"')
  expect(page.scripts).toBe(0)
})

test('the signed-out page links back to the app', async () => {
  const page = await outlineOf(signedOutPageHtml(APP))
  expect(page.h1InMain).toEqual(['Signed out'])
  expect(page.header).toBe('Northwind Traders')
  expect(page.links).toEqual([{ text: 'Back to Northwind Partner Hub', href: `${APP}/` }])
})
