// Partner hand-off journeys (issue: "Hand-offs to AssureSign Simple Setup, Aimbase and ABC").
// Real Chromium, the production build, the real BFF and vendor emulators: nothing is faked;
// vendor errors that no real request can provoke come from the sandbox control API.
import { recordCspViolations } from './csp-violations.ts'
import type { FaultRequest } from '../sandbox/playwright.ts'
import { expect, test } from './fixtures.ts'
import type { AppPage } from './pages/app-page.ts'
import { HOME_LINKS } from './pages/partner-page.ts'
import {
  AIMBASE_ACCOUNTS,
  ALICE,
  ALICE_CII,
  DEMO_ENVELOPE,
  HANDOFF_PATHS,
  LINES_OF_BUSINESS,
} from './sandbox-data.ts'
import { originOf } from '../sandbox/playwright.ts'

const app = originOf('appPreview')
const ENVELOPE = DEMO_ENVELOPE.id
const ACCOUNT = AIMBASE_ACCOUNTS.aliceDealer.uid
const XML_ACCOUNT = AIMBASE_ACCOUNTS.aliceService.uid
const BROKEN_ACCOUNT = AIMBASE_ACCOUNTS.aliceBroken
const LIFE = LINES_OF_BUSINESS.lifeInsurance

const assureSignPath = `/handoff/assuresign/${ENVELOPE}`
const aimbasePath = (account = ACCOUNT, landing = '/Dashboard') =>
  `/handoff/aimbase?${new URLSearchParams({ account, landing }).toString()}`
const lobPath = HANDOFF_PATHS.lob(LIFE)

/** Journeys that start signed in: alice through the real identity provider. */
async function signInAlice({
  app,
  signInAs,
}: {
  app: AppPage
  signInAs: (email: string) => Promise<void>
}) {
  await app.goto()
  await signInAs(ALICE)
}

test.describe('alice opens each partner from the home page', () => {
  test.beforeEach(signInAlice)

  test('AssureSign Simple Setup shows the envelope and alice', async ({
    page,
    partners,
    sandbox,
  }) => {
    await page.getByRole('link', { name: HOME_LINKS.assuresign }).click()
    await partners.expectAssureSign(ALICE, ENVELOPE)
    expect(await sandbox.count('assuresign', '/authentication/sso')).toBe(1)
  })

  test('Aimbase shows the account and the landing path (JSON)', async ({ page, partners }) => {
    await page.getByRole('link', { name: HOME_LINKS.aimbaseJson }).click()
    await partners.expectAimbase(ALICE, ACCOUNT, '/Dashboard')
  })

  test('Aimbase shows the account and the landing path (XML)', async ({ page, partners }) => {
    await page.getByRole('link', { name: HOME_LINKS.aimbaseXml }).click()
    await partners.expectAimbase(ALICE, XML_ACCOUNT, '/Service/Orders')
  })

  test("a line of business shows its name and alice's CII number", async ({ page, partners }) => {
    await page.getByRole('link', { name: HOME_LINKS.lifeInsurance }).click()
    await partners.expectLineOfBusiness(LIFE.label, ALICE_CII)
  })

  test('Back from a partner returns home without re-running the hand-off', async ({
    page,
    partners,
    sandbox,
  }) => {
    await page.getByRole('link', { name: HOME_LINKS.assuresign }).click()
    await partners.expectAssureSign(ALICE, ENVELOPE)
    await page.goBack()
    await expect(page).toHaveURL(`${app}/`)
    expect(await sandbox.count('assuresign', '/authentication/sso')).toBe(1)
  })
})

// After the sign-in the app comes back to the address without an in-app mark: it asks first.
test.describe('a hand-off opened while signed out asks after sign-in, then continues', () => {
  test('AssureSign', async ({ app: home, signIn, handoffQuestion, partners }) => {
    await home.goto(assureSignPath)
    await signIn(ALICE)
    await handoffQuestion.expectAsked('AssureSign')
    await expect(handoffQuestion.description('Envelope')).toHaveText(DEMO_ENVELOPE.label)
    await handoffQuestion.continue()
    await partners.expectAssureSign(ALICE, ENVELOPE)
  })

  test('Aimbase', async ({ app: home, signIn, handoffQuestion, partners }) => {
    await home.goto(aimbasePath())
    await signIn(ALICE)
    await handoffQuestion.expectAsked('Aimbase')
    await expect(handoffQuestion.description('Landing page')).toHaveText('/Dashboard')
    await handoffQuestion.continue()
    await partners.expectAimbase(ALICE, ACCOUNT, '/Dashboard')
  })

  test('line of business', async ({ app: home, signIn, handoffQuestion, partners }) => {
    await home.goto(lobPath)
    await signIn(ALICE)
    await handoffQuestion.expectAsked('Aditya Birla Capital')
    await expect(handoffQuestion.description('Line of business')).toHaveText(LIFE.label)
    await handoffQuestion.continue()
    await partners.expectLineOfBusiness(LIFE.label, ALICE_CII)
  })
})

