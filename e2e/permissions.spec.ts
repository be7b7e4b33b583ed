// carol may use AssureSign only: the BFF refuses her the Aimbase hand-off for alice's dealer
// account before Aimbase is asked, and the app shows its own error view, in its own voice, instead
// of Aimbase's page.
import { describeError } from '../packages/sso-bridge/src/core/error-messages.ts'
import { SsoError } from '../packages/sso-bridge/src/core/errors.ts'
import { expect, test } from './fixtures.ts'
import { AIMBASE_ACCOUNTS, CAROL, HANDOFF_PATHS } from './sandbox-data.ts'
import { originOf } from '../sandbox/playwright.ts'

test("carol is refused the Aimbase hand-off for alice's dealer account", async ({
  page,
  app,
  signInAs,
  sandbox,
  errorView,
}) => {
  await app.goto()
  await signInAs(CAROL)

  const { uid, landing } = AIMBASE_ACCOUNTS.aliceDealer
  await app.openHandoff(HANDOFF_PATHS.aimbase(uid, landing))
  await errorView.expectCode('handoff_not_permitted')
  const words = describeError(new SsoError('handoff_not_permitted', 'refused'), {
    label: 'Aimbase',
  })
  await expect(errorView.title).toHaveText(words.title)
  await expect(errorView.view).toContainText('Your account does not have access to Aimbase.')
  await expect(errorView.view).not.toContainText('Message from')

  // Still on the app, never on Aimbase's page.
  expect(new URL(page.url()).origin).toBe(originOf('appPreview'))
  expect(page.url().startsWith(originOf('aimbase'))).toBe(false)

  // The BFF refused before asking Aimbase: no SignOnAccount reached the emulator.
  expect(await sandbox.count('aimbase', '/SignOnAccount')).toBe(0)
})
