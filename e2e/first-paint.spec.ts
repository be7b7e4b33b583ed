// The first paint comes before the JavaScript: index.html's branded shell (the header bar, the
// logo, the title, a skeleton of the sign-in card) shows while the app's scripts are held back,
// and the app replaces it once they run. How fast it paints is the benchmark's business
// (docs/benchmark.md), never a test's.
import type { Page, Route } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const PRODUCT = 'Northwind Partner Hub'

/** Holds every script request of the page until `release()` is called. */
async function holdScripts(page: Page) {
  const held: Route[] = []
  let released = false
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'script' || released) return route.fallback()
    held.push(route)
  })
  return {
    held: () => held.length,
    release: async () => {
      released = true
      await Promise.all(held.splice(0).map((route) => route.fallback()))
    },
  }
}

test('the branded shell paints while the app script is held, then the app replaces it', async ({
  page,
}) => {
  const scripts = await holdScripts(page)
  await page.goto('/', { waitUntil: 'commit' })

  await expect.poll(scripts.held).toBeGreaterThan(0)
  await expect(page).toHaveTitle(PRODUCT)
  const banner = page.getByRole('banner')
  await expect(banner).toHaveText(PRODUCT)
  await expect(banner.locator('img')).toHaveAttribute('src', '/brand/northwind-logo.svg')
  // The header colour of the config, from the shell's stylesheet (no inline style under the CSP).
  await expect(banner).toHaveCSS('background-color', 'rgb(20, 33, 61)')
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute(
    'href',
    '/brand/northwind-favicon.svg',
  )
  const skeleton = page.locator('.boot-card')
  await expect(skeleton).toBeVisible()
  await expect(skeleton).toHaveAttribute('aria-hidden', 'true')
  await expect(page.getByRole('status')).toHaveText('Loading…')
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length))
    .toBe(1)
  // Still held: nothing of the app has run.
  expect(scripts.held()).toBeGreaterThan(0)
  await expect(page.getByRole('heading', { name: 'Sign in' })).toHaveCount(0)

  await scripts.release()
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible()
  await expect(skeleton).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: 'Loading…' })).toHaveCount(0)
  await expect(page).toHaveTitle(`Sign in – ${PRODUCT}`)
})
