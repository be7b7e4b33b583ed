// Acme CRM's sign-in, as its QA writes it: only the kit's fixtures (sso-bridge-sandbox/playwright)
// and the sandbox's users as data (sso-bridge-sandbox/users), against the real sandbox and BFF.
import { expect, test } from 'sso-bridge-sandbox/playwright'
import { SANDBOX_USERS } from 'sso-bridge-sandbox/users'

test.use({ sso: { signInPath: '/login' } })

test('alice signs in', async ({ signedInAs }) => {
  const page = await signedInAs(SANDBOX_USERS.alice)
  await expect(page.getByText(SANDBOX_USERS.alice.email)).toBeVisible()
})

test('a cancelled sign-in shows the calm cancel view', async ({ signInForm, idp, errorView }) => {
  await signInForm.goto()
  await signInForm.startSignIn(SANDBOX_USERS.alice.email)
  await idp.cancel()
  await errorView.expectCode('sign_in_cancelled')
  await expect(errorView.primaryAction).toBeVisible()
})

const alice = SANDBOX_USERS.alice

test('a deep link to the dashboard goes through sign-in and comes back to it, query and all', async ({
  page,
  signIn,
  sandbox,
}) => {
  await page.goto('/dashboard?view=week')
  await expect(page).toHaveURL('/login?returnTo=%2Fdashboard%3Fview%3Dweek')
  await signIn(alice)
  await expect(page).toHaveURL('/dashboard?view=week')
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible()
  await expect(page.getByText(`Signed in as ${alice.email}`)).toBeVisible()
  expect(await sandbox.count('indee', '/sso/login')).toBe(1)
})

test('a session check answered after the login cannot send the person back to sign in', async ({
  page,
  signInForm,
  idp,
  sandbox,
}) => {
  // The login answers 1 s late, and every session check reaches the BFF at once but its answer
  // comes back 1.5 s late: a check sent from the callback page (before the login's cookie
  // exists) says "signed out" after the login has signed the person in.
  await sandbox.fault({ party: 'indee', path: '/sso/login', delayMs: 1_000 })
  let sent = 0
  let answered = 0
  await page.route('**/api/session', async (route) => {
    sent += 1
    const response = await route.fetch()
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    await route.fulfill({ response })
  })
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname === '/api/session') answered += 1
  })
  await signInForm.goto('/dashboard')
  await signInForm.startSignIn(alice.email)
  await idp.signIn(alice.email, alice.password)
  await expect(page).toHaveURL('/dashboard')
  await expect(page.getByText(`Signed in as ${alice.email}`)).toBeVisible()
  // Every check sent so far has its answer, and the page has run what it queued on them.
  await expect.poll(() => answered).toBe(sent)
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)))
  await expect(page).toHaveURL('/dashboard')
  await expect(page.getByText(`Signed in as ${alice.email}`)).toBeVisible()
})

test('signing out in one tab signs the other tab out', async ({ page, context, signedInAs }) => {
  await signedInAs(alice)
  const other = await context.newPage()
  await other.goto('/dashboard')
  await expect(other.getByText(`Signed in as ${alice.email}`)).toBeVisible()
  await other.getByRole('button', { name: 'Sign out' }).click()
  await expect(other.getByRole('heading', { name: 'You are signed out' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
})
