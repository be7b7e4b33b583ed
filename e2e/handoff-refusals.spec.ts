// Every hand-off the BFF refuses without asking a partner, as a person sees it: the app's own
// words (no "Message from <partner>"), the BFF's request id under the details for support, and
// the sandbox's request log showing that the partner was never called. Real Chromium, the
// production build, the built BFF and the sandbox: nothing is faked.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { HOME_LINKS } from './pages/partner-page.ts'
import { AIMBASE_ACCOUNTS, ALICE, BOB, CAROL, HANDOFF_PATHS } from './sandbox-data.ts'
import { originOf, type ErrorViewPage } from '../sandbox/playwright.ts'

const app = originOf('appPreview')
const ASSURESIGN_SSO = '/authentication/sso'
const SIGN_ON = '/Security/SignOnAccount'
const GENERATE = '/generate-sso-token'

/** The view speaks for the app: its words, no partner's message, the BFF's request id kept. */
async function expectAppVoice(
  page: Page,
  errorView: ErrorViewPage,
  code: string,
  title: string,
  message: string,
) {
  await errorView.expectCode(code)
  await expect(errorView.title).toHaveText(title)
  await expect(errorView.view).toContainText(message)
  await expect(errorView.view).not.toContainText('Message from')
  await expect(errorView.primaryAction).toHaveText('Back to home')
  await page.getByText('Details for support').click()
  await expect(page.getByTestId('error-request-id')).toHaveText(/^[\da-f-]{36}$/)
  await expect(page).toHaveURL(new RegExp(`^${app}/handoff/`))
}

for (const { who, as, partner, path, party, call } of [
  {
    who: 'bob',
    as: BOB,
    partner: 'AssureSign',
    path: HANDOFF_PATHS.assuresign(),
    party: 'assuresign',
    call: ASSURESIGN_SSO,
  },
  {
    who: 'carol',
    as: CAROL,
    partner: 'Aimbase',
    path: HANDOFF_PATHS.aimbase(),
    party: 'aimbase',
    call: SIGN_ON,
  },
  {
    who: 'bob',
    as: BOB,
    partner: 'Aditya Birla Capital',
    path: HANDOFF_PATHS.lob(),
    party: 'abc',
    call: GENERATE,
  },
] as const) {
  test(`${who}, without access to ${partner}, is refused by the BFF in the app's words`, async ({
    page,
    app: home,
    signInAs,
    sandbox,
    errorView,
  }) => {
    await home.goto()
    await signInAs(as)
    await home.openHandoff(path)
    await expectAppVoice(
      page,
      errorView,
      'handoff_not_permitted',
      `You do not have access to ${partner}`,
      `Your account does not have access to ${partner}.`,
    )
    expect(await sandbox.count(party, call)).toBe(0)
  })
}

test("an Aimbase account that is not alice's is refused by the BFF in the app's words", async ({
  page,
  app: home,
  signInAs,
  sandbox,
  errorView,
}) => {
  await home.goto()
  await signInAs(ALICE)
  await home.openHandoff(HANDOFF_PATHS.aimbase(AIMBASE_ACCOUNTS.bobs, '/'))
  await expectAppVoice(
    page,
    errorView,
    'handoff_account_not_owned',
    'This Aimbase account is not linked to you',
    'The link opens an account at Aimbase that is not linked to yours.',
  )
  expect(await sandbox.count('aimbase', SIGN_ON)).toBe(0)
})

test("a hand-off body the BFF refuses is the app's own invalid_handoff_input", async ({
  page,
  app: home,
  signInAs,
  sandbox,
  errorView,
}) => {
  await home.goto()
  await signInAs(ALICE)
  // An app whose checks differ from the BFF's (an older build): the request leaves with a field
  // the BFF does not know. Only the request is changed; the real BFF answers.
  await page.route('**/api/assuresign/authentication/sso', (route) =>
    route.continue({ postData: JSON.stringify({ unexpected: true }) }),
  )
  await home.openHandoff(HANDOFF_PATHS.assuresign())
  await expectAppVoice(
    page,
    errorView,
    'invalid_handoff_input',
    'This link to AssureSign does not work',
    'The link is incomplete or has values we cannot use.',
  )
  expect(await sandbox.count('assuresign', ASSURESIGN_SSO)).toBe(0)
})

test('a session ended behind the app goes to sign-in with a calm notice, no partner called', async ({
  page,
  app: home,
  signInAs,
  sandbox,
}) => {
  await home.goto()
  await signInAs(ALICE)
  // The BFF ends the session (as another tab's sign-out would) while this page still shows it.
  const ended = await page.request.post(`${app}/api/session/sign-out`, {
    headers: { origin: app, 'content-type': 'application/json' },
    data: {},
  })
  expect(ended.status()).toBe(204)
  await page.getByRole('link', { name: HOME_LINKS.assuresign }).click()
  await expect(page.getByText('You were signed out because your session expired.')).toBeVisible()
  await expect(home.emailInput).toHaveValue(ALICE)
  await expect(page.getByRole('alert')).toHaveCount(0)
  expect(await sandbox.count('assuresign', ASSURESIGN_SSO)).toBe(0)
})
