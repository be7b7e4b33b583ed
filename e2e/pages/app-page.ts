import { expect, type Locator, type Page } from '@playwright/test'
import { HandoffQuestionPage, IdpPage, SignInForm } from '../../sandbox/playwright.ts'

export interface StorageSnapshot {
  readonly session: Record<string, string>
  readonly local: Record<string, string>
  readonly cookie: string
}

/** Three base64url parts: a JWT, wherever page script might find one. */
const JWT = /[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/
/**
 * What the app keeps in sessionStorage: sign-in transactions and their tombstones, the state of a
 * sign-out at the identity provider, the email the tab last signed in with, and the runtime config
 * the sign-in page checked, until the next page takes it; nothing else.
 */
const OWN_KEYS = /^sso-bridge:((txn|done|signout):|email$|config-checked$)/

/** The sso-bridge SPA as a person sees it: the kit's sign-in form on `/`, and the rest. */
export class AppPage extends SignInForm {
  readonly signOutButton: Locator
  readonly errorCode: Locator
  /** The question a hand-off opened from outside the app asks first. */
  readonly handoffQuestion: HandoffQuestionPage

  constructor(page: Page) {
    super(page, '/')
    this.signOutButton = page.getByRole('button', { name: 'Sign out' })
    this.errorCode = page.getByTestId('error-code')
    this.handoffQuestion = new HandoffQuestionPage(page)
  }

  /**
   * Opens a hand-off address as a link from outside the app does (a page load of its own, no
   * in-app mark), then answers the question with Continue: for hand-offs the home page does not
   * offer (another account, a fault on one partner, another person's link).
   */
  async openHandoff(path: string): Promise<void> {
    await this.goto(path)
    await this.handoffQuestion.continue()
  }

  /**
   * Presses "Sign out" and answers the identity provider's question (the shipped config signs out
   * there too, `identityProvider.endSession`), back on the app's sign-in page.
   */
  async signOut(): Promise<void> {
    await this.signOutButton.click()
    await new IdpPage(this.page).confirmSignOut()
  }

  signedInAs(email: string): Locator {
    return this.page.getByText(`Signed in as ${email}`)
  }

  /**
   * A broken deployment: the app's own static config file is served with a bad field (every other
   * request stays real). Call before `goto`.
   */
  async serveBrokenConfig(): Promise<void> {
    await this.page.route('**/sso.config.json', async (route) => {
      const response = await route.fetch()
      const config = (await response.json()) as Record<string, unknown>
      await route.fulfill({ response, json: { ...config, apiBase: 'https://api.example' } })
    })
  }

  async expectError(code: string): Promise<void> {
    await expect(this.errorCode).toHaveText(code)
  }

  /** Both storages and `document.cookie` of the app's origin (call while the app is shown). */
  async storage(): Promise<StorageSnapshot> {
    return this.page.evaluate(() => ({
      session: Object.fromEntries(Object.entries(sessionStorage)),
      local: Object.fromEntries(Object.entries(localStorage)),
      cookie: document.cookie,
    }))
  }

  /**
   * Asserts that page script can read no token: no JWT and no session in either storage or in
   * `document.cookie` (the BFF's cookie is HttpOnly), and no sign-in transaction left over.
   */
  async expectSignedInStorage(): Promise<void> {
    await this.expectNoTokenReadable()
    const { session } = await this.storage()
    expect(Object.keys(session).filter((k) => k.startsWith('sso-bridge:txn:'))).toEqual([])
  }

  /** Asserts that nothing page script can read looks like a token or a session. */
  async expectNoTokenReadable(): Promise<void> {
    const { session, local, cookie } = await this.storage()
    const readable = [...Object.values(session), ...Object.values(local), cookie].join('\n')
    expect(readable).not.toMatch(JWT)
    expect(cookie).not.toContain('sso_session')
    expect(Object.keys(session).filter((k) => !OWN_KEYS.test(k))).toEqual([])
    expect(local).toEqual({})
  }

  /** Asserts that no token and no sign-in transaction is left in this origin's storage. */
  async expectNothingStored(): Promise<void> {
    await this.expectNoTokenReadable()
    const { session } = await this.storage()
    expect(Object.keys(session).filter((k) => k.startsWith('sso-bridge:txn:'))).toEqual([])
  }
}
