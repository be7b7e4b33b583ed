// Journey fixtures (Playwright test-fixtures): every test gets page objects and the sandbox
// control API of its worker's own stack (e2e/stack.ts), reset before the test so faults, logs
// and the clock never leak between journeys.
import { test as base, expect } from '@playwright/test'
import { AppPage } from './pages/app-page.ts'
import { ErrorViewPage } from './pages/error-view-page.ts'
import { IdpPage } from './pages/idp-page.ts'
import { PartnerPages } from './pages/partner-page.ts'
import { SandboxControlClient } from './sandbox-control.ts'
import { passwordOf } from './sandbox-data.ts'
import { onThisStack, stackIndex } from './stack.ts'

interface Fixtures {
  /** The sandbox control API of this worker's stack, reset before the test. */
  sandbox: SandboxControlClient
  /** sso-bridge's app: the sign-in form, the signed-in home page, storage checks. */
  app: AppPage
  /** The sandbox identity provider's sign-in page. */
  idp: IdpPage
  /** The partners' landing pages. */
  partners: PartnerPages
  /** sso-bridge's error view: title, code, primary action. */
  errorView: ErrorViewPage
  /** Submits the sign-in form (on the page shown) and signs in at the real identity provider. */
  signIn: (email: string) => Promise<void>
  /** `signIn`, then waits for the signed-in home page. */
  signInAs: (email: string) => Promise<void>
}

export const test = base.extend<Fixtures>({
  // playwright.config.ts names stack 0's app origin; each worker serves its own stack.
  baseURL: async ({ baseURL }, use, testInfo) => {
    if (testInfo.parallelIndex !== stackIndex()) {
      throw new Error(`worker ${testInfo.parallelIndex} would use stack ${stackIndex()}`)
    }
    await use(baseURL === undefined ? undefined : onThisStack(baseURL))
  },
  sandbox: async ({ request }, use) => {
    const sandbox = new SandboxControlClient(request)
    await sandbox.reset()
    await use(sandbox)
  },
  app: async ({ page }, use) => {
    await use(new AppPage(page))
  },
  idp: async ({ page }, use) => {
    await use(new IdpPage(page))
  },
  partners: async ({ page, request }, use) => {
    await use(new PartnerPages(page, request))
  },
  errorView: async ({ page }, use) => {
    await use(new ErrorViewPage(page))
  },
  signIn: async ({ app, idp }, use) => {
    await use(async (email) => {
      await app.startSignIn(email)
      await idp.signIn(email, passwordOf(email))
    })
  },
  signInAs: async ({ app, signIn }, use) => {
    await use(async (email) => {
      await signIn(email)
      await expect(app.signedInAs(email)).toBeVisible()
    })
  },
})

export { expect, passwordOf }
