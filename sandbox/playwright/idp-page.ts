import { expect, type Locator, type Page } from '@playwright/test'

/** The sandbox identity provider's sign-in page (sandbox/idp/login-page.ts). */
export class IdpPage {
  /** "to continue to …": the registered name of the app that started the sign-in. */
  readonly appName: Locator

  constructor(readonly page: Page) {
    this.appName = page
      .getByRole('main')
      .locator('p', { hasText: 'to continue to' })
      .locator('strong')
  }

  /** Fills in email and password and presses "Sign in". */
  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email)
    await this.page.getByLabel('Password').fill(password)
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click()
  }

  /** Presses "Cancel": the app gets `access_denied` back. */
  async cancel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cancel' }).click()
  }

  /**
   * Answers the provider's sign-out question ("Sign out of … in this browser?", asked when an
   * app sends the browser to its end-session endpoint) with "Yes, sign me out".
   */
  async confirmSignOut(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sign out' })).toBeVisible()
    await this.page.getByRole('button', { name: 'Yes, sign me out' }).click()
  }

  /** Waits until the page refuses the email and password given. */
  async expectRefused(): Promise<void> {
    await expect(this.page.getByRole('alert')).toBeVisible()
  }
}
