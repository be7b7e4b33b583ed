// The example of docs/qa.md "Write your first journey": alice signs in, ABC refuses the next
// token request, and the app shows its error view with the code handoff_unauthorized.
import { expect, test } from './fixtures.ts'
import { ALICE, HANDOFF_PATHS } from './sandbox-data.ts'

test('ABC refusing the token request shows handoff_unauthorized', async ({
  app,
  signInAs,
  sandbox,
  errorView,
}) => {
  // 1. Sign in as a sandbox user, through the real identity provider.
  await app.goto()
  await signInAs(ALICE)

  // 2. Break one party on purpose: ABC answers the next token request with a 401.
  await sandbox.fault({
    party: 'abc',
    path: '/cmnsrv/user/generate-sso-token',
    status: 401,
    body: JSON.stringify({ message: 'Token expired' }),
  })

  // 3. Open the hand-off to the life insurance portal by its address (the app asks first, as for
  //    any link from outside it; openHandoff answers Continue): the error view, not the portal.
  await app.openHandoff(HANDOFF_PATHS.lob())
  await errorView.expectCode('handoff_unauthorized')
  await expect(errorView.title).toHaveText(
    'Aditya Birla Capital did not accept the request this time',
  )
  await expect(errorView.primaryAction).toHaveText('Try again')

  // 4. What reached the party: exactly one token request.
  expect(await sandbox.count('abc', '/generate-sso-token')).toBe(1)
})
