// Signing out signs out at the identity provider too (OpenID Connect RP-Initiated Logout 1.0):
// the shipped config names the sandbox IdP's end-session endpoint, so after the BFF has ended the
// session the tab asks the IdP, which ends its own session and sends the browser back to the
// sign-in page. The next sign-in then asks for the password again.
import { IdpPage, originOf } from '../sandbox/playwright.ts'
import { expect, passwordOf, test } from './fixtures.ts'
import { ALICE } from './sandbox-data.ts'

test('after signing out, signing in again with the same email asks for the password', async ({
  page,
  app,
  idp,
}) => {
  await app.goto()
  await app.startSignIn(ALICE)
  await idp.signIn(ALICE, passwordOf(ALICE))
  await expect(app.signedInAs(ALICE)).toBeVisible()

  await app.signOutButton.click()
  // The BFF has ended the session; the tab asks the identity provider to end its own.
  await expect(page).toHaveURL(new RegExp(`^${originOf('idp')}/session/end\\?`))
  await expect(page.getByText('Sign out of Northwind Traders in this browser?')).toBeVisible()
  await new IdpPage(page).confirmSignOut()

  // Back on the sign-in page: the confirmation, the address without the state, nothing stored.
  const heading = page.getByRole('heading', { level: 1, name: 'You are signed out' })
  await expect(heading).toBeFocused()
  await expect(
    page.getByText("You are signed out here and at your organisation's sign-in page."),
  ).toBeVisible()
  await expect(page).toHaveURL(`${originOf('appPreview')}/`)
  await app.expectNothingStored()
  expect((await app.storage()).session).toEqual({})

  // The identity provider forgot alice: its sign-in form asks for her password again.
  await app.startSignIn(ALICE)
  await expect(page.getByLabel('Password')).toBeVisible()
  await expect(page.getByLabel('Password')).toHaveValue('')
  await idp.signIn(ALICE, passwordOf(ALICE))
  await expect(app.signedInAs(ALICE)).toBeVisible()
})

test('coming back to the sign-in page with a used or unknown state shows the plain form', async ({
  page,
  app,
  signInAs,
}) => {
  await app.goto()
  await signInAs(ALICE)
  await app.signOut()
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible()

  // The same return address again (Back, a bookmark, a copied link): nothing alarming.
  const state = 'A'.repeat(43)
  await app.goto(`/?state=${state}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toHaveCount(0)
  await expect(page.getByTestId('error-code')).toHaveCount(0)
  await expect(page).toHaveURL(`${originOf('appPreview')}/`)
})
