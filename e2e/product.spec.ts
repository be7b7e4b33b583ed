// The product as a person meets it: the brand from the runtime config, only the destinations the
// person may use, and an error view with a way forward that works, whatever went wrong.
import { PRODUCT_NAME as PRODUCT } from '../sandbox/company.ts'
import { expect, test } from './fixtures.ts'
import { ALICE, AIMBASE_ACCOUNTS, BOB, DEMO_ENVELOPE, HANDOFF_PATHS } from './sandbox-data.ts'

const assureSignPath = HANDOFF_PATHS.assuresign()
const lobPath = HANDOFF_PATHS.lob()

test('every view carries the configured brand, never the repository name', async ({
  page,
  app,
  signInAs,
}) => {
  await app.goto()
  await expect(page).toHaveTitle(`Sign in – ${PRODUCT}`)
  await expect(page.getByRole('banner')).toHaveText(PRODUCT)
  await expect(page.getByRole('contentinfo')).toContainText('Northwind IT Service Desk')
  await signInAs(ALICE)
  await expect(page).toHaveTitle(`Home – ${PRODUCT}`)
  await app.goto('/nowhere')
  await expect(page).toHaveTitle(`Page not found – ${PRODUCT}`)
  expect(await page.content()).not.toContain('sso-bridge')
})

test("bob's home page lists no partner link and says whom to ask, linked once in the footer", async ({
  page,
  app,
  signInAs,
}) => {
  await app.goto()
  await signInAs(BOB)
  await expect(page.getByText(/no partner destinations yet/)).toContainText(
    'contact Northwind IT Service Desk (see below)',
  )
  await expect(page.getByRole('main').getByRole('link')).toHaveCount(0)
  await expect(
    page.getByRole('contentinfo').getByRole('link', { name: /IT Service Desk/ }),
  ).toHaveAttribute('href', 'mailto:it-support@northwind.example')
})

test("alice's home names each partner once, above a card per destination with its description", async ({
  page,
  app,
  signInAs,
}) => {
  await app.goto()
  await signInAs(ALICE)
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible()
  const destinations = page.getByRole('region', { name: 'Partner destinations' })
  await expect(destinations.getByRole('heading', { level: 3 })).toHaveText([
    'AssureSign',
    'Aimbase',
    'Aditya Birla Capital',
  ])
  const assureSign = destinations.getByRole('list', { name: 'AssureSign' }).getByRole('listitem')
  await expect(assureSign).toHaveCount(1)
  await expect(assureSign).toContainText(DEMO_ENVELOPE.description)
  await expect(page.getByRole('contentinfo').getByRole('link')).toHaveText([
    /IT Service Desk/,
    'Privacy policy',
    'Terms of use',
  ])
})

test('a refused hand-off offers "Back to home", which works, and points to the support contact', async ({
  page,
  app,
  signInAs,
}) => {
  await app.goto()
  await signInAs(BOB)
  await app.openHandoff(lobPath)
  await app.expectError('handoff_not_permitted')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'You do not have access to Aditya Birla Capital',
  )
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0)
  // The view names the contact; the footer, below it, is the one place that links it.
  await expect(page.getByRole('alert')).toContainText(
    'Contact: Northwind IT Service Desk (see below)',
  )
  await expect(page.getByRole('alert').getByRole('link')).toHaveCount(0)
  await expect(
    page.getByRole('contentinfo').getByRole('link', { name: /IT Service Desk/ }),
  ).toHaveAttribute('href', 'mailto:it-support@northwind.example')
  await page.getByTestId('error-primary-action').click()
  await expect(app.signedInAs(BOB)).toBeVisible()
  await expect(page).toHaveURL(/\/$/)
})

test('a partner outage offers "Try again", and trying again reaches the partner', async ({
  app,
  page,
  partners,
  signInAs,
  sandbox,
}) => {
  await app.goto()
  await signInAs(ALICE)
  await sandbox.fault({ party: 'assuresign', path: '/authentication/sso', status: 503, times: 1 })
  await app.openHandoff(assureSignPath)
  await app.expectError('handoff_unavailable')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('AssureSign is not available')
  await page.getByRole('button', { name: 'Try again' }).click()
  await partners.expectAssureSign(ALICE, DEMO_ENVELOPE.id)
})

test('an Aimbase refusing twice is shown as an outage with a retry, and never signs out', async ({
  app,
  page,
  partners,
  signInAs,
  sandbox,
}) => {
  await app.goto()
  await signInAs(ALICE)
  // The BFF logs in again after the first 401; the second makes it give up for this try.
  await sandbox.fault({
    party: 'aimbase',
    path: '/api/Security/SignOnAccount',
    status: 401,
    body: '{"Message":"Authorization has been denied for this request."}',
    times: 2,
  })
  await app.openHandoff(HANDOFF_PATHS.aimbase())
  await app.expectError('handoff_unavailable')
  await expect(page.getByRole('button', { name: /sign in/i })).toHaveCount(0)
  await page.getByRole('button', { name: 'Try again' }).click()
  const { uid, landing } = AIMBASE_ACCOUNTS.aliceDealer
  await partners.expectAimbase(ALICE, uid, landing)
})

test('signing out shows a confirmation with focus on its heading', async ({
  page,
  app,
  signInAs,
}) => {
  await app.goto()
  await signInAs(ALICE)
  await app.signOut()
  const heading = page.getByRole('heading', { level: 1, name: 'You are signed out' })
  await expect(heading).toBeFocused()
  await expect(page).toHaveTitle(`Signed out – ${PRODUCT}`)
  await expect(page.getByRole('heading', { level: 2, name: 'Sign in again' })).toBeVisible()
})

test('an address the router cannot read shows our view with a way home, not the router default', async ({
  page,
  app,
}) => {
  await app.goto('/a%0ab')
  await expect(page.getByText('Unexpected Application Error')).toHaveCount(0)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Back to home' }).click()
  await expect(app.emailInput).toBeFocused()
})
