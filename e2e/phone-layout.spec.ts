// On a phone (375 × 812 CSS pixels) every action button spans the card and the buttons of a row
// stand one under the other; nothing scrolls sideways.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { ALICE, HANDOFF_PATHS } from './sandbox-data.ts'

test.use({ viewport: { width: 375, height: 812 } })

/** Asserts that `button` is as wide as the content box of the card it is in. */
async function expectFullWidth(button: Locator): Promise<void> {
  const box = await button.boundingBox()
  const content = await button.evaluate((element) => {
    const card = element.closest('.card')
    if (card === null) throw new Error('the button is in no card')
    const style = getComputedStyle(card)
    const { left, width } = card.getBoundingClientRect()
    const start = Number.parseFloat(style.paddingInlineStart)
    const end = Number.parseFloat(style.paddingInlineEnd)
    return { x: left + start, width: width - start - end }
  })
  expect(box?.width).toBeCloseTo(content.width, 0)
  expect(box?.x).toBeCloseTo(content.x, 0)
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
}

test('the sign-in button spans the card', async ({ page, app }) => {
  await app.goto()
  await expect(app.emailInput).toBeFocused()
  await expectFullWidth(app.signInButton)
  await expectNoSidewaysScroll(page)
})

test('sign-out and an error view with two actions: full width, one under the other', async ({
  page,
  app,
  signInAs,
  sandbox,
}) => {
  await app.goto()
  await signInAs(ALICE)
  await expectFullWidth(app.signOutButton)
  await expectNoSidewaysScroll(page)

  await sandbox.fault({ party: 'assuresign', path: '/authentication/sso', status: 503 })
  await app.openHandoff(HANDOFF_PATHS.assuresign())
  await app.expectError('handoff_unavailable')
  const buttons = page.locator('.actions').getByRole('button')
  await expect(buttons).toHaveCount(2)
  const [first, second] = [buttons.nth(0), buttons.nth(1)]
  await expectFullWidth(first)
  await expectFullWidth(second)
  const [above, below] = [await first.boundingBox(), await second.boundingBox()]
  expect(below?.y ?? 0).toBeGreaterThanOrEqual((above?.y ?? 0) + (above?.height ?? 0))
  await expectNoSidewaysScroll(page)
})
