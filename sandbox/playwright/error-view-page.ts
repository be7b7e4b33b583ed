import { expect, type Locator, type Page } from '@playwright/test'

/**
 * sso-bridge's error view (its `ErrorView`), as a person sees it: the `role="alert"` section of a
 * failure (or the `role="status"` one of a notice, e.g. a cancelled sign-in) with its level-1
 * heading, the code for support, and the way forward.
 */
export class ErrorViewPage {
  /** The error view itself. */
  readonly view: Locator
  /** Its heading, e.g. "This sign-in link was already used". */
  readonly title: Locator
  /** The bare code, e.g. `handoff_forbidden` (`data-testid="error-code"`). */
  readonly code: Locator
  /** The way forward (`data-testid="error-primary-action"`), e.g. "Try again". */
  readonly primaryAction: Locator

  constructor(readonly page: Page) {
    this.view = page
      .getByRole('alert')
      .or(page.getByRole('status'))
      .filter({ has: page.getByTestId('error-code') })
    this.title = this.view.getByRole('heading', { level: 1 })
    this.code = page.getByTestId('error-code')
    this.primaryAction = page.getByTestId('error-primary-action')
  }

  /** Waits until the error view shows `code`. */
  async expectCode(code: string): Promise<void> {
    await expect(this.code).toHaveText(code)
  }
}
