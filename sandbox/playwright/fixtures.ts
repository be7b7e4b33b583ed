// The kit's Playwright fixtures (Playwright test-fixtures): every test gets page objects and the
// sandbox control API of its worker's own stack (stack.ts), reset before the test so faults,
// logs and the clock never leak between tests, and can sign a sandbox user in through the real
// identity provider. Where the host mounts the sign-in form is the option `sso`.
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test'
import { findUser, type SandboxEmail, type SandboxUser } from '../users.ts'
import { SandboxControlClient } from './control-client.ts'
import { ErrorViewPage } from './error-view-page.ts'
import { HandoffQuestionPage } from './handoff-question-page.ts'
import { IdpPage } from './idp-page.ts'
import { SignInForm, startingWith } from './sign-in-form.ts'
import { onThisStack, originOf, stackIndex } from './stack.ts'

/** Where the host app mounts sso-bridge (`test.use({ sso: { signInPath: '/login' } })`). */
export interface SsoOptions {
  /** The path that shows the sign-in form; default `/`. */
  readonly signInPath?: string
  /** Where the BFF answers on the app's origin; default `/api`. */
  readonly apiBase?: string
}

/** A sandbox user, as data or by email. */
export type SandboxUserRef = SandboxUser | SandboxEmail

export interface SandboxFixtures {
  /** Where the host app mounts sso-bridge; an option. */
  sso: SsoOptions
  /** The sandbox control API of this worker's stack, reset before the test. */
  sandbox: SandboxControlClient
  /** sso-bridge's sign-in form on the host's sign-in path. */
  signInForm: SignInForm
  /** The sandbox identity provider's sign-in page. */
  idp: IdpPage
  /** sso-bridge's error view: heading, code, primary action. */
  errorView: ErrorViewPage
  /** sso-bridge's question before a hand-off opened from outside the app: Continue or Cancel. */
  handoffQuestion: HandoffQuestionPage
  /**
   * Submits the sign-in form shown now with the user's email and signs in at the real identity
   * provider with their password. It does not wait for what the app does next.
   */
  signIn: (user: SandboxUserRef) => Promise<void>
  /**
   * Opens the sign-in path, signs the user in, and resolves with the page once it is back on the
   * app's origin and the BFF's session names the user.
   */
  signedInAs: (user: SandboxUserRef) => Promise<Page>
}

/** The sandbox user `ref` names; throws for an email that is not one. */
export function sandboxUser(ref: SandboxUser | string): SandboxUser {
  if (typeof ref !== 'string') return ref
  const user = findUser(ref)
  if (user === undefined) throw new Error(`${ref} is not a sandbox user`)
  return user
}

/** The email of the BFF session the request context's cookies name, or undefined. */
async function sessionEmail(request: APIRequestContext, url: string): Promise<string | undefined> {
  const response = await request.get(url, { failOnStatusCode: false })
  if (!response.ok()) return undefined
  const body = (await response.json()) as { email?: unknown }
  return typeof body.email === 'string' ? body.email : undefined
}

export const test = base.extend<SandboxFixtures>({
  sso: [{}, { option: true }],
  // The config names stack 0's app origin; each worker serves its own stack.
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
  signInForm: async ({ page, sso }, use) => {
    await use(new SignInForm(page, sso.signInPath ?? '/'))
  },
  idp: async ({ page }, use) => {
    await use(new IdpPage(page))
  },
  errorView: async ({ page }, use) => {
    await use(new ErrorViewPage(page))
  },
  handoffQuestion: async ({ page }, use) => {
    await use(new HandoffQuestionPage(page))
  },
  signIn: async ({ signInForm, idp }, use) => {
    await use(async (ref) => {
      const user = sandboxUser(ref)
      await signInForm.startSignIn(user.email)
      await idp.signIn(user.email, user.password)
    })
  },
  signedInAs: async ({ page, signInForm, signIn, baseURL, sso }, use) => {
    if (baseURL === undefined) throw new Error('signedInAs needs use.baseURL: the app origin')
    const app = new URL(baseURL).origin
    const sessionUrl = `${app}${sso.apiBase ?? '/api'}/session`
    await use(async (ref) => {
      const user = sandboxUser(ref)
      await signInForm.goto()
      await signIn(user)
      await expect(page).not.toHaveURL(startingWith(originOf('idp')))
      await expect(page).toHaveURL(startingWith(app))
      await expect.poll(() => sessionEmail(page.request, sessionUrl)).toBe(user.email)
      return page
    })
  },
})

export { expect }
