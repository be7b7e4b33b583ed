// The session kept by the BFF (issue: "No token in the browser"). Real Chromium, the production
// build, the built BFF and the sandbox: what page script can read, tabs and browsers sharing or
// not sharing a session, requests from other sites, and one slow vendor among many people.
import type { Browser, BrowserContext, Page } from '@playwright/test'
import { expect, passwordOf, test } from './fixtures.ts'
import { AppPage } from './pages/app-page.ts'
import { IdpPage } from '../sandbox/playwright.ts'
import { HOME_LINKS, PartnerPages } from './pages/partner-page.ts'
import { AIMBASE_ACCOUNTS, ALICE, CAROL, DEMO_ENVELOPE } from './sandbox-data.ts'
import { originOf } from '../sandbox/playwright.ts'

const app = originOf('appPreview')
const ENVELOPE = DEMO_ENVELOPE.id
const ACCOUNT = AIMBASE_ACCOUNTS.aliceDealer.uid
const assureSignPath = `/handoff/assuresign/${ENVELOPE}`
const aimbasePath = `/handoff/aimbase?${new URLSearchParams({ account: ACCOUNT, landing: '/Dashboard' }).toString()}`
const ASSURESIGN_API = `${app}/api/assuresign/authentication/sso`

/** Another browser: a context of its own, with no cookie and no storage of the first. */
async function otherBrowser(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; home: AppPage }> {
  const context = await browser.newContext({ baseURL: app })
  const page = await context.newPage()
  return { context, page, home: new AppPage(page) }
}

async function signInOn(page: Page, email: string): Promise<void> {
  const home = new AppPage(page)
  await home.goto()
  await home.startSignIn(email)
  await new IdpPage(page).signIn(email, passwordOf(email))
  await expect(home.signedInAs(email)).toBeVisible()
}

test('after sign-in page script can read no token; the session cookie is HttpOnly and Strict', async ({
  page,
  context,
  app: home,
  signInAs,
}) => {
  await home.goto()
  await signInAs(ALICE)
  await home.expectSignedInStorage()
  const cookies = await context.cookies(app)
  const session = cookies.find((c) => c.name === 'sso_session')
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })
  expect(await page.evaluate(() => document.cookie)).not.toContain('sso_session')
})

test('a second tab typed by hand is signed in, and signing out in it signs the first out', async ({
  context,
  app: home,
  signInAs,
}) => {
  await home.goto()
  await signInAs(ALICE)
  const second = new AppPage(await context.newPage())
  await second.goto()
  await expect(second.signedInAs(ALICE)).toBeVisible()
  await second.signOutButton.click()
  // The first tab hears of it at once, without a reload, while the second asks the provider.
  await expect(home.signInButton).toBeVisible()
  await expect(home.signedInAs(ALICE)).toBeHidden()
  await new IdpPage(second.page).confirmSignOut()
  await expect(second.signInButton).toBeVisible()
})

test('cookies copied before sign-out open nothing after it', async ({
  browser,
  context,
  app: home,
  signInAs,
  sandbox,
}) => {
  await home.goto()
  await signInAs(ALICE)
  const copied = await context.cookies()
  await home.signOut()
  await expect(home.signInButton).toBeVisible()

  const thief = await otherBrowser(browser)
  try {
    await thief.context.addCookies(copied)
    await thief.home.goto(assureSignPath)
    await expect(thief.home.signInButton).toBeVisible()
    await expect(thief.page).toHaveURL(new RegExp(`^${app}/\\?returnTo=`))
    const replayed = await thief.context.request.post(ASSURESIGN_API, {
      headers: { origin: app, 'content-type': 'application/json' },
      data: {},
    })
    expect(replayed.status()).toBe(401)
    expect(await sandbox.count('assuresign', '/authentication/sso')).toBe(0)
  } finally {
    await thief.context.close()
  }
})