interface ErrorCase {
  readonly name: string
  readonly path: string
  readonly fault?: FaultRequest
  readonly code: string
  /** Text the error view's details for support must show (the vendor's message, as text). */
  readonly text?: string
}

const json = (value: unknown) => JSON.stringify(value)
const assureSignSso = '/authentication/sso'
const signOnAccount = '/Security/SignOnAccount'
const generate = '/cmnsrv/user/generate-sso-token'

const errorCases: readonly ErrorCase[] = [
  {
    // FORBIDDEN to the BFF's own AssureSign session, even after a fresh login: not the person's.
    name: 'AssureSign FORBIDDEN twice',
    path: assureSignPath,
    fault: {
      party: 'assuresign',
      path: assureSignSso,
      status: 403,
      body: json({
        errorCode: 'FORBIDDEN',
        summary: 'The session token is not valid.',
        details: [],
      }),
      times: 2,
    },
    code: 'handoff_unavailable',
  },
  {
    name: 'Aimbase 400 (JSON)',
    path: aimbasePath(),
    fault: {
      party: 'aimbase',
      path: signOnAccount,
      status: 400,
      body: json({ Message: 'The AccountUid field is required.' }),
    },
    code: 'handoff_bad_request',
    text: 'The AccountUid field is required.',
  },
  {
    name: 'Aimbase 400 (XML)',
    path: aimbasePath(XML_ACCOUNT, '/Service/Orders'),
    fault: {
      party: 'aimbase',
      path: signOnAccount,
      status: 400,
      contentType: 'application/xml; charset=utf-8',
      body: '<Error><Message>The LandingPageUrl field is not valid.</Message></Error>',
    },
    code: 'handoff_bad_request',
    text: 'The LandingPageUrl field is not valid.',
  },
  {
    // 401 to the BFF's API token, even after a fresh login: the BFF's credential, not the person's.
    name: 'Aimbase 401 twice',
    path: aimbasePath(),
    fault: {
      party: 'aimbase',
      path: signOnAccount,
      status: 401,
      body: json({ Message: 'Authorization has been denied for this request.' }),
      times: 2,
    },
    code: 'handoff_unavailable',
  },
  {
    name: 'Aimbase 500 (an account whose sign-on fails)',
    path: aimbasePath(BROKEN_ACCOUNT, '/'),
    code: 'handoff_unavailable',
  },
  {
    name: 'ABC 400',
    path: lobPath,
    fault: {
      party: 'abc',
      path: generate,
      status: 400,
      body: json({ message: 'Missing required header: x-api-version' }),
    },
    code: 'handoff_bad_request',
  },
  {
    name: 'ABC 401',
    path: lobPath,
    fault: { party: 'abc', path: generate, status: 401, body: json({ message: 'Token expired' }) },
    code: 'handoff_unauthorized',
  },
  {
    name: 'ABC 403',
    path: lobPath,
    fault: {
      party: 'abc',
      path: generate,
      status: 403,
      body: json({ message: 'User is not permitted to generate an SSO token' }),
    },
    code: 'handoff_forbidden',
  },
  {
    name: 'ABC 406',
    path: lobPath,
    fault: {
      party: 'abc',
      path: generate,
      status: 406,
      body: json({ message: 'Not reachable (IP restriction)' }),
    },
    code: 'handoff_not_acceptable',
  },
  {
    name: 'ABC 502',
    path: lobPath,
    fault: {
      party: 'abc',
      path: generate,
      status: 502,
      body: json({ message: 'Internal server error' }),
    },
    code: 'handoff_unavailable',
  },
  {
    name: 'ABC 504',
    path: lobPath,
    fault: {
      party: 'abc',
      path: generate,
      status: 504,
      body: json({ message: 'Endpoint request timed out' }),
    },
    code: 'timeout',
  },
  {
    name: 'ABC ReturnCode 0',
    path: lobPath,
    fault: {
      party: 'abc',
      path: generate,
      status: 200,
      body: json({ ReturnCode: '0', ReturnMessage: '<b>Customer is blocked</b>' }),
    },
    code: 'handoff_rejected',
    text: 'Message from Aditya Birla Capital: Customer is blocked',
  },
  {
    name: 'ABC ReturnCode V1',
    path: lobPath,
    fault: {
      party: 'abc',
      path: generate,
      status: 200,
      body: json({ ReturnCode: 'V1', ReturnMessage: 'Invalid CII number' }),
    },
    code: 'handoff_bad_request',
    text: 'Invalid CII number',
  },
  {
    name: 'ABC ReturnCode V3',
    path: lobPath,
    fault: {
      party: 'abc',
      path: generate,
      status: 200,
      body: json({ ReturnCode: 'V3', ReturnMessage: 'LOB Id is required' }),
    },
    code: 'handoff_bad_request',
    text: 'LOB Id is required',
  },
  {
    name: 'ABC ReturnCode V5',
    path: lobPath,
    fault: {
      party: 'abc',
      path: generate,
      status: 200,
      body: json({ ReturnCode: 'V5', ReturnMessage: 'Functionality is required' }),
    },
    code: 'handoff_bad_request',
    text: 'Functionality is required',
  },
]

