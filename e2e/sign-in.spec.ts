// Sign-in journeys (issue: "Sign in with SSO, end to end"). Real Chromium, the production build
// under vite preview, the real identity provider, backend and the built BFF: nothing here is faked.
import type { Page } from '@playwright/test'
import { expect, passwordOf, test } from './fixtures.ts'
import type { AppPage } from './pages/app-page.ts'
import type { IdpPage } from '../sandbox/playwright.ts'
import type { SandboxControlClient } from '../sandbox/playwright.ts'
import { ALICE } from './sandbox-data.ts'
import { originOf } from '../sandbox/playwright.ts'

const app = originOf('appPreview')
const issuer = originOf('idp')

/** Starts a real sign-in and returns the state the backend issued (seen on the way to the IdP). */
async function stateOfNewSignIn(page: Page, startSignIn: () => Promise<void>): Promise<string> {
  const authorize = page.waitForRequest((r) => r.url().startsWith(`${issuer}/auth?`))
  await startSignIn()
  const state = new URL((await authorize).url()).searchParams.get('state')
  if (state === null) throw new Error('authorize request without state')
  return state
}

/** Signs alice in from the home page and returns the callback URL the provider sent her to. */
async function signInSeeingCallback(page: Page, home: AppPage, idp: IdpPage): Promise<URL> {
  await home.goto()
  await home.startSignIn(ALICE)
  const callback = page.waitForRequest((r) => r.url().startsWith(`${app}/sso/callback?`))
  await idp.signIn(ALICE, passwordOf(ALICE))
  return new URL((await callback).url())
}

/** alice is signed in at `url`, no token readable by page script, after exactly one login. */
async function expectSignedInAt(
  page: Page,
  home: AppPage,
  sandbox: SandboxControlClient,
  url: string,
): Promise<void> {
  await expect(home.signedInAs(ALICE)).toBeVisible()
  await expect(page).toHaveURL(url)
  await home.expectSignedInStorage()
  expect(await sandbox.count('indee', '/sso/login')).toBe(1)
}

/** The callback page shows `code` after `logins` requests reached the backend's sso/login. */
async function expectCallbackFailed(
  page: Page,
  home: AppPage,
  sandbox: SandboxControlClient,
  code: string,
  logins: 0 | 1,
): Promise<void> {
  await home.expectError(code)
  await expect(page).toHaveURL(`${app}/sso/callback`)
  expect(await sandbox.count('indee', '/sso/login')).toBe(logins)
}

function callbackUrl(params: Record<string, string>): string {
  return `${app}/sso/callback?${new URLSearchParams(params).toString()}`
}

test('alice signs in and lands signed in with nothing left behind', async ({
  page,
  app: home,
  idp,
  sandbox,
}) => {
  const callback = await signInSeeingCallback(page, home, idp)
  expect(callback.searchParams.get('iss')).toBe(issuer)

  await expectSignedInAt(page, home, sandbox, `${app}/`)

  await page.goBack()
  await expect(page).not.toHaveURL(/\/sso\/callback/)
  expect(await sandbox.count('indee', '/sso/login')).toBe(1)
})

for (const [how, twice] of [
  ['a double click on Sign in with SSO', (home: AppPage) => home.signInButton.dblclick()],
  [
    'a double Enter in the email field',
    async (home: AppPage) => {
      await home.emailInput.press('Enter')
      await home.emailInput.press('Enter')
    },
  ],
] as const) {
  test(`${how} starts one sign-in, with one initiate request`, async ({
    page,
    app: home,
    sandbox,
  }) => {
    // The backend holds the first initiate until both presses are in, so the second lands while
    // the first sign-in is under way.
    await sandbox.fault({ party: 'indee', path: '/sso/initiate', hold: true })
    await home.goto('/')
    await home.emailInput.fill(ALICE)
    await twice(home)
    await expect.poll(() => sandbox.count('indee', '/sso/initiate')).toBe(1)
    expect(await sandbox.release('indee')).toBe(1)
    await expect(page).toHaveURL(new RegExp(`^${originOf('idp')}/interaction/`))
    expect(await sandbox.count('indee', '/sso/initiate')).toBe(1)
  })
}

