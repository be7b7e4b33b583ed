// Every view as people see it, for the designers and reviewers: each one in English and Hindi, in
// the light and the dark scheme, at 1280 × 800 and 375 × 812, attached to the HTML report
// (`npx playwright show-report`). Each picture is taken after checking what it shows: the page's
// language, the scheme, and at 375 px that nothing scrolls sideways.
import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { ALICE, BOB, HANDOFF_PATHS } from './sandbox-data.ts'

const LANGUAGES = ['en', 'hi'] as const
const SCHEMES = ['light', 'dark'] as const
const WIDTHS = [
  { name: '1280', width: 1280, height: 800 },
  { name: '375', width: 375, height: 812 },
] as const

/** The view now shown, in every language, scheme and width, each picture in the report. */
async function captureEverywhere(page: Page, testInfo: TestInfo, view: string): Promise<void> {
  const heading = page.getByRole('heading', { level: 1 }).first()
  await expect(heading).toBeVisible()
  for (const language of LANGUAGES) {
    await page.getByRole('contentinfo').getByRole('combobox').selectOption(language)
    await expect(page.locator('html')).toHaveAttribute('lang', language)
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme })
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        colorScheme === 'dark',
      )
      for (const size of WIDTHS) {
        await page.setViewportSize(size)
        await expect(heading).toBeVisible()
        const sideways = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        expect(sideways, `${view}, ${language}, ${colorScheme}, ${size.name} px`).toBe(0)
        await testInfo.attach(`${view} – ${language} – ${colorScheme} – ${size.name}px`, {
          body: await page.screenshot({ fullPage: true, animations: 'disabled' }),
          contentType: 'image/png',
        })
      }
    }
  }
  await page.setViewportSize(WIDTHS[0])
}

test('sign-in', async ({ page, app }, testInfo) => {
  await app.goto()
  await captureEverywhere(page, testInfo, 'sign-in')
})

test('home with destinations', async ({ page, app, signInAs }, testInfo) => {
  await app.goto()
  await signInAs(ALICE)
  await captureEverywhere(page, testInfo, 'home (alice)')
})

test('home without destinations', async ({ page, app, signInAs }, testInfo) => {
  await app.goto()
  await signInAs(BOB)
  await captureEverywhere(page, testInfo, 'home (bob)')
})

test('the question before a hand-off opened from outside', async ({
  page,
  app,
  signInAs,
  handoffQuestion,
}, testInfo) => {
  await app.goto()
  await signInAs(ALICE)
  await app.goto(HANDOFF_PATHS.assuresign())
  await handoffQuestion.expectAsked('AssureSign')
  await captureEverywhere(page, testInfo, 'hand-off question')
})

test('a hand-off in progress', async ({ page, app, signInAs, sandbox }, testInfo) => {
  await app.goto()
  await signInAs(ALICE)
  // Held until the sandbox is reset: the journey ends before AssureSign answers.
  await sandbox.fault({ party: 'assuresign', path: '/authentication/sso', hold: true })
  await app.openHandoff(HANDOFF_PATHS.assuresign())
  await expect(page.getByRole('heading', { name: 'Opening AssureSign…' })).toBeVisible()
  await captureEverywhere(page, testInfo, 'progress')
})

test('a partner failure, with the details for support open', async ({
  page,
  app,
  signInAs,
  sandbox,
}, testInfo) => {
  await app.goto()
  await signInAs(ALICE)
  await sandbox.fault({ party: 'assuresign', path: '/authentication/sso', status: 503 })
  await app.openHandoff(HANDOFF_PATHS.assuresign())
  await app.expectError('handoff_unavailable')
  await page.locator('details.support-details summary').click()
  await captureEverywhere(page, testInfo, 'error (partner failure)')
})

test("the BFF's own refusal of a hand-off", async ({ page, app, signInAs }, testInfo) => {
  await app.goto()
  await signInAs(BOB)
  await app.openHandoff(HANDOFF_PATHS.lob())
  await app.expectError('handoff_not_permitted')
  await captureEverywhere(page, testInfo, 'error (not permitted)')
})

test('a sign-in cancelled at the identity provider', async ({ page, app, idp }, testInfo) => {
  await app.goto()
  await app.startSignIn(ALICE)
  await idp.cancel()
  await app.expectError('sign_in_cancelled')
  await captureEverywhere(page, testInfo, 'sign-in cancelled')
})

test('signed out, here and at the identity provider', async ({
  page,
  app,
  signInAs,
  idp,
}, testInfo) => {
  await app.goto()
  await signInAs(ALICE)
  await app.signOutButton.click()
  await idp.confirmSignOut()
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible()
  await captureEverywhere(page, testInfo, 'signed out')
})

test('not found', async ({ page, app }, testInfo) => {
  await app.goto('/nowhere')
  await captureEverywhere(page, testInfo, 'not found')
})

test('config error', async ({ page, app }, testInfo) => {
  await app.serveBrokenConfig()
  await app.goto()
  await app.expectError('config_invalid')
  await captureEverywhere(page, testInfo, 'config error')
})