test("the app's partner request replayed from another site or as text/plain is refused", async ({
  page,
  context,
  app: home,
  signInAs,
  sandbox,
}) => {
  await home.goto()
  await signInAs(ALICE)
  // With alice's cookie, as a forged request would carry it.
  const foreign = await context.request.post(ASSURESIGN_API, {
    headers: { origin: 'http://127.0.0.1:4999', 'content-type': 'application/json' },
    data: {},
  })
  expect(foreign.status()).toBe(403)
  const plain = await context.request.post(ASSURESIGN_API, {
    headers: { origin: app, 'content-type': 'text/plain' },
    data: '{}',
  })
  expect(plain.status()).toBe(403)
  // And from a real page on another origin of this host, which SameSite alone would let through.
  await page.goto(`${originOf('control')}/`)
  const outcome = await page.evaluate(async (url) => {
    try {
      await fetch(url, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'content-type': 'text/plain' },
        body: '{}',
      })
      return 'answered'
    } catch {
      return 'blocked'
    }
  }, ASSURESIGN_API)
  // The BFF refuses it, and its Cross-Origin-Resource-Policy: same-origin keeps even the opaque
  // answer from the other site's page: the browser fails the fetch.
  expect(outcome).toBe('blocked')
  expect(await sandbox.count('assuresign', '/authentication/sso')).toBe(0)
  await home.goto()
  await expect(home.signedInAs(ALICE)).toBeVisible()
})

test("a hung Aimbase login does not hold up another person's AssureSign hand-off", async ({
  browser,
  page,
  app: home,
  signInAs,
  sandbox,
}) => {
  await home.goto()
  await signInAs(ALICE)
  // carol signs in first, so only her hand-off has to fit in the BFF's 5 s upstream timeout.
  const carol = await otherBrowser(browser)
  try {
    await signInOn(carol.page, CAROL)
    // The BFF may hold an Aimbase API login from earlier journeys; a 401 makes it log in again,
    // and that login hangs for 40 s.
    await sandbox.fault({ party: 'aimbase', path: '/api/Security/SignOnAccount', status: 401 })
    await sandbox.fault({ party: 'aimbase', path: '/api/Security/Login', delayMs: 40_000 })
    await home.openHandoff(aimbasePath)
    await expect(page.getByText('Opening Aimbase…')).toBeVisible()
    // carol clicks her home page's link (no question to answer), so her whole hand-off fits well
    // inside the 5 s alice's hung login is given.
    await carol.page.getByRole('link', { name: HOME_LINKS.assuresign }).click()
    await new PartnerPages(carol.page, carol.context.request).expectAssureSign(CAROL, ENVELOPE)
    // alice is still waiting for Aimbase while carol is already at AssureSign.
    await expect(page.getByText('Opening Aimbase…')).toBeVisible()
  } finally {
    await carol.context.close()
  }
  // The BFF drops the hung login at its upstream timeout (5 s), not after 40 s: it took too long.
  await home.expectError('timeout')
})

test('a code and state captured in one browser and replayed from another are refused by the BFF', async ({
  browser,
  page,
  app: home,
  idp,
  sandbox,
}) => {
  // alice's own exchange never happens, so her code is still good when the attacker has it.
  await page.route(`${app}/api/sso/login`, (route) => route.abort())
  await home.goto()
  await home.startSignIn(ALICE)
  const callback = page.waitForRequest((r) => r.url().startsWith(`${app}/sso/callback?`))
  await idp.signIn(ALICE, passwordOf(ALICE))
  const captured = new URL((await callback).url())
  const state = captured.searchParams.get('state') ?? ''
  expect(captured.searchParams.get('code')).toBeTruthy()

  const attacker = await otherBrowser(browser)
  try {
    // Everything page script could forge: a sign-in record for that state in its own tab.
    await attacker.context.addInitScript(
      ({ state, issuer, email }) => {
        if (location.pathname !== '/sso/callback') return
        const record = {
          flow: 'signin',
          provider: 'bff',
          state,
          nonce: 'guessed-nonce',
          email,
          returnTo: '/',
          issuer,
          createdAt: Date.now(),
        }
        sessionStorage.setItem(`sso-bridge:txn:${state}`, JSON.stringify(record))
      },
      { state, issuer: originOf('idp'), email: ALICE },
    )
    await attacker.page.goto(captured.href)
    await attacker.home.expectError('sign_in_not_bound')
    await expect(attacker.page).toHaveURL(`${app}/sso/callback`)
    await attacker.home.expectNothingStored()
    expect((await attacker.context.cookies(app)).map((c) => c.name)).not.toContain('sso_session')
    expect(await sandbox.count('indee', '/sso/login')).toBe(0)
  } finally {
    await attacker.context.close()
  }
})