test('a same-origin returnTo is honoured after sign-in', async ({
  page,
  app: home,
  signInAs,
  sandbox,
}) => {
  await home.goto(`/?${new URLSearchParams({ returnTo: '/?tab=partners' }).toString()}`)
  await signInAs(ALICE)
  await expectSignedInAt(page, home, sandbox, `${app}/?tab=partners`)
})

test('a protocol-relative returnTo is dropped', async ({ page, app: home, signInAs, sandbox }) => {
  await home.goto(`/?${new URLSearchParams({ returnTo: '//evil.example' }).toString()}`)
  await signInAs(ALICE)
  await expectSignedInAt(page, home, sandbox, `${app}/`)
})

test('cancel at the identity provider is a calm notice, one click from the form with the email', async ({
  page,
  app: home,
  idp,
  sandbox,
  errorView,
}) => {
  await home.goto()
  await home.startSignIn(ALICE)
  await idp.cancel()
  // The Indee contract carries the provider's error to the backend once, so it can close the transaction.
  await expectCallbackFailed(page, home, sandbox, 'sign_in_cancelled', 1)
  // Calm: a status, not an alert; its heading not marked as a failure; no support to contact.
  const notice = page.getByRole('status').filter({ has: page.getByTestId('error-code') })
  await expect(notice.getByRole('heading', { level: 1 })).toHaveText('Sign-in cancelled')
  await expect(page.getByRole('alert')).toHaveCount(0)
  await expect(page.locator('section.error')).toHaveCount(0)
  await expect(notice).not.toContainText('contact support')
  // The provider's words are for support, under the collapsed details.
  await expect(page.getByText('The user cancelled the sign-in.')).toBeHidden()
  await page.getByText('Details for support').click()
  await expect(
    page.getByText('Message from your identity provider: The user cancelled the sign-in.'),
  ).toBeVisible()
  await home.expectNothingStored()
  // One click to the sign-in form, the email already there, and signing in works.
  await expect(errorView.primaryAction).toHaveText('Sign in')
  await errorView.primaryAction.click()
  await expect(home.emailInput).toHaveValue(ALICE)
  await expect(home.signInButton).toBeEnabled()
  await expect(home.emailInput).toBeFocused()
})

test('"Try again" after the sign-in service failed keeps the email typed', async ({
  page,
  app: home,
  sandbox,
  errorView,
}) => {
  await sandbox.fault({ party: 'indee', path: '/sso/initiate', status: 503, times: 1 })
  await home.goto()
  await home.emailInput.fill(ALICE)
  await home.signInButton.click()
  await errorView.expectCode('backend_unavailable')
  await expect(errorView.primaryAction).toHaveText('Try again')
  await errorView.primaryAction.click()
  await expect(home.emailInput).toHaveValue(ALICE)
  expect(page.url()).not.toContain(encodeURIComponent(ALICE))
  // The sign-in service is back: the kept email goes straight on to the identity provider.
  await home.signInButton.click()
  await expect(page).toHaveURL(new RegExp(`^${originOf('idp')}/interaction/`))
})

test('a sign-in the backend refuses leads back to the form with the email kept', async ({
  page,
  app: home,
  idp,
  sandbox,
  errorView,
}) => {
  await sandbox.fault({
    party: 'indee',
    path: '/sso/login',
    status: 401,
    body: '{"status_code":"A2002","status_message":"Access Denied"}',
  })
  await home.goto()
  await home.startSignIn(ALICE)
  await idp.signIn(ALICE, passwordOf(ALICE))
  await expectCallbackFailed(page, home, sandbox, 'login_failed', 1)
  await expect(errorView.title).toHaveText('We could not sign you in')
  // The backend's words stay under the details for support, with the BFF's request id.
  await expect(page.getByText('Access Denied')).toBeHidden()
  await page.getByText('Details for support').click()
  await expect(page.getByText('Message from the sign-in service: Access Denied')).toBeVisible()
  await expect(page.getByTestId('error-request-id')).toHaveText(/^[\da-f-]{36}$/)
  await errorView.primaryAction.click()
  await expect(home.emailInput).toHaveValue(ALICE)
  expect(page.url()).not.toContain(encodeURIComponent(ALICE))
  expect(page.url()).not.toContain(ALICE)
})

