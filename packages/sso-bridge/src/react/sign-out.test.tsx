import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router-dom'
import { createSignOutStates } from '../core/end-session.ts'
import { ALICE_SESSION } from '../test/fake-backend.ts'
import { mswServer } from '../test/msw-server.ts'
import { startedWith } from '../test/render-route.tsx'
import { testConfig, TEST_ISSUER } from '../test/runtime-config.ts'
import type { RuntimeConfig } from '../partners/runtime-config.ts'
import { createSso } from './create-sso.tsx'
import { SsoProvider } from './sso-provider.tsx'
import { useSession } from './use-session.ts'
import { useSignOut } from './use-sign-out.ts'

const SESSION = `${window.location.origin}/api/session`
const SIGN_OUT = `${window.location.origin}/api/session/sign-out`
const END_SESSION = { endpoint: `${TEST_ISSUER}/session/end`, clientId: 'indee-backend' }
const server = mswServer()

function signedOutAnswer() {
  return HttpResponse.json({ error: 'signed_out', message: 'Sign-in required.' }, { status: 401 })
}

function Home() {
  const session = useSession()
  const signOut = useSignOut()
  if (session.status !== 'signed-in') return null
  return (
    <>
      <p>Signed in as {session.session.email}</p>
      {signOut.error !== undefined && <p role="alert">Sign-out failed</p>}
      <button type="button" onClick={() => void signOut.signOut()}>
        Sign out
      </button>
    </>
  )
}

function Where() {
  const location = useLocation()
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>
}

/** The sign-in page at /login and a home page with "Sign out", as a host app has them. */
function renderApp(path: string, config: RuntimeConfig) {
  const sso = createSso({ start: startedWith(config), paths: { signIn: '/login', home: '/home' } })
  const router = createMemoryRouter(
    [
      ...sso.routes.map((route) => ({
        ...route,
        element: (
          <>
            {route.element}
            <Where />
          </>
        ),
      })),
      sso.protect({
        path: '/home',
        element: (
          <>
            <Home />
            <Where />
          </>
        ),
      }),
    ],
    { initialEntries: [path] },
  )
  render(
    <SsoProvider sso={sso}>
      <RouterProvider router={router} />
    </SsoProvider>,
  )
}

function signOutKeys() {
  return Object.keys(sessionStorage).filter((key) => key.startsWith('sso-bridge:signout:'))
}

/** A state as the tab keeps it before leaving for the identity provider. */
function storedState() {
  return createSignOutStates({
    storage: sessionStorage,
    now: () => Date.now(),
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
  }).create()
}

test('without endSession, signing out says the organisation may still have the person signed in', async () => {
  let signedIn = true
  server.use(
    http.get(SESSION, () => (signedIn ? HttpResponse.json(ALICE_SESSION) : signedOutAnswer())),
    http.post(SIGN_OUT, () => {
      signedIn = false
      return new HttpResponse(null, { status: 204 })
    }),
  )
  renderApp('/home', testConfig())
  await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }))
  expect(await screen.findByRole('heading', { name: 'You are signed out' })).toBeVisible()
  expect(
    screen.getByText(/You may still be signed in at your organisation's sign-in page\./),
  ).toBeVisible()
  expect(screen.queryByRole('link', { name: 'Sign out there too.' })).toBeNull()
  expect(signOutKeys()).toEqual([])
})

test('without endSession, the signed-out view links to the organisation’s account page when configured', async () => {
  let signedIn = true
  server.use(
    http.get(SESSION, () => (signedIn ? HttpResponse.json(ALICE_SESSION) : signedOutAnswer())),
    http.post(SIGN_OUT, () => {
      signedIn = false
      return new HttpResponse(null, { status: 204 })
    }),
  )
  const accountPageUrl = 'https://login.example.com/account'
  renderApp('/home', testConfig({ identityProvider: { accountPageUrl } }))
  await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }))
  await screen.findByRole('heading', { name: 'You are signed out' })
  expect(screen.getByRole('link', { name: 'Sign out there too.' })).toHaveAttribute(
    'href',
    accountPageUrl,
  )
})

test('with endSession, a signed-out tab continues to the identity provider with a stored state', async () => {
  let signedIn = true
  server.use(
    http.get(SESSION, () => (signedIn ? HttpResponse.json(ALICE_SESSION) : signedOutAnswer())),
    http.post(SIGN_OUT, () => {
      signedIn = false
      return new HttpResponse(null, { status: 204 })
    }),
  )
  renderApp('/home', testConfig({ identityProvider: { endSession: END_SESSION } }))
  await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }))
  // jsdom cannot leave the page, so the state stored for the way back shows the tab went on;
  // the URL it goes to is checked in core/end-session.test.ts.
  await vi.waitFor(() => {
    expect(signOutKeys()).toHaveLength(1)
  })
})

test('a failed sign-out at the BFF never goes to the identity provider', async () => {
  server.use(
    http.get(SESSION, () => HttpResponse.json(ALICE_SESSION)),
    http.post(SIGN_OUT, () => HttpResponse.json({}, { status: 503 })),
  )
  renderApp('/home', testConfig({ identityProvider: { endSession: END_SESSION } }))
  await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }))
  expect(await screen.findByRole('alert')).toHaveTextContent('Sign-out failed')
  expect(screen.getByText(`Signed in as ${ALICE_SESSION.email}`)).toBeVisible()
  expect(signOutKeys()).toEqual([])
})

test('coming back from the identity provider with this tab’s state says signed out there too', async () => {
  server.use(http.get(SESSION, signedOutAnswer))
  const state = storedState()
  renderApp(
    `/login?state=${state}&returnTo=%2Fhome%3Fx%3D1`,
    testConfig({ identityProvider: { endSession: END_SESSION } }),
  )
  const heading = await screen.findByRole('heading', { name: 'You are signed out' })
  expect(heading).toHaveFocus()
  expect(
    screen.getByText(/You are signed out here and at your organisation's sign-in page\./),
  ).toBeVisible()
  expect(document.title).toBe('Signed out')
  // The state is gone from the address and from storage; other parameters stay.
  expect(screen.getByTestId('where')).toHaveTextContent('/login?returnTo=%2Fhome%3Fx%3D1')
  expect(signOutKeys()).toEqual([])
})

test('an unknown state on the sign-in page shows the plain sign-in form', async () => {
  server.use(http.get(SESSION, signedOutAnswer))
  renderApp(
    `/login?state=${'A'.repeat(43)}`,
    testConfig({ identityProvider: { endSession: END_SESSION } }),
  )
  expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  expect(screen.queryByRole('heading', { name: 'You are signed out' })).toBeNull()
  expect(screen.queryByTestId('error-code')).toBeNull()
  expect(screen.getByTestId('where')).toHaveTextContent(/^\/login$/)
})

test('a state used once already shows the plain sign-in form the second time', async () => {
  server.use(http.get(SESSION, signedOutAnswer))
  const state = storedState()
  const config = testConfig({ identityProvider: { endSession: END_SESSION } })
  renderApp(`/login?state=${state}`, config)
  await screen.findByRole('heading', { name: 'You are signed out' })
  document.body.replaceChildren()
  renderApp(`/login?state=${state}`, config)
  expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  expect(screen.queryByRole('heading', { name: 'You are signed out' })).toBeNull()
})
