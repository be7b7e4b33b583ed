// Our app's callback page (vite preview, the production build): the login request leaves before
// any React is fetched. Acme Portal's variant is e2e/host-app/callback-entry.spec.ts.
import { RequestRecorder } from './callback-order.ts'
import { expect, passwordOf, test } from './fixtures.ts'
import { ALICE } from './sandbox-data.ts'
import { originOf } from './stack.ts'

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