test('a provider error description with markup is shown as plain text, markup stripped', async ({
  page,
  app: home,
  sandbox,
}) => {
  await home.goto()
  const state = await stateOfNewSignIn(page, () => home.startSignIn(ALICE))
  const markup = '<img src=x onerror="document.title=\'pwned\'"><b>bold</b>'
  await page.goto(
    callbackUrl({ error: 'login_required', error_description: markup, state, iss: issuer }),
  )
  await expectCallbackFailed(page, home, sandbox, 'provider_error', 1)
  await page.getByText('Details for support').click()
  await expect(page.getByText('Message from your identity provider: bold')).toBeVisible()
  expect(await page.locator('main img, main b').count()).toBe(0)
  expect(await page.title()).toBe(
    'Your identity provider did not sign you in – Northwind Partner Hub',
  )
  await home.expectNothingStored()
})

test('an altered state is refused before any login request', async ({
  page,
  app: home,
  sandbox,
}) => {
  await home.goto()
  const state = await stateOfNewSignIn(page, () => home.startSignIn(ALICE))
  await page.goto(callbackUrl({ code: 'any-code', state: `${state}x`, iss: issuer }))
  await expectCallbackFailed(page, home, sandbox, 'state_mismatch', 0)
  await home.expectNoTokenReadable()
})

test('the callback URL opened again after success shows state_used', async ({
  page,
  app: home,
  idp,
  sandbox,
}) => {
  const used = (await signInSeeingCallback(page, home, idp)).href
  await expect(home.signedInAs(ALICE)).toBeVisible()

  await page.goto(used)
  await expectCallbackFailed(page, home, sandbox, 'state_used', 1)
  await expect(
    page.getByRole('heading', { name: 'This sign-in link was already used' }),
  ).toBeVisible()
  await home.expectSignedInStorage() // the replay neither stores nor drops anything
})

test('a callback without state shows state_missing', async ({ page, app: home, sandbox }) => {
  await page.goto(callbackUrl({ code: 'any-code', iss: issuer }))
  await expectCallbackFailed(page, home, sandbox, 'state_missing', 0)
  await home.expectNothingStored()
})

test('state=__proto__ matches no transaction', async ({ page, app: home, sandbox }) => {
  await home.goto()
  await stateOfNewSignIn(page, () => home.startSignIn(ALICE))
  await page.goto(callbackUrl({ code: 'any-code', state: '__proto__', iss: issuer }))
  await expectCallbackFailed(page, home, sandbox, 'state_mismatch', 0)
  await home.expectNoTokenReadable()
})

test('an iss of another origin is refused before any login request', async ({
  page,
  app: home,
  sandbox,
}) => {
  await home.goto()
  const state = await stateOfNewSignIn(page, () => home.startSignIn(ALICE))
  await page.goto(callbackUrl({ code: 'any-code', state, iss: 'http://127.0.0.1:4999' }))
  await expectCallbackFailed(page, home, sandbox, 'issuer_mismatch', 0)
  await home.expectNothingStored()
})

const loginFaults = [
  {
    name: 'a 500 from the backend shows backend_unavailable',
    fault: { status: 500, body: '{"status_code":"A5001","status_message":"Internal error"}' },
    code: 'backend_unavailable',
  },
  {
    name: 'a 401 A2002 from the backend shows login_failed',
    fault: { status: 401, body: '{"status_code":"A2002","status_message":"Access Denied"}' },
    code: 'login_failed',
  },
  {
    // A2004: the backend no longer knows the sign-in; nothing is wrong with the account.
    name: 'a 401 A2004 from the backend shows sign_in_expired',
    fault: {
      status: 401,
      body: '{"status_code":"A2004","status_message":"Sign-in transaction expired"}',
    },
    code: 'sign_in_expired',
  },
  {
    // A2001 refuses the BFF's own API key: the person learns the service is down, not why.
    name: 'a 401 A2001 from the backend shows backend_unavailable',
    fault: { status: 401, body: '{"status_code":"A2001","status_message":"Invalid API key"}' },
    code: 'backend_unavailable',
  },
  {
    name: 'a backend slower than the configured timeout shows timeout',
    fault: { delayMs: 9_000 },
    code: 'timeout',
  },
] as const

