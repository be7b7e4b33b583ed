// Accessibility as a gate: axe-core (WCAG 2.1 A and AA, and best practice) on every view of the
// app, in the real browser against the real sandbox, in the light and the dark colour scheme
// (`prefers-color-scheme`). Each view must have zero violations in both.
import AxeBuilder from '@axe-core/playwright'
import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { IdpPage, type FaultRequest } from '../sandbox/playwright.ts'
import { ALICE, BOB, HANDOFF_PATHS } from './sandbox-data.ts'

const assureSignPath = HANDOFF_PATHS.assuresign()
const lobPath = HANDOFF_PATHS.lob()

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

/** Runs axe on the page as shown and requires zero violations; the results go into the report. */
async function expectAccessible(page: Page, testInfo: TestInfo, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  // The scheme the page itself sees, so a report names what axe really checked.
  const scheme = await page.evaluate(() =>
    matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  )
  view = `${view} (${scheme})`
  const summary = {
    view,
    passes: results.passes.length,
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    })),
  }
  await testInfo.attach(`axe: ${view}`, {
    body: JSON.stringify(summary, null, 2),
    contentType: 'application/json',
  })
  expect(summary.violations, `axe violations on "${view}"`).toEqual([])
  // Passing checks prove axe ran on a real page, not on an empty one.
  expect(results.passes.length, view).toBeGreaterThan(10)
}

/** A hand-off error view: who signs in, what breaks, which hand-off is opened. */
interface HandoffError {
  readonly view: string
  readonly code: string
  readonly as: string
  readonly fault?: FaultRequest
  readonly path: string
  /** A valid link from outside asks first (answered with Continue); a bad one is refused at once. */
  readonly asksFirst: boolean
}

const handoffErrors: readonly HandoffError[] = [
  {
    view: 'a bad partner link',
    code: 'invalid_handoff_input',
    as: ALICE,
    path: '/handoff/assuresign/not-a-guid',
    asksFirst: false,
  },
  {
    view: 'a hand-off the BFF refuses (support contact)',
    code: 'handoff_not_permitted',
    as: BOB,
    path: lobPath,
    asksFirst: true,
  },
  {
    view: 'a partner outage (two actions)',
    code: 'handoff_unavailable',
    as: ALICE,
    fault: { party: 'assuresign', path: '/authentication/sso', status: 503 },
    path: assureSignPath,
    asksFirst: true,
  },
  {
    view: 'a partner turning the request down (vendor text)',
    code: 'handoff_rejected',
    as: ALICE,
    fault: {
      party: 'abc',
      path: '/cmnsrv/user/generate-sso-token',
      status: 200,
      body: JSON.stringify({ ReturnCode: '0', ReturnMessage: '<b>Customer is blocked</b>' }),
    },
    path: lobPath,
    asksFirst: true,
  },
]

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme })

    test('sign-in', async ({ page, app }, testInfo) => {
      await app.goto()
      await expect(app.emailInput).toBeFocused()
      await expectAccessible(page, testInfo, 'sign-in')
    })

    test('home, alice', async ({ page, app, signInAs }, testInfo) => {
      await app.goto()
      await signInAs(ALICE)
      await expectAccessible(page, testInfo, 'home (alice)')
    })

    test('home, bob', async ({ page, app, signInAs }, testInfo) => {
      await app.goto()
      await signInAs(BOB)
      await expect(page.getByText(/no partner destinations yet/)).toBeVisible()
      await expectAccessible(page, testInfo, 'home (bob)')
    })

    test('progress', async ({ page, app, signInAs, sandbox }, testInfo) => {
      await app.goto()
      await signInAs(ALICE)
      // AssureSign is held until the sandbox is reset, so the progress view stays while axe runs.
      await sandbox.fault({ party: 'assuresign', path: '/authentication/sso', hold: true })
      await app.openHandoff(assureSignPath)
      await expect(
        page.getByRole('heading', { level: 1, name: 'Opening AssureSign…' }),
      ).toBeVisible()
      await expectAccessible(page, testInfo, 'progress')
    })

    test('the question before a hand-off opened from outside', async ({
      page,
      app,
      signInAs,
      handoffQuestion,
    }, testInfo) => {
      await app.goto()
      await signInAs(ALICE)
      await app.goto(assureSignPath)
      await handoffQuestion.expectAsked('AssureSign')
      await expect(handoffQuestion.title).toBeFocused()
      await expectAccessible(page, testInfo, 'hand-off question')
    })

    test('signed-out confirmation', async ({ page, app, signInAs }, testInfo) => {
      await app.goto()
      await signInAs(ALICE)
      await app.signOutButton.click()
      // The identity provider's sign-out question is a page people use too.
      await expect(page.getByRole('heading', { level: 1, name: 'Sign out' })).toBeVisible()
      await expectAccessible(page, testInfo, 'identity provider sign-out question')
      await new IdpPage(page).confirmSignOut()
      await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeFocused()
      await expectAccessible(page, testInfo, 'signed out')
    })

    test.describe('error views', () => {
      test('callback opened without a sign-in (state_missing)', async ({ page, app }, testInfo) => {
        await app.goto('/sso/callback?code=x')
        await app.expectError('state_missing')
        await expectAccessible(page, testInfo, 'error: state_missing')
      })

      test('a sign-in cancelled at the identity provider (sign_in_cancelled)', async ({
        page,
        app,
        idp,
      }, testInfo) => {
        await app.goto()
        await app.startSignIn(ALICE)
        await idp.cancel()
        await app.expectError('sign_in_cancelled')
        // The details for support open, so their text is checked too.
        await page.getByText('Details for support').click()
        await expectAccessible(page, testInfo, 'notice: sign_in_cancelled (details open)')
      })

      for (const { view, code, as, fault, path, asksFirst } of handoffErrors) {
        test(`${view} (${code})`, async ({ page, app, signInAs, sandbox }, testInfo) => {
          await app.goto()
          await signInAs(as)
          if (fault !== undefined) await sandbox.fault(fault)
          await (asksFirst ? app.openHandoff(path) : app.goto(path))
          await app.expectError(code)
          await expectAccessible(page, testInfo, `error: ${code}`)
        })
      }

      test('the sign-in service down at sign-in (backend_unavailable)', async ({
        page,
        app,
        sandbox,
      }, testInfo) => {
        await app.goto()
        await sandbox.fault({ party: 'indee', path: '/sso/initiate', status: 503 })
        await app.emailInput.fill(ALICE)
        await app.signInButton.click()
        await app.expectError('backend_unavailable')
        await expectAccessible(page, testInfo, 'error: backend_unavailable')
      })

      test('a page that cannot be shown (router error element)', async ({
        page,
        app,
      }, testInfo) => {
        await app.goto('/a%0ab')
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        await expect(page.getByText('Unexpected Application Error')).toHaveCount(0)
        await expectAccessible(page, testInfo, 'router error')
      })
    })

    test('not found', async ({ page, app }, testInfo) => {
      await app.goto('/nowhere')
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
      await expectAccessible(page, testInfo, 'not found')
    })

    test('config error', async ({ page, app }, testInfo) => {
      await app.serveBrokenConfig()
      await app.goto()
      await app.expectError('config_invalid')
      await expectAccessible(page, testInfo, 'config error')
    })
  })
}
