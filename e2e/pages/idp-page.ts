import { expect, type Page } from '@playwright/test'

/** The sandbox identity provider's sign-in page (sandbox/idp). */
export class IdpPage {
  constructor(readonly page: Page) {}

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email)
    await this.page.getByLabel('Password').fill(password)
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click()
  }

  async cancel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cancel' }).click()
  }

  async expectRefused(): Promise<void> {
    await expect(this.page.getByRole('alert')).toBeVisible()
  }
}
