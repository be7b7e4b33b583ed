// Acme Portal (examples/host-app) as a person sees it: its own sidebar and dashboard, sso-bridge's
// sign-in page and hand-offs under the host's paths, and the host's own error view.
import { expect, type Locator, type Page } from '@playwright/test'

export const ACME_ERROR_HEADING = 'Acme Portal could not finish this'

export class AcmePortal {
  readonly nav: Locator
  readonly signInLink: Locator
  readonly signOutButton: Locator
  /** The host's own error view (`data-acme="error"`), never sso-bridge's. */
  readonly errorView: Locator
  readonly errorCode: Locator

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Acme Portal' })
    this.signInLink = page.getByRole('link', { name: 'Sign in', exact: true })
    this.signOutButton = page.getByRole('button', { name: 'Sign out' })
    this.errorView = page.locator('[data-acme="error"]')
    this.errorCode = this.errorView.getByTestId('acme-error-code')
  }

  async goto(path = '/'): Promise<void> {
    await this.page.goto(path)
    await expect(this.nav).toBeVisible()
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { name, level: 1 })
  }

  signedInAs(email: string): Locator {
    return this.page.getByText(`Signed in as ${email}`)
  }

  /** The host's error view with `code`, and sso-bridge's own error view nowhere. */
  async expectError(code: string): Promise<void> {
    await expect(this.errorView.getByRole('heading', { name: ACME_ERROR_HEADING })).toBeVisible()
    await expect(this.errorCode).toHaveText(code)
    await expect(this.page.getByTestId('error-code')).toHaveCount(0)
  }
}
