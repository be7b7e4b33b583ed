// Our app's callback page (vite preview, the production build): the login request leaves before
// any React is fetched. Acme CRM's variant is examples/host-app/e2e/callback-entry.spec.ts.
import { RequestRecorder } from './callback-order.ts'
import { expect, passwordOf, test } from './fixtures.ts'
import { ALICE } from './sandbox-data.ts'
import { originOf } from '../sandbox/playwright.ts'

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
