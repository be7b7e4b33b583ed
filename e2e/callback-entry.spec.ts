// Our app's callback page (vite preview, the production build): the login request leaves before
// any React is fetched. Acme CRM's variant is examples/host-app/e2e/callback-entry.spec.ts.
import { RequestRecorder } from './callback-order.ts'
import { expect, passwordOf, test } from './fixtures.ts'
import { ALICE } from './sandbox-data.ts'
import { originOf } from '../sandbox/playwright.ts'
import { measureBundle } from '../scripts/bundle-budget.ts'

test('the callback sends its login request before any React chunk is requested', async ({
  page,
  app,
  idp,
}) => {
  const recorder = await RequestRecorder.start(page)
  await app.goto()
  await app.startSignIn(ALICE)
  await idp.signIn(ALICE, passwordOf(ALICE))
  await expect(app.signedInAs(ALICE)).toBeVisible()
  await recorder.expectLoginBeforeReact(`${originOf('appPreview')}/sso/callback`)
})

test('the login request goes out while the config file is still on its way', async ({
  page,
  app,
  idp,
}) => {
  await app.goto()
  await app.startSignIn(ALICE)
  // From here on (the callback page), the config file is held back until the login request
  // has been sent: a callback that waited for it would never send one.
  let loginSent: () => void = () => undefined
  const sent = new Promise<void>((resolve) => (loginSent = resolve))
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/sso/login')) loginSent()
  })
  let held = 0
  await page.route('**/sso.config.json', async (route) => {
    held += 1
    await sent
    await route.continue()
  })
  await idp.signIn(ALICE, passwordOf(ALICE))
  await expect(app.signedInAs(ALICE)).toBeVisible()
  expect(held).toBeGreaterThan(0)
})

test('before the home shows, the callback page loads only the signed-in path the build budgets; the later chunks come once it is idle', async ({
  page,
  app,
  idp,
}) => {
  // In every document: the scripts requested by the moment "Signed in as" is in the page.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      const body = document.body as HTMLElement | null
      if (body === null || !body.textContent.includes('Signed in as')) return
      observer.disconnect()
      const scripts = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.endsWith('.js'))
      sessionStorage.setItem('e2e:scripts-at-signed-in', JSON.stringify(scripts))
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true })
  })
  await app.goto()
  await app.startSignIn(ALICE)
  await idp.signIn(ALICE, passwordOf(ALICE))
  await expect(app.signedInAs(ALICE)).toBeVisible()
  const loaded = JSON.parse(
    (await page.evaluate(() => sessionStorage.getItem('e2e:scripts-at-signed-in'))) ?? '[]',
  ) as string[]
  const budgeted = measureBundle('dist', []).signedInPath.map((f) => f.file)
  expect(loaded.length).toBeGreaterThan(0)
  expect(loaded.filter((script) => !budgeted.includes(script))).toEqual([])
  // The hand-off routes and the error views: prefetched once the browser is idle.
  await expect
    .poll(() =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .some((entry) => /\/assets\/later-[\w-]+\.js$/.test(entry.name)),
      ),
    )
    .toBe(true)
})
