// The kit started from code, beside the journeys' own stacks: a stack of its own (3), Acme CRM
// registered by its callback URL, and a sign-in started from the app's origin on that stack.
import { expect, test } from '@playwright/test'
import { startSandbox } from 'sso-bridge-sandbox'

test('the sandbox starts from code for an app on a stack of its own', async ({ request }) => {
  const sandbox = await startSandbox({
    apps: [{ name: 'Acme CRM', callbackUrl: 'http://127.0.0.1:4180/login/complete' }],
    stack: 3,
  })
  try {
    // On stack 3 every port is 300 higher: the app's too.
    const app = 'http://127.0.0.1:4480'
    // As the app's own server would proxy it: the BFF sees the app's Host and Origin.
    const initiate = (origin: string) =>
      request.post(`${sandbox.urls.bff}/api/sso/initiate`, {
        headers: { Host: new URL(origin).host, Origin: origin, 'Sec-Fetch-Site': 'same-origin' },
        data: { email: 'alice@example.com' },
        failOnStatusCode: false,
      })
    const started = await initiate(app)
    expect(started.status()).toBe(200)
    const { redirect } = (await started.json()) as { redirect: string }
    expect(redirect.startsWith(`${sandbox.urls.idp}/`)).toBe(true)
    expect(new URL(redirect).searchParams.get('redirect_uri')).toBe(`${app}/login/complete`)
    // An origin nobody registered is refused.
    expect((await initiate('http://127.0.0.1:4481')).status()).toBe(403)
  } finally {
    await sandbox.close()
  }
})
