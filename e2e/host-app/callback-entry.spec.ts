// Acme Portal's callback page (/auth/callback): its entry awaits sso-bridge's start before it
// imports the React app, so the login request leaves before any React is fetched. Our app's
// variant is e2e/callback-entry.spec.ts.
import { RequestRecorder } from '../callback-order.ts'
import { ALICE } from '../sandbox-data.ts'
import { originOf } from '../../sandbox/playwright.ts'
import { expect, passwordOf, test } from './fixtures.ts'

test('the callback sends its login request before any React chunk is requested', async ({
  page,
  acme,
  app,
  idp,
}) => {
  const recorder = await RequestRecorder.start(page)
  await acme.goto('/sign-in')
  await app.startSignIn(ALICE)
  await idp.signIn(ALICE, passwordOf(ALICE))
  await expect(acme.signedInAs(ALICE)).toBeVisible()
  await recorder.expectLoginBeforeReact(`${originOf('hostApp')}/auth/callback`)
})
