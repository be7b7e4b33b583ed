import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { StrictMode } from 'react'
import { expect, test } from 'vitest'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { ALICE_SESSION } from '../test/fake-backend.ts'
import { mswServer } from '../test/msw-server.ts'
import { startedWith } from '../test/render-route.tsx'
import { testConfig } from '../test/runtime-config.ts'
import { createSso } from './create-sso.tsx'
import { handoffState } from './handoff-state.ts'
import { PartnerLink } from './partner-link.tsx'
import { SsoProvider } from './sso-provider.tsx'
import type { SsoViews } from './views.ts'

const ORIGIN = window.location.origin
const SESSION = `${ORIGIN}/api/session`
const SIGN_OUT = `${ORIGIN}/api/session/sign-out`
const SIGN_ON = `${ORIGIN}/api/aimbase/Security/SignOnAccount`
const ASSURESIGN = `${ORIGIN}/api/assuresign/authentication/sso`
const ENVELOPE = '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f'
const ACCOUNT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'
const server = mswServer()

const config = testConfig({
  partners: {
    assuresign: { envelopes: [{ id: ENVELOPE, label: 'Purchase agreement' }] },
    aimbase: { accounts: [{ uid: ACCOUNT, label: 'Dealer', landing: '/Dashboard' }] },
  },
})

interface RenderOptions {
  readonly strict?: boolean
  /**
   * How the page was reached: `in-app` as a PartnerLink click does (its router state), `outside`
   * as a link on another site, a bookmark or a typed address (no state). Default `in-app`.
   */
  readonly entry?: 'in-app' | 'outside'
  readonly views?: SsoViews
  /** Where the hand-off must go through a sign-in first. */
  readonly signedOut?: boolean
}

/** Renders a hand-off page beside a home page, signed in as alice; counts sign-outs. */
function renderHandoff(
  path: string,
  { strict = false, entry = 'in-app', views, signedOut = false }: RenderOptions = {},
) {
  const signOuts: string[] = []
  server.use(
    http.get(SESSION, () =>
      signedOut
        ? HttpResponse.json({ error: 'signed_out', message: 'Sign-in required.' }, { status: 401 })
        : HttpResponse.json(ALICE_SESSION),
    ),
    http.post(SIGN_OUT, ({ request }) => {
      signOuts.push(request.url)
      return new HttpResponse(null, { status: 204 })
    }),
  )
  const sso = createSso({ start: startedWith(config), ...(views !== undefined && { views }) })
  const { pathname, search } = new URL(path, ORIGIN)
  const state = entry === 'in-app' ? handoffState : null
  const router = createMemoryRouter([...sso.routes, { path: '/', element: <h1>Home page</h1> }], {
    initialEntries: [{ pathname, search, state }],
  })
  const app = (
    <SsoProvider sso={sso}>
      <RouterProvider router={router} />
    </SsoProvider>
  )
  render(strict ? <StrictMode>{app}</StrictMode> : app)
  return { router, signOuts }
}

const aimbaseLink = `/handoff/aimbase?account=${ACCOUNT}&landing=%2FDashboard`

test('StrictMode mounts the hand-off twice, and it makes one call for one token', async () => {
  const requests: string[] = []
  server.use(
    http.post(SIGN_ON, ({ request }) => {
      requests.push(request.url)
      return HttpResponse.json({ Message: 'Down for maintenance' }, { status: 503 })
    }),
  )
  renderHandoff(aimbaseLink, { strict: true })
  expect(await screen.findByTestId('error-code')).toHaveTextContent('handoff_unavailable')
  expect(requests).toHaveLength(1)
})

test('going to the same hand-off again (a new history entry) is a new hand-off', async () => {
  let calls = 0
  server.use(
    http.post(SIGN_ON, () => {
      calls += 1
      return HttpResponse.json({ Message: 'Down for maintenance' }, { status: 503 })
    }),
  )
  const { router } = renderHandoff(aimbaseLink)
  expect(await screen.findByTestId('error-code')).toHaveTextContent('handoff_unavailable')
  await router.navigate(aimbaseLink, { state: handoffState })
  await screen.findByRole('heading', { name: 'Opening Aimbase…' })
  expect(await screen.findByTestId('error-code')).toHaveTextContent('handoff_unavailable')
  expect(calls).toBe(2)
})

test('an Aimbase 401 offers "Try again", never signs out, and the retry goes through', async () => {
  let calls = 0
  server.use(
    http.post(SIGN_ON, () => {
      calls += 1
      return calls === 1
        ? HttpResponse.json({ Message: 'Authorization has been denied.' }, { status: 401 })
        : HttpResponse.json('fresh-token')
    }),
  )
  const { signOuts } = renderHandoff(aimbaseLink)
  expect(await screen.findByTestId('error-code')).toHaveTextContent('handoff_unauthorized')
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
    'Aimbase did not accept the request this time',
  )
  expect(screen.queryByRole('button', { name: /sign in/i })).toBeNull()
  expect(screen.getByRole('button', { name: 'Back to home' })).toBeVisible()
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
  await screen.findByRole('heading', { name: 'Opening Aimbase…' })
  expect(calls).toBe(2)
  expect(signOuts).toEqual([])
})