test.describe('every documented partner error shows its own error view', () => {
  for (const { name, path, fault, code, text } of errorCases) {
    test(`${name} → ${code}`, async ({ page, app: home, signInAs, sandbox }) => {
      await home.goto()
      await signInAs(ALICE)
      if (fault !== undefined) await sandbox.fault(fault)
      await home.openHandoff(path)
      await home.expectError(code)
      if (text !== undefined) {
        // A partner's words are for support: under the collapsed details, as text.
        await expect(page.getByText(text, { exact: false })).toBeHidden()
        await page.getByText('Details for support').click()
        await expect(page.getByText(text, { exact: false })).toBeVisible()
      }
      await expect(page).toHaveURL(new RegExp(`^${app}/handoff/`))
      expect(await page.locator('main b').count()).toBe(0)
      await home.expectNoTokenReadable()
    })
  }
})

test("a partner refusing the BFF's own token once is renewed without the person noticing", async ({
  app: home,
  signInAs,
  partners,
  sandbox,
}) => {
  await signInAlice({ app: home, signInAs })
  await sandbox.fault({
    party: 'aimbase',
    path: signOnAccount,
    status: 401,
    body: json({ Message: 'Authorization has been denied for this request.' }),
  })
  await home.openHandoff(aimbasePath())
  await partners.expectAimbase(ALICE, ACCOUNT, '/Dashboard')
  expect(await sandbox.count('aimbase', signOnAccount)).toBe(2)
})

test('a line-of-business portal that the page may not POST to gives handoff_blocked, not a hang', async ({
  page,
  app: home,
  signInAs,
  errorView,
  sandbox,
}) => {
  await signInAlice({ app: home, signInAs })
  // A deployment whose runtime config names a portal that its CSP form-action does not list (the
  // config was changed, the server's headers were not regenerated). The portal is the sandbox's
  // own, on another name for the same host, so only the CSP stands in the way.
  const unlisted = originOf('lob').replace('127.0.0.1', 'localhost')
  await page.route('**/sso.config.json', async (route) => {
    const response = await route.fetch()
    const text = (await response.text()).replaceAll(originOf('lob'), unlisted)
    await route.fulfill({ response, body: text })
  })
  const violations = await recordCspViolations(page, app)
  await home.openHandoff(lobPath)
  await errorView.expectCode('handoff_blocked')
  await expect(errorView.title).toHaveText('Your browser did not open Aditya Birla Capital')
  await expect(errorView.primaryAction).toHaveText('Back to home')
  expect(violations).toEqual([expect.stringMatching(`^form-action ${unlisted}/`)])
  // Nothing reached the portal, and the one-time token is not left in the page.
  expect(await sandbox.count('lob', '/sso')).toBe(0)
  expect(await page.locator('form input[name="TokenNo"]').count()).toBe(0)
  await expect(page).toHaveURL(`${app}${lobPath}`)
})