for (const { name, fault, code } of loginFaults) {
  test(name, async ({ page, app: home, idp, sandbox }) => {
    await sandbox.fault({ party: 'indee', path: '/sso/login', ...fault })
    await home.goto()
    await home.startSignIn(ALICE)
    await idp.signIn(ALICE, passwordOf(ALICE))
    await expectCallbackFailed(page, home, sandbox, code, 1)
    await home.expectNothingStored()
  })
}

test('under the dev server with StrictMode one callback sends one login request', async ({
  page,
  app: home,
  idp,
  sandbox,
}) => {
  const dev = originOf('appDev')
  await page.goto(`${dev}/`)
  await home.startSignIn(ALICE)
  await idp.signIn(ALICE, passwordOf(ALICE))
  await expectSignedInAt(page, home, sandbox, `${dev}/`)
})

test('sign out ends the session at the BFF and at Indee, empties storage and shows the form', async ({
  page,
  app: home,
  signInAs,
  sandbox,
}) => {
  await home.goto()
  await signInAs(ALICE)
  await home.signOut()
  await expect(home.signInButton).toBeVisible()
  await expect(page).toHaveURL(`${app}/`)
  // The BFF tells Indee after it has answered, so sign-out never waits on Indee.
  await expect.poll(() => sandbox.count('indee', '/logout')).toBe(1)
  const { session, local } = await home.storage()
  expect(session).toEqual({})
  expect(local).toEqual({})
  await page.reload()
  await expect(home.signInButton).toBeVisible()
})

test('a short-lived Indee token is renewed by the BFF while the person stays signed in', async ({
  page,
  app: home,
  signInAs,
  sandbox,
}) => {
  await sandbox.settings({ accessTokenTtlSeconds: 4 })
  await home.goto()
  await signInAs(ALICE)
  // Each load asks GET /api/session; past half the token's life the BFF renews it first.
  await expect(async () => {
    await page.reload()
    await expect(home.signedInAs(ALICE)).toBeVisible()
    expect(await sandbox.count('indee', '/refresh')).toBeGreaterThanOrEqual(1)
  }).toPass({ timeout: 15_000 })
  await home.expectSignedInStorage()
  expect(await sandbox.count('indee', '/sso/login')).toBe(1)
})

test('a refused refresh signs out with a message saying so', async ({
  page,
  app: home,
  signInAs,
  sandbox,
}) => {
  await sandbox.settings({ accessTokenTtlSeconds: 4 })
  await sandbox.fault({
    party: 'indee',
    path: '/refresh',
    status: 401,
    body: '{"status_code":"A2003","status_message":"Refresh failed"}',
  })
  await home.goto()
  await signInAs(ALICE)
  await expect(async () => {
    await page.reload()
    await expect(page.getByText('You were signed out because your session expired.')).toBeVisible({
      timeout: 2_000,
    })
  }).toPass({ timeout: 15_000 })
  await expect(home.signInButton).toBeVisible()
  await expect(page).toHaveURL(`${app}/`)
  await home.expectNothingStored()
  expect(await sandbox.count('indee', '/refresh')).toBe(1)
})

test('sessionStorage that starts throwing on write refuses the sign-in before any request', async ({
  page,
  app: home,
  sandbox,
}) => {
  await home.goto()
  await expect(home.signInButton).toBeVisible()
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
  })
  await home.emailInput.fill(ALICE)
  await home.signInButton.click()
  await home.expectError('storage_unavailable')
  await expect(page).toHaveURL(`${app}/`)
  await home.expectNothingStored()
  expect(await sandbox.count('indee', '/sso/initiate')).toBe(0)
  expect(await sandbox.count('idp', '/auth')).toBe(0)
})

test('sessionStorage that throws on write refuses to start the app', async ({
  page,
  app: home,
  sandbox,
}) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
  })
  await home.goto()
  await home.expectError('storage_unavailable')
  await expect(page).toHaveURL(`${app}/`)
  await home.expectNothingStored()
  expect(await sandbox.count('indee', '/sso/initiate')).toBe(0)
  expect(await sandbox.count('idp', '/auth')).toBe(0)
})
