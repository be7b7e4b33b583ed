// Acme CRM's entry (src/main.ts) starts sso-bridge's callback before it imports the app: on
// /login/complete the login request leaves before the app's chunk (React and all) is fetched.
import { expect, test } from 'sso-bridge-sandbox/playwright'
import { SANDBOX_USERS } from 'sso-bridge-sandbox/users'

test.use({ sso: { signInPath: '/login' } })

test('the callback sends its login request before the app chunk is requested', async ({
  page,
  signInForm,
  idp,
}) => {
  const alice = SANDBOX_USERS.alice
  // No HTTP cache, so the chunk fetched on /login is asked for again on the callback page.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  const requests: string[] = []
  page.on('request', (request) => {
    requests.push(`${request.method()} ${new URL(request.url()).pathname}`)
  })
  await signInForm.goto()
  await signInForm.startSignIn(alice.email)
  await idp.signIn(alice.email, alice.password)
  await expect(page.getByText(`Signed in as ${alice.email}`)).toBeVisible()

  const callback = requests.slice(requests.lastIndexOf('GET /login/complete'))
  const login = callback.indexOf('POST /api/sso/login')
  const app = callback.findIndex((request) => /^GET \/assets\/app-[\w-]+\.js$/.test(request))
  expect(login, 'no login request from the callback page').toBeGreaterThan(0)
  expect(app, 'the app chunk before the login request').toBeGreaterThan(login)
})