test.describe('hand-off tokens expire', () => {
  test.beforeEach(signInAlice)

  for (const { partner, path, landing, seconds } of [
    { partner: 'assuresign', path: assureSignPath, landing: '/ui/simpleSetup/', seconds: 31 },
    { partner: 'aimbase', path: aimbasePath(), landing: '/Account/SingleSignOn/', seconds: 16 },
  ] as const) {
    test(`${partner}: a token redeemed after ${seconds - 1} s is rejected by the landing page`, async ({
      app: home,
      partners,
      sandbox,
    }) => {
      // Hold the landing request while the emulator's clock moves past the token's lifetime, then
      // let it reach the landing page.
      await sandbox.fault({ party: partner, path: landing, hold: true })
      await home.openHandoff(path)
      await expect.poll(() => sandbox.count(partner, landing)).toBe(1)
      await sandbox.advanceClock(seconds)
      expect(await sandbox.release(partner)).toBe(1)
      await partners.expectRejected(/expired/)
    })
  }

  test('the app discards a token that aged while the tab was hidden and fetches a fresh one once', async ({
    page,
    app: home,
    partners,
    sandbox,
  }) => {
    await page.clock.install()
    await page.addInitScript(() => {
      let hidden = true
      // The app asks whether the tab is visible only once it holds a token: from then on the
      // token ages, so that is the moment to let time pass.
      let asked = false
      Object.defineProperty(Document.prototype, 'visibilityState', {
        configurable: true,
        get: () => {
          asked = true
          return hidden ? 'hidden' : 'visible'
        },
      })
      Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden })
      Object.assign(window, {
        waitingForTab: () => asked,
        showTab: () => {
          hidden = false
          document.dispatchEvent(new Event('visibilitychange'))
        },
      })
    })
    await home.openHandoff(assureSignPath)
    await page.waitForFunction(() =>
      (window as unknown as { waitingForTab: () => boolean }).waitingForTab(),
    )
    expect(await sandbox.count('assuresign', assureSignSso)).toBe(1)
    await page.clock.fastForward(20_000) // past AssureSign's 15 s safe window
    await page.evaluate(() => (window as unknown as { showTab: () => void }).showTab())
    await partners.expectAssureSign(ALICE, ENVELOPE)
    expect(await sandbox.count('assuresign', assureSignSso)).toBe(2)
  })
})

test.describe('landing pages are single use', () => {
  test.beforeEach(signInAlice)

  test('AssureSign refuses a Simple Setup URL opened twice', async ({
    page,
    app: home,
    partners,
  }) => {
    await home.openHandoff(assureSignPath)
    await partners.expectAssureSign(ALICE, ENVELOPE)
    await page.goto(page.url())
    await partners.expectRejected(/already used/)
  })

  test('Aimbase refuses a SingleSignOn URL opened twice', async ({ page, app: home, partners }) => {
    await home.openHandoff(aimbasePath())
    await partners.expectAimbase(ALICE, ACCOUNT, '/Dashboard')
    await page.goto(page.url())
    await partners.expectRejected(/already used/)
  })
})

test.describe('hostile landing paths are refused before any request', () => {
  for (const landing of ['//evil.example', 'https://evil.example/x', 'javascript:alert(1)']) {
    test(`landing=${landing}`, async ({ page, app: home, signInAs, sandbox }) => {
      await home.goto()
      await signInAs(ALICE)
      const partnerCalls: string[] = []
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/aimbase/')) {
          partnerCalls.push(request.url())
        }
      })
      await home.goto(aimbasePath(ACCOUNT, landing))
      await home.expectError('invalid_handoff_input')
      expect(partnerCalls).toEqual([])
      expect(await sandbox.count('aimbase', signOnAccount)).toBe(0)
    })
  }
})

test.describe('tokens stay out of Referer and URLs', () => {
  test.beforeEach(signInAlice)

  test('the AssureSign and Aimbase landings receive no Referer', async ({
    app: home,
    partners,
  }) => {
    await home.openHandoff(assureSignPath)
    await partners.expectAssureSign(ALICE, ENVELOPE)
    expect((await partners.lastLanding('assuresign')).referer).toBeNull()
    await home.openHandoff(aimbasePath())
    await partners.expectAimbase(ALICE, ACCOUNT, '/Dashboard')
    expect((await partners.lastLanding('aimbase')).referer).toBeNull()
  })

  test('the line-of-business token never appears in a URL the browser visited', async ({
    page,
    app: home,
    partners,
  }) => {
    const visited: string[] = []
    page.on('request', (request) => visited.push(request.url()))
    page.on('framenavigated', (frame) => visited.push(frame.url()))
    // The tokens as they left the browser: in the body of the form POST to the portal.
    const post = page.waitForRequest(
      (r) => r.url().startsWith(originOf('lob')) && r.method() === 'POST',
    )
    await home.openHandoff(lobPath)
    const fields = new URLSearchParams((await post).postData() ?? '')
    const TokenNo = fields.get('TokenNo') ?? ''
    const TokenRefNo = fields.get('TokenRefNo') ?? ''
    await partners.expectLineOfBusiness(LIFE.label, ALICE_CII)
    expect(TokenNo.length).toBeGreaterThan(20)
    expect(TokenRefNo.length).toBeGreaterThan(10)
    expect(visited.filter((url) => url.includes(TokenNo) || url.includes(TokenRefNo))).toEqual([])
    const landing = await partners.lastLanding('lob')
    expect(landing).toMatchObject({ method: 'POST', queryKeys: [], referer: null })
  })
})
