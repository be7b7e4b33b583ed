// A hand-off link on another site (issue: "a hand-off opened from outside the app asks first").
// A page the test serves on another origin of this host links a signed-in alice to an AssureSign
// envelope. The app must stop at its question, with nothing asked of the BFF or AssureSign,
// until alice chooses: Cancel leads home, Continue completes the hand-off.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { originOf } from '../sandbox/playwright.ts'
import { expect, test } from './fixtures.ts'
import {
  AIMBASE_ACCOUNTS,
  ALICE,
  DEMO_ENVELOPE,
  HANDOFF_PATHS,
  LINES_OF_BUSINESS,
} from './sandbox-data.ts'

const app = originOf('appPreview')
const ENVELOPE = DEMO_ENVELOPE.id
const ASSURESIGN_SSO = '/authentication/sso'
const DEALER = AIMBASE_ACCOUNTS.aliceDealer
const LIFE = LINES_OF_BUSINESS.lifeInsurance

/** The other site: one page of links into the app's hand-offs. */
const LINKS = {
  envelope: { text: 'Claim your prize', path: HANDOFF_PATHS.assuresign(ENVELOPE) },
  account: { text: 'See your dealer offers', path: HANDOFF_PATHS.aimbase() },
  lob: { text: 'Renew your policy', path: HANDOFF_PATHS.lob(LIFE) },
}

let otherSite: Server
let otherOrigin: string

test.beforeAll(async () => {
  const anchors = Object.values(LINKS)
    .map(({ text, path }) => `<p><a href="${app}${path}">${text}</a></p>`)
    .join('')
  otherSite = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html><title>Prize draw</title><h1>You have won</h1>${anchors}`)
  })
  await new Promise<void>((resolve) => otherSite.listen(0, '127.0.0.1', resolve))
  otherOrigin = `http://127.0.0.1:${(otherSite.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  await new Promise((resolve) => otherSite.close(resolve))
})

/** Every request the page sends to the app's partner routes on the BFF (`/api/<partner>/…`). */
function partnerCalls(page: Page): string[] {
  const calls: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.origin === app && /^\/api\/(assuresign|aimbase|abc)\//.test(url.pathname)) {
      calls.push(url.pathname)
    }
  })
  return calls
}

test.beforeEach(async ({ app: home, signInAs }) => {
  await home.goto()
  await signInAs(ALICE)
})

test('a link on another site stops at the question; nothing is asked; Cancel leads home', async ({
  page,
  app: home,
  handoffQuestion,
  sandbox,
}) => {
  const calls = partnerCalls(page)
  await page.goto(otherOrigin)
  await page.getByRole('link', { name: LINKS.envelope.text }).click()
  await handoffQuestion.expectAsked('AssureSign')
  await expect(handoffQuestion.title).toBeFocused()
  await expect(page).toHaveTitle(/^Continue to AssureSign\? – /)
  await expect(handoffQuestion.description('Envelope')).toHaveText(DEMO_ENVELOPE.label)
  await expect(handoffQuestion.description('Envelope id')).toHaveText(ENVELOPE)
  expect(calls).toEqual([])
  expect(await sandbox.log('assuresign')).toEqual([])

  await handoffQuestion.cancel()
  await expect(home.signedInAs(ALICE)).toBeVisible()
  await expect(page).toHaveURL(`${app}/`)
  expect(calls).toEqual([])
  expect(await sandbox.log('assuresign')).toEqual([])
  // Home took the hand-off page's place: Back returns to the other site, not to the question.
  await page.goBack()
  await expect(page).toHaveURL(`${otherOrigin}/`)
})

test('Continue completes the hand-off the other site linked to', async ({
  page,
  handoffQuestion,
  partners,
  sandbox,
}) => {
  const calls = partnerCalls(page)
  await page.goto(otherOrigin)
  await page.getByRole('link', { name: LINKS.envelope.text }).click()
  await handoffQuestion.continue()
  await partners.expectAssureSign(ALICE, ENVELOPE)
  expect(calls).toEqual([`/api/assuresign${ASSURESIGN_SSO}`])
  expect(await sandbox.count('assuresign', ASSURESIGN_SSO)).toBe(1)
})

test('an Aimbase account and a line of business linked from another site are named and wait too', async ({
  page,
  handoffQuestion,
  sandbox,
}) => {
  const calls = partnerCalls(page)
  await page.goto(otherOrigin)
  await page.getByRole('link', { name: LINKS.account.text }).click()
  await handoffQuestion.expectAsked('Aimbase')
  await expect(handoffQuestion.description('Account')).toHaveText(DEALER.label)
  await expect(handoffQuestion.description('Landing page')).toHaveText(DEALER.landing)
  await handoffQuestion.cancel()
  await page.goto(otherOrigin)
  await page.getByRole('link', { name: LINKS.lob.text }).click()
  await handoffQuestion.expectAsked('Aditya Birla Capital')
  await expect(handoffQuestion.description('Line of business')).toHaveText(LIFE.label)
  await expect(handoffQuestion.description('Functionality')).toHaveText(LIFE.functionality)
  await handoffQuestion.cancel()
  expect(calls).toEqual([])
  expect(await sandbox.log('aimbase')).toEqual([])
  expect(await sandbox.log('abc')).toEqual([])
})

test('a reload of a hand-off page alice confirmed runs it again without asking', async ({
  page,
  app: home,
  handoffQuestion,
  partners,
  sandbox,
}) => {
  await sandbox.fault({ party: 'assuresign', path: ASSURESIGN_SSO, status: 503, times: 1 })
  await page.goto(otherOrigin)
  await page.getByRole('link', { name: LINKS.envelope.text }).click()
  await handoffQuestion.continue()
  await home.expectError('handoff_unavailable')
  await page.reload()
  await partners.expectAssureSign(ALICE, ENVELOPE)
  expect(await sandbox.count('assuresign', ASSURESIGN_SSO)).toBe(2)
})
