import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import { createMemoryRouter, Outlet, RouterProvider, useLocation } from 'react-router-dom'
import type { SsoStart } from '../callback.ts'
import { ALICE_SESSION } from '../test/fake-backend.ts'
import { mswServer } from '../test/msw-server.ts'
import { startedWith } from '../test/render-route.tsx'
import { testConfig } from '../test/runtime-config.ts'
import { PartnerLink, usePartnerDestinations } from './partner-link.tsx'
import { requireSession } from './require-session.tsx'
import { SESSION_QUERY_KEY } from './session-query.ts'
import { createSso } from './create-sso.tsx'
import { handoffState } from './handoff-state.ts'
import { SsoProvider } from './sso-provider.tsx'
import type { ErrorViewProps } from './views.ts'

const SESSION = `${window.location.origin}/api/session`
const server = mswServer()

const ENVELOPE = '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f'
const ACCOUNT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'
const config = testConfig({
  partners: {
    assuresign: { envelopes: [{ id: ENVELOPE, label: 'Loan agreement' }] },
    aimbase: { accounts: [{ uid: ACCOUNT, label: 'Dealer', landing: '/Dashboard' }] },
    abc: {
      lobs: [
        {
          id: 'ABSLI',
          label: 'Life',
          portalUrl: 'http://127.0.0.1:4060/sso',
          functionality: 'POL',
        },
      ],
    },
  },
})

function signedIn() {
  server.use(http.get(SESSION, () => HttpResponse.json(ALICE_SESSION)))
}
function signedOut() {
  server.use(
    http.get(SESSION, () =>
      HttpResponse.json({ error: 'signed_out', message: 'Sign-in required.' }, { status: 401 }),
    ),
  )
}

function Where() {
  const location = useLocation()
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>
}

function AcmeError({ error, action }: ErrorViewProps) {
  return (
    <div data-acme="error">
      <h1>Acme could not finish this</h1>
      <p>{error.title}</p>
      <output>{error.code}</output>
      {action !== undefined && <button onClick={action.run}>{action.label}</button>}
    </div>
  )
}

function Destinations() {
  return (
    <ul>
      {usePartnerDestinations().map((d) => (
        <li key={d.href}>
          <PartnerLink href={d.href}>{d.label}</PartnerLink>
        </li>
      ))}
    </ul>
  )
}

/** A host app: its own layout, a guarded settings page, sso-bridge's routes on its own paths. */
function renderHost(path: string, options: { start?: SsoStart; client?: QueryClient } = {}) {
  const start = options.start ?? { ...startedWith(config), callbackPath: '/auth/callback' }
  const sso = createSso({
    start,
    paths: { handoff: '/go' },
    views: { Error: AcmeError },
    ...(options.client !== undefined && { queryClient: options.client }),
  })
  const router = createMemoryRouter(
    [
      {
        element: (
          <>
            <Where />
            <Outlet />
          </>
        ),
        children: [
          { path: '/', element: <Destinations /> },
          requireSession({ path: '/settings', element: <h1>Acme settings</h1> }),
          requireSession({ path: '/reports', Component: () => <h1>Acme reports</h1> }),
          requireSession({
            path: '/admin',
            children: [{ path: 'users', element: <h1>Acme users</h1> }],
          }),
          ...sso.routes,
        ],
      },
    ],
    { initialEntries: [path] },
  )
  const app = (
    <SsoProvider sso={sso}>
      <RouterProvider router={router} />
    </SsoProvider>
  )
  render(
    options.client === undefined ? (
      app
    ) : (
      <QueryClientProvider client={options.client}>{app}</QueryClientProvider>
    ),
  )
  return router
}

test('a guarded page sends a signed-out person to the sign-in page, keeping where they were', async () => {
  signedOut()
  renderHost('/settings?tab=2')
  await screen.findByLabelText('Work email')
  expect(screen.getByTestId('where')).toHaveTextContent('/sign-in?returnTo=%2Fsettings%3Ftab%3D2')
})

test('a guarded page shows itself to a signed-in person', async () => {
  signedIn()
  renderHost('/settings')
  expect(await screen.findByRole('heading', { name: 'Acme settings' })).toBeVisible()
})

test.each([
  ['a Component route', '/reports', 'Acme reports'],
  ['a child of a guarded layout route', '/admin/users', 'Acme users'],
])('%s is guarded too', async (_kind, path, heading) => {
  signedOut()
  renderHost(path)
  await screen.findByLabelText('Work email')
  expect(screen.getByTestId('where')).toHaveTextContent(
    `/sign-in?returnTo=${encodeURIComponent(path)}`,
  )
  expect(screen.queryByRole('heading', { name: heading })).toBeNull()
})

test.each([
  ['a Component route', '/reports', 'Acme reports'],
  ['a child of a guarded layout route', '/admin/users', 'Acme users'],
])('%s shows itself to a signed-in person', async (_kind, path, heading) => {
  signedIn()
  renderHost(path)
  expect(await screen.findByRole('heading', { name: heading })).toBeVisible()
})

test("the session lives in the host's own QueryClient when it has one", async () => {
  signedIn()
  const client = new QueryClient()
  renderHost('/settings', { client })
  await screen.findByRole('heading', { name: 'Acme settings' })
  expect(client.getQueryData(SESSION_QUERY_KEY)).toEqual({ signedIn: true, session: ALICE_SESSION })
})

test("the host's error view replaces ours, on the host's callback path", async () => {
  signedOut()
  renderHost('/auth/callback')
  const view = await screen.findByText('Acme could not finish this')
  expect(view.closest('[data-acme="error"]')).not.toBeNull()
  expect(screen.getByRole('status')).toHaveTextContent('state_missing')
  expect(screen.getByRole('button', { name: 'Start a new sign-in' })).toBeVisible()
})

test('every destination links to a hand-off route under the host path that accepts it', async () => {
  signedIn()
  // Hand-off calls are held open: each page stays on "Opening …" once its link is accepted.
  const asked: string[] = []
  server.use(
    http.post(/\/api\//, async ({ request }) => {
      asked.push(new URL(request.url).pathname)
      await delay('infinite')
      return HttpResponse.error()
    }),
  )
  const router = renderHost('/')
  const links = await screen.findAllByRole('link')
  const hrefs = links.map((link) => link.getAttribute('href') ?? '')
  expect(hrefs).toHaveLength(3)
  for (const [index, href] of hrefs.entries()) {
    expect(href.startsWith('/go/')).toBe(true)
    // As a PartnerLink follows it: marked as started inside the app, so nothing asks first.
    await router.navigate(href, { state: handoffState })
    // The route's code loads first (a lazy route): this link's own call, then the next link.
    await vi.waitFor(() => {
      expect(asked).toHaveLength(index + 1)
    })
    expect(screen.getByText(/^Opening /)).toBeVisible()
  }
})

test('an invalid runtime config shows every bad field instead of the app', async () => {
  renderHost('/', {
    start: { ...startedWith(), configFile: { ok: true, value: { apiBase: 'x' } } },
  })
  expect(await screen.findByTestId('error-code')).toHaveTextContent('config_invalid')
  expect(screen.getByText('apiBase')).toBeVisible()
  expect(screen.queryByTestId('where')).toBeNull()
})
