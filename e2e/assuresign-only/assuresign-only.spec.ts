// A deployment that uses AssureSign only (playwright.partners.config.ts): the app offers no link
// to the partners it leaves out, their hand-off addresses show the not-found view, and the BFF has
// no route for them. AssureSign works as in every deployment.
import { expect, test } from '../fixtures.ts'
import { HOME_LINKS } from '../pages/partner-page.ts'
import { AIMBASE_ACCOUNTS, ALICE, DEMO_ENVELOPE, HANDOFF_PATHS } from '../sandbox-data.ts'
import { originOf } from '../../sandbox/playwright.ts'

test.beforeEach(async ({ app, signInAs }) => {
  await app.goto()
  await signInAs(ALICE)
})

test('alice, who may use every partner, is offered AssureSign alone', async ({ page }) => {
  const destinations = page.getByRole('region', { name: 'Partner destinations' })
  await expect(destinations.getByRole('link')).toHaveText([HOME_LINKS.assuresign])
})

test('AssureSign hands alice off as in every deployment', async ({ page, partners, sandbox }) => {
  await page.getByRole('link', { name: HOME_LINKS.assuresign }).click()
  await partners.expectAssureSign(ALICE, DEMO_ENVELOPE.id)
  expect(await sandbox.count('assuresign', '/authentication/sso')).toBe(1)
})

for (const [partner, path] of [
  ['Aimbase', HANDOFF_PATHS.aimbase()],
  ['ABC', HANDOFF_PATHS.lob()],
] as const) {
  test(`the ${partner} hand-off address shows the not-found view and asks no one`, async ({
    page,
    sandbox,
  }) => {
    await page.goto(path)
    await expect(page.getByRole('heading', { name: 'Page not found', level: 1 })).toBeVisible()
    await page.getByRole('button', { name: 'Back to home' }).click()
    await expect(page.getByText(`Signed in as ${ALICE}`)).toBeVisible()
    expect(await sandbox.count('aimbase', '/api/Security/SignOnAccount')).toBe(0)
    expect(await sandbox.count('abc', '/generate-sso-token')).toBe(0)
  })
}

test('the BFF answers 404 not_found on the routes of the partners it leaves out', async ({
  page,
}) => {
  const app = originOf('appPreview')
  for (const route of [
    '/api/aimbase/Security/SignOnAccount',
    '/api/abc/cmnsrv/user/generate-sso-token',
  ]) {
    // Signed in (the page's cookies), same origin, JSON: only the missing route can refuse it.
    const response = await page.request.post(app + route, {
      headers: { origin: app, 'content-type': 'application/json' },
      data: {},
    })
    expect(response.status(), route).toBe(404)
    expect(await response.json()).toMatchObject({ error: 'not_found' })
  }
  const assureSign = await page.request.post(`${app}/api/assuresign/authentication/sso`, {
    headers: { origin: app, 'content-type': 'application/json' },
    data: {},
  })
  expect(assureSign.status()).toBe(200)
})

test("a partner the app lists but the BFF does not serve is the app's handoff_not_configured", async ({
  page,
  sandbox,
  errorView,
}) => {
  // A runtime config that names Aimbase although this BFF has no Aimbase settings (the app's
  // file changed, the BFF's variables did not). Only the config file is changed; the BFF answers.
  const account = AIMBASE_ACCOUNTS.aliceDealer
  await page.route('**/sso.config.json', async (route) => {
    const response = await route.fetch()
    const config = (await response.json()) as { partners: Record<string, unknown> }
    config.partners['aimbase'] = {
      origin: originOf('aimbase'),
      format: 'json',
      accounts: [{ uid: account.uid, label: 'Dealer', landing: account.landing }],
    }
    await route.fulfill({ response, json: config })
  })
  await page.goto(HANDOFF_PATHS.aimbase())
  // Opened by its address, the hand-off asks first.
  await page.getByRole('button', { name: 'Continue' }).click()
  await errorView.expectCode('handoff_not_configured')
  await expect(errorView.title).toHaveText('Aimbase is not set up here')
  await expect(errorView.view).not.toContainText('Message from')
  await expect(errorView.primaryAction).toHaveText('Back to home')
  expect(await sandbox.count('aimbase', '/api/Security/SignOnAccount')).toBe(0)
})
