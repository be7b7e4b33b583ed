import { expect, type Locator, type Page } from '@playwright/test'
import { startingWith } from './sign-in-form.ts'

/**
 * sso-bridge's question before a hand-off opened from outside the app (its `HandoffConfirmView`):
 * a level-1 heading "Continue to AssureSign?", where the hand-off leads (a description list) and
 * the buttons Continue and Cancel. A hand-off started by a click inside the app never asks.
 */
export class HandoffQuestionPage {
  /** The question, e.g. "Continue to AssureSign?". */
  readonly title: Locator
  /** Where the hand-off leads: terms ("Envelope id") and their descriptions. */
  readonly destination: Locator
  readonly continueButton: Locator
  readonly cancelButton: Locator

  constructor(readonly page: Page) {
    this.title = page.getByRole('heading', { level: 1, name: /^Continue to .+\?$/ })
    this.destination = page.locator('dl.destination')
    this.continueButton = page.getByRole('button', { name: 'Continue', exact: true })
    this.cancelButton = page.getByRole('button', { name: 'Cancel', exact: true })
  }

  /** Waits until the question names `partner` ("AssureSign", "Aimbase", "Aditya Birla Capital"). */
  async expectAsked(partner: string): Promise<void> {
    await expect(this.title).toHaveText(`Continue to ${partner}?`)
  }

  /** The description given for `term` (exactly "Envelope id", "Account", "Line of business", …). */
  description(term: string): Locator {
    const exactly = new RegExp(`${startingWith(term).source}$`)
    return this.destination
      .locator('div')
      .filter({ has: this.page.getByRole('term').filter({ hasText: exactly }) })
      .getByRole('definition')
  }

  /** Waits for the question and answers Continue: the hand-off runs. */
  async continue(): Promise<void> {
    await expect(this.title).toBeVisible()
    await this.continueButton.click()
  }

  /** Waits for the question and answers Cancel: home, in place of the hand-off page. */
  async cancel(): Promise<void> {
    await expect(this.title).toBeVisible()
    await this.cancelButton.click()
  }
}
