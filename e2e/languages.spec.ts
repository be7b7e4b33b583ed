// Hindi end to end, as a person whose browser prefers Hindi meets the app: the sign-in page, the
// real identity provider, the home page and an error view, every word from the Hindi catalog and
// <html lang="hi">; then the footer's switcher back to English, remembered on the next visit.
// Real Chromium, the production build, the built BFF and the sandbox: nothing is faked.
import { expect, passwordOf, test } from './fixtures.ts'
import { HOME_LINKS } from './pages/partner-page.ts'
import { ALICE } from './sandbox-data.ts'

test.use({ locale: 'hi-IN' })

test('a browser that prefers Hindi signs in, sees home and an error view in Hindi', async ({
  page,
  app,
  idp,
  sandbox,
}) => {
  await app.goto()
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi')
  await expect(page.getByRole('heading', { level: 1, name: 'साइन इन करें' })).toBeVisible()
  await expect(page).toHaveTitle('साइन इन करें – Northwind Partner Hub')
  await page.getByLabel('कार्य ईमेल').fill(ALICE)
  await page.getByRole('button', { name: 'SSO से साइन इन करें' }).click()
  await idp.signIn(ALICE, passwordOf(ALICE))

  await expect(page.getByRole('heading', { level: 1, name: 'स्वागत है' })).toBeVisible()
  await expect(page.getByText(`इस रूप में साइन इन: ${ALICE}`)).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'सहयोगी गंतव्य' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'साइन आउट करें' })).toBeVisible()

  // AssureSign is down: the error view speaks Hindi, the partner's name as it writes it.
  await sandbox.fault({ party: 'assuresign', path: '/authentication/sso', status: 503 })
  await page.getByRole('link', { name: HOME_LINKS.assuresign }).click()
  await app.expectError('handoff_unavailable')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('AssureSign उपलब्ध नहीं है')
  await expect(page.getByRole('button', { name: 'दोबारा कोशिश करें' })).toBeVisible()
  await page.getByText('सहायता टीम के लिए विवरण').click()
  await expect(page.getByText('अनुरोध:')).toBeVisible()
  await expect(page.getByTestId('error-request-id')).toHaveText(/^[\da-f-]{36}$/)

  // The footer's switcher wins over the browser, and is remembered.
  await page.getByRole('contentinfo').getByRole('combobox', { name: 'भाषा' }).selectOption('en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('AssureSign is not available')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await app.goto()
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible()
})
