// Acme Portal, a product team's React Router app embedding sso-bridge from its packed tarball
// (examples/host-app), against the real sandbox, the built BFF and real Chromium.
import { HOME_LINKS } from '../pages/partner-page.ts'
import {
  AIMBASE_ACCOUNTS,
  ALICE,
  ALICE_CII,
  DEMO_ENVELOPE,
  LINES_OF_BUSINESS,
} from '../sandbox-data.ts'
import { originOf } from '../../sandbox/playwright.ts'
import { expect, test } from './fixtures.ts'

const host = originOf('hostApp')
const ENVELOPE = DEMO_ENVELOPE.id
const ACCOUNT = AIMBASE_ACCOUNTS.aliceDealer.uid

test('the dashboard offers a sign-in to a signed-out person', async ({ acme }) => {
  await acme.goto()
  await expect(acme.heading('Dashboard')).toBeVisible()
  await expect(acme.signInLink).toBeVisible()
  await expect(acme.signOutButton).toHaveCount(0)
})

test('sign-in from the guarded settings page lands back on settings, signed in', async ({
  page,
  acme,
  signIn,
  sandbox,
}) => {
  await acme.goto('/settings')
  await expect(page).toHaveURL(new RegExp(`^${host}/sign-in`))
  const callback = page.waitForRequest((r) => r.url().startsWith(`${host}/auth/callback?`))
  await signIn(ALICE)
  expect(new URL((await callback).url()).searchParams.get('state')).not.toBeNull()

  await expect(page).toHaveURL(`${host}/settings`)
  await expect(acme.heading('Settings')).toBeVisible()
  await expect(page.getByText(ALICE, { exact: true })).toBeVisible()
  expect(await sandbox.count('indee', '/sso/login')).toBe(1)

  await page.getByRole('link', { name: 'Dashboard' }).click()
  await expect(acme.signedInAs(ALICE)).toBeVisible()
  await acme.signOutButton.click()
  await expect(acme.signInLink).toBeVisible()
})

test.describe('alice opens each partner from the Acme dashboard', () => {
  test.beforeEach(async ({ acme, signInAs }) => {
    await acme.goto('/sign-in')
    await signInAs(ALICE)
    await expect(acme.heading('Dashboard')).toBeVisible()
  })

  test('AssureSign', async ({ page, partners }) => {
    await page.getByRole('link', { name: HOME_LINKS.assuresign }).click()
    await partners.expectAssureSign(ALICE, ENVELOPE)
  })

  test('Aimbase', async ({ page, partners }) => {
    await page.getByRole('link', { name: HOME_LINKS.aimbaseJson }).click()
    await partners.expectAimbase(ALICE, ACCOUNT, '/Dashboard')
  })

  test('a line of business', async ({ page, partners }) => {
    await page.getByRole('link', { name: HOME_LINKS.lifeInsurance }).click()
    await partners.expectLineOfBusiness(LINES_OF_BUSINESS.lifeInsurance.label, ALICE_CII)
  })
})

test('a hand-off opened while signed out continues after sign-in', async ({
  acme,
  signIn,
  partners,
}) => {
  await acme.goto(`/handoff/assuresign/${ENVELOPE}`)
  await signIn(ALICE)
  await partners.expectAssureSign(ALICE, ENVELOPE)
})

test.describe("errors are shown in Acme Portal's own error view", () => {
  test('a bad Aimbase link, signed in', async ({ page, acme, signInAs, sandbox }) => {
    await acme.goto('/sign-in')
    await signInAs(ALICE)
    await acme.goto('/handoff/aimbase?account=not-a-guid')
    await acme.expectError('invalid_handoff_input')
    await expect(acme.errorView.getByRole('button')).toBeVisible()
    expect(await sandbox.count('aimbase', '/Security/SignOnAccount')).toBe(0)
    await expect(page).toHaveURL(new RegExp(`^${host}/handoff/aimbase`))
  })

  test('the callback without state, and its action starts over', async ({ page, acme }) => {
    await acme.goto('/auth/callback?code=any-code')
    await acme.expectError('state_missing')
    const action = acme.errorView.getByRole('button')
    await expect(action).toBeVisible()
    await action.click()
    await expect(page).not.toHaveURL(/\/auth\/callback/)
  })
})
