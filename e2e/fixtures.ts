// Our journeys' fixtures: the testing kit's (sandbox/playwright.ts: the control API of the
// worker's own stack, reset before each test; the sign-in form, the identity provider, the error
// view; signing a sandbox user in) plus our app's own page objects.
import { expect, sandboxUser, test as kit } from '../sandbox/playwright.ts'
import { passwordOf } from '../sandbox/users.ts'
import { AppPage } from './pages/app-page.ts'
import { PartnerPages } from './pages/partner-page.ts'

interface Fixtures {
  /** sso-bridge's app: the sign-in form, the signed-in home page, storage checks. */
  app: AppPage
  /** The partners' landing pages. */
  partners: PartnerPages
  /** The kit's `signIn`, then waits for our signed-in home page. */
  signInAs: (email: string) => Promise<void>
}

export const test = kit.extend<Fixtures>({
  app: async ({ page }, use) => {
    await use(new AppPage(page))
  },
  partners: async ({ page, request }, use) => {
    await use(new PartnerPages(page, request))
  },
  signInAs: async ({ app, signIn }, use) => {
    await use(async (email) => {
      await signIn(sandboxUser(email))
      await expect(app.signedInAs(email)).toBeVisible()
    })
  },
})

export { expect, passwordOf }
