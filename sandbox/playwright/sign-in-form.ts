import { expect, type Locator, type Page } from '@playwright/test'
import { originOf } from './stack.ts'

/** A pattern matching URLs that start with `prefix`. */
export function startingWith(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
}

/**
 * sso-bridge's sign-in form (the `SignIn` view: label "Work email", button "Sign in with SSO"),
 * wherever the host app mounts it (`signInPath`, our app's is `/`).
 */
export class SignInForm {
  readonly emailInput: Locator
  readonly signInButton: Locator

  constructor(
    readonly page: Page,
    readonly signInPath = '/',
  ) {
    this.emailInput = page.getByLabel('Work email')
    this.signInButton = page.getByRole('button', { name: 'Sign in with SSO' })
  }

  /** Opens `path`, by default the sign-in path. */
  async goto(path = this.signInPath): Promise<void> {
    await this.page.goto(path)
  }

  /** Submits the form with `email` and waits until the identity provider's page is shown. */
  async startSignIn(email: string): Promise<void> {
    await this.emailInput.fill(email)
    await this.signInButton.click()
    await expect(this.page).toHaveURL(startingWith(`${originOf('idp')}/interaction/`))
    await expect(this.page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible()
  }
}
