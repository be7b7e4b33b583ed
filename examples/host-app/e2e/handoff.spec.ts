// Acme CRM's hand-off to AssureSign: the customer contract it links by envelope id
// (sso.handoffLink), opened by alice and refused to bob, who has no AssureSign permission.
import { expect, originOf, test } from 'sso-bridge-sandbox/playwright'
import { DEMO_ENVELOPE, SANDBOX_USERS } from 'sso-bridge-sandbox/users'

test.use({ sso: { signInPath: '/login' } })

test('alice signs the customer contract in AssureSign', async ({ signedInAs }) => {
  const page = await signedInAs(SANDBOX_USERS.alice)
  await page.getByRole('link', { name: 'Sign the customer contract' }).click()
  await expect(page).toHaveURL(
    new RegExp(`^${originOf('assuresign')}/ui/simpleSetup/${DEMO_ENVELOPE.id}\\?`),
  )
  await expect(page.getByText(`Signed in as ${SANDBOX_USERS.alice.email}`)).toBeVisible()
  await expect(page.getByText(`Envelope ${DEMO_ENVELOPE.id}`)).toBeVisible()
})

test('bob is refused the contract, with a reason and a way back', async ({
  signedInAs,
  errorView,
  sandbox,
}) => {
  const page = await signedInAs(SANDBOX_USERS.bob)
  await expect(page.getByText('No partner tools are set up for you.')).toBeVisible()
  await page.getByRole('link', { name: 'Sign the customer contract' }).click()
  await errorView.expectCode('handoff_not_permitted')
  await expect(errorView.primaryAction).toBeVisible()
  expect(await sandbox.count('assuresign', '/authentication/sso')).toBe(0)
})

test('the contract opened by its address asks first, and Continue signs it in AssureSign', async ({
  signedInAs,
  handoffQuestion,
  sandbox,
}) => {
  const page = await signedInAs(SANDBOX_USERS.alice)
  await page.goto(`/handoff/assuresign/${DEMO_ENVELOPE.id}`)
  await handoffQuestion.expectAsked('AssureSign')
  await expect(handoffQuestion.description('Envelope id')).toHaveText(DEMO_ENVELOPE.id)
  expect(await sandbox.count('assuresign', '/authentication/sso')).toBe(0)
  await handoffQuestion.continue()
  await expect(page).toHaveURL(new RegExp(`^${originOf('assuresign')}/ui/simpleSetup/`))
})

test('Cancel on the question goes back to the dashboard and asks AssureSign nothing', async ({
  signedInAs,
  handoffQuestion,
  sandbox,
}) => {
  const page = await signedInAs(SANDBOX_USERS.alice)
  await page.goto(`/handoff/assuresign/${DEMO_ENVELOPE.id}`)
  await handoffQuestion.cancel()
  await expect(page).toHaveURL(/\/dashboard$/)
  expect(await sandbox.count('assuresign', '/authentication/sso')).toBe(0)
})
