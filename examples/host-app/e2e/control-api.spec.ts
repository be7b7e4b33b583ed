// The sandbox's control API through the kit's `sandbox` fixture: a fault, the clock and the
// request log, each as docs/testing-your-app.md shows it.
import { expect, test } from 'sso-bridge-sandbox/playwright'
import { SANDBOX_USERS } from 'sso-bridge-sandbox/users'

test.use({ sso: { signInPath: '/login' } })

test('the backend is down', async ({ sandbox, signInForm, errorView }) => {
  await sandbox.fault({ party: 'indee', path: '/sso/initiate', status: 503, times: 1 })
  await signInForm.goto()
  await signInForm.emailInput.fill(SANDBOX_USERS.alice.email)
  await signInForm.signInButton.click()
  await errorView.expectCode('backend_unavailable')
})

test('an AssureSign token redeemed after its 30 s is refused', async ({ sandbox, signedInAs }) => {
  const page = await signedInAs(SANDBOX_USERS.alice)
  // Hold the landing request while the sandbox clock moves past the token's lifetime.
  await sandbox.fault({ party: 'assuresign', path: '/ui/simpleSetup/', hold: true })
  const landing = page.getByRole('link', { name: 'Sign the customer contract' }).click()
  await expect.poll(() => sandbox.count('assuresign', '/ui/simpleSetup/')).toBe(1)
  await sandbox.advanceClock(31)
  expect(await sandbox.release('assuresign')).toBe(1)
  await landing
  await expect(page.getByRole('heading', { name: 'Sign-on rejected' })).toBeVisible()
  await expect(page.getByText(/expired/)).toBeVisible()
})

test('one sign-in is one login call', async ({ sandbox, signedInAs }) => {
  await signedInAs(SANDBOX_USERS.alice)
  expect(await sandbox.count('indee', '/sso/login')).toBe(1)
})
