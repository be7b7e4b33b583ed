import { expect, type Locator, type Page } from '@playwright/test'
import { originOf } from '../../sandbox/ports.ts'

export interface StorageSnapshot {
  readonly session: Record<string, string>
  readonly local: Record<string, string>
}

/** The sso-bridge SPA as a person sees it. */
export class AppPage {
  readonly emailInput: Locator
  readonly signInButton: Locator
  readonly signOutButton: Locator
  readonly errorCode: Locator

  constructor(readonly page: Page) {
    this.emailInput = page.getByLabel('Work email')
    this.signInButton = page.getByRole('button', { name: 'Sign in with SSO' })
    this.signOutButton = page.getByRole('button', { name: 'Sign out' })
    this.errorCode = page.getByTestId('error-code')
  }

  async goto(path = '/'): Promise<void> {
    await this.page.goto(path)
  }

  /** Submits the sign-in form and waits until the identity provider's page is shown. */
  async startSignIn(email: string): Promise<void> {
    await this.emailInput.fill(email)
    await this.signInButton.click()
    await expect(this.page).toHaveURL(new RegExp(`^${originOf('idp')}/interaction/`))
    await expect(this.page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
  }

  signedInAs(email: string): Locator {
    return this.page.getByText(`Signed in as ${email}`)
  }

  async expectError(code: string): Promise<void> {
    await expect(this.errorCode).toHaveText(code)
  }

  /** Both storages of the app's origin (call while the app is the current page). */
  async storage(): Promise<StorageSnapshot> {
    return this.page.evaluate(() => ({
      session: Object.fromEntries(Object.entries(sessionStorage)),
      local: Object.fromEntries(Object.entries(localStorage)),
    }))
  }

  /** Asserts a session is kept in this tab (sessionStorage only) and no transaction is left. */
  async expectSignedInStorage(): Promise<void> {
    const { session, local } = await this.storage()
    expect(Object.keys(session)).toContain('sso-bridge:session')
    expect(Object.keys(session).filter((k) => k.startsWith('sso-bridge:txn:'))).toEqual([])
    expect(local).toEqual({})
  }

  /** Asserts that no session token is stored anywhere (a pending sign-in may remain). */
  async expectNoSessionStored(): Promise<void> {
    const { session, local } = await this.storage()
    expect(Object.keys(session)).not.toContain('sso-bridge:session')
    expect(local).toEqual({})
  }

  /** Asserts that no token and no sign-in transaction is left in this origin's storage. */
  async expectNothingStored(): Promise<void> {
    const { session, local } = await this.storage()
    expect(
      Object.keys(session).filter(
        (k) => k.startsWith('sso-bridge:txn:') || k === 'sso-bridge:session',
      ),
    ).toEqual([])
    expect(local).toEqual({})
  }
}