test('a refused hand-off says so and offers only "Back to home", which goes home', async () => {
  let calls = 0
  server.use(
    http.post(ASSURESIGN, () => {
      calls += 1
      // AssureSign's own FORBIDDEN, as the BFF relays a vendor's error.
      return HttpResponse.json(
        {
          error: 'partner_refused',
          message: 'x',
          partner: 'assuresign',
          vendor: {
            status: 403,
            contentType: 'application/json',
            body: JSON.stringify({ errorCode: 'FORBIDDEN', summary: 'Not <b>allowed</b>' }),
          },
        },
        {
          status: 502,
          headers: { 'sso-bridge-error': 'partner_refused', 'x-request-id': 'req-9' },
        },
      )
    }),
  )
  const { router } = renderHandoff(`/handoff/assuresign/${ENVELOPE}`)
  expect(await screen.findByTestId('error-code')).toHaveTextContent('handoff_forbidden')
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
    'AssureSign did not let you in',
  )
  // AssureSign's words are for support: collapsed under the reference, as text.
  expect(screen.getByText('Message from AssureSign:')).not.toBeVisible()
  await userEvent.click(screen.getByText('Details for support'))
  expect(screen.getByText('Message from AssureSign:')).toBeVisible()
  expect(screen.getByText('Not allowed')).toBeVisible()
  expect(screen.getByTestId('error-request-id')).toHaveTextContent('req-9')
  expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
  expect(document.title).toBe('AssureSign did not let you in')
  await userEvent.click(screen.getByRole('button', { name: 'Back to home' }))
  expect(await screen.findByRole('heading', { name: 'Home page' })).toBeVisible()
  expect(router.state.location.pathname).toBe('/')
  expect(calls).toBe(1)
})

test("the BFF's own refusal speaks in the app's voice: no partner's message, the request id kept", async () => {
  server.use(
    http.post(ASSURESIGN, () =>
      HttpResponse.json(
        {
          error: 'handoff_not_permitted',
          message: 'The signed-in person may not use this partner.',
        },
        {
          status: 403,
          headers: { 'sso-bridge-error': 'handoff_not_permitted', 'x-request-id': 'req-10' },
        },
      ),
    ),
  )
  renderHandoff(`/handoff/assuresign/${ENVELOPE}`)
  expect(await screen.findByTestId('error-code')).toHaveTextContent('handoff_not_permitted')
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
    'You do not have access to AssureSign',
  )
  expect(screen.getByRole('alert')).toHaveTextContent(
    'Your account does not have access to AssureSign.',
  )
  expect(screen.queryByText(/Message from/)).toBeNull()
  expect(screen.getByTestId('error-request-id')).toHaveTextContent('req-10')
  expect(screen.getByTestId('error-primary-action')).toHaveTextContent('Back to home')
})

test('a partner outage names the partner and offers a retry and the way home', async () => {
  server.use(
    http.post(ASSURESIGN, () =>
      HttpResponse.json({ error: 'partner_unavailable', message: 'x' }, { status: 502 }),
    ),
  )
  renderHandoff(`/handoff/assuresign/${ENVELOPE}`)
  expect(await screen.findByTestId('error-code')).toHaveTextContent('handoff_unavailable')
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('AssureSign is not available')
  expect(screen.getByTestId('error-primary-action')).toHaveTextContent('Try again')
  expect(screen.getByRole('button', { name: 'Back to home' })).toBeVisible()
})

test('a bad link is refused before any call, and its way forward is home', async () => {
  let calls = 0
  server.use(
    http.post(ASSURESIGN, () => {
      calls += 1
      return HttpResponse.json({})
    }),
  )
  renderHandoff('/handoff/assuresign/not-a-guid')
  expect(await screen.findByTestId('error-code')).toHaveTextContent('invalid_handoff_input')
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
    'This link to AssureSign does not work',
  )
  expect(screen.getByText(/Go back to home/)).toBeVisible()
  expect(screen.getByTestId('error-primary-action')).toHaveTextContent('Back to home')
  await userEvent.click(screen.getByTestId('error-primary-action'))
  expect(await screen.findByRole('heading', { name: 'Home page' })).toBeVisible()
  expect(calls).toBe(0)
})

test('the progress view is a level-1 heading in a live region, and the tab says the step', async () => {
  server.use(http.post(SIGN_ON, () => new Promise<never>(() => undefined)))
  renderHandoff(aimbaseLink)
  const heading = await screen.findByRole('heading', { level: 1, name: 'Opening Aimbase…' })
  expect(heading.closest('[role="status"]')).not.toBeNull()
  expect(document.title).toBe('Opening Aimbase')
})

/** Counts the AssureSign hand-off calls; each is refused, so the page stays to be looked at. */
function countAssureSignCalls() {
  const calls: string[] = []
  server.use(
    http.post(ASSURESIGN, ({ request }) => {
      calls.push(request.url)
      return HttpResponse.json({ error: 'partner_unavailable', message: 'x' }, { status: 502 })
    }),
  )
  return calls
}

const assureSignLink = `/handoff/assuresign/${ENVELOPE}`

test('a hand-off opened from outside the app asks first, naming where it leads, and calls nothing', async () => {
  const calls = countAssureSignCalls()
  renderHandoff(assureSignLink, { entry: 'outside' })
  const heading = await screen.findByRole('heading', { level: 1, name: 'Continue to AssureSign?' })
  await waitFor(() => expect(heading).toHaveFocus())
  expect(document.title).toBe('Continue to AssureSign?')
  expect(screen.queryByRole('alert')).toBeNull()
  const terms = [...document.querySelectorAll('dl dt')].map((dt) => dt.textContent)
  const descriptions = [...document.querySelectorAll('dl dd')].map((dd) => dd.textContent)
  expect(terms).toEqual(['Envelope', 'Envelope id'])
  expect(descriptions).toEqual(['Purchase agreement', ENVELOPE])
  expect(screen.getByRole('button', { name: 'Continue' })).toBeVisible()
  expect(screen.getByRole('button', { name: 'Cancel' })).toBeVisible()
  expect(calls).toEqual([])
})

test('Continue runs the hand-off once, and "Try again" after a failure does not ask again', async () => {
  const calls = countAssureSignCalls()
  renderHandoff(assureSignLink, { entry: 'outside' })
  await userEvent.click(await screen.findByRole('button', { name: 'Continue' }))
  expect(await screen.findByTestId('error-code')).toHaveTextContent('handoff_unavailable')
  expect(calls).toHaveLength(1)
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
  await waitFor(() => expect(calls).toHaveLength(2))
  expect(await screen.findByTestId('error-code')).toHaveTextContent('handoff_unavailable')
  expect(screen.queryByRole('heading', { name: 'Continue to AssureSign?' })).toBeNull()
})

test('Cancel goes home in place of the question, and nothing is called', async () => {
  const calls = countAssureSignCalls()
  const { router } = renderHandoff(assureSignLink, { entry: 'outside' })
  await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }))
  expect(await screen.findByRole('heading', { name: 'Home page' })).toBeVisible()
  expect(router.state.location.pathname).toBe('/')
  expect(router.state.historyAction).toBe('REPLACE')
  expect(calls).toEqual([])
})

test('a hand-off opened from outside names an Aimbase account and a line of business', async () => {
  renderHandoff(aimbaseLink, { entry: 'outside' })
  await screen.findByRole('heading', { name: 'Continue to Aimbase?' })
  expect(screen.getByText('Dealer')).toBeVisible()
  expect(screen.getByText('/Dashboard')).toBeVisible()
})

test('a click on a PartnerLink inside the app runs the hand-off without asking', async () => {
  const calls = countAssureSignCalls()
  server.use(http.get(SESSION, () => HttpResponse.json(ALICE_SESSION)))
  const sso = createSso({ start: startedWith(config) })
  const home = <PartnerLink href={assureSignLink}>Sign the agreement</PartnerLink>
  const router = createMemoryRouter([...sso.routes, { path: '/', element: home }])
  render(
    <SsoProvider sso={sso}>
      <RouterProvider router={router} />
    </SsoProvider>,
  )
  await userEvent.click(await screen.findByRole('link', { name: 'Sign the agreement' }))
  expect(await screen.findByTestId('error-code')).toHaveTextContent('handoff_unavailable')
  expect(calls).toHaveLength(1)
  expect(screen.queryByRole('heading', { name: 'Continue to AssureSign?' })).toBeNull()
})

test('a bad link opened from outside is refused without asking', async () => {
  renderHandoff('/handoff/assuresign/not-a-guid', { entry: 'outside' })
  expect(await screen.findByTestId('error-code')).toHaveTextContent('invalid_handoff_input')
  expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull()
})

test('a hand-off opened from outside while signed out goes to sign-in before any question', async () => {
  const { router } = renderHandoff(assureSignLink, { entry: 'outside', signedOut: true })
  await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'))
  expect(new URLSearchParams(router.state.location.search).get('returnTo')).toBe(assureSignLink)
  expect(screen.queryByRole('button', { name: 'Continue' })).toBeNull()
})

test("a host's own question view gets the partner, the destination and both ways", async () => {
  const calls = countAssureSignCalls()
  const views: SsoViews = {
    HandoffConfirm: ({ partnerLabel, destination, onContinue, onCancel }) => (
      <div>
        <h2>{`Go to ${partnerLabel}: ${destination.map((d) => d.description).join(', ')}`}</h2>
        <button onClick={onCancel}>No</button>
        <button onClick={onContinue}>Yes</button>
      </div>
    ),
  }
  renderHandoff(assureSignLink, { entry: 'outside', views })
  await screen.findByRole('heading', {
    name: `Go to AssureSign: Purchase agreement, ${ENVELOPE}`,
  })
  expect(document.title).toBe('Continue to AssureSign?')
  await userEvent.click(screen.getByRole('button', { name: 'Yes' }))
  await waitFor(() => expect(calls).toHaveLength(1))
})
