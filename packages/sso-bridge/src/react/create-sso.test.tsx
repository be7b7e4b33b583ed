import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test, vi } from 'vitest'
import {
  createMemoryRouter,
  Outlet,
  RouterProvider,
  useLoaderData,
  useLocation,
  type RouteObject,
} from 'react-router-dom'
import type { CallbackSuccess } from '../core/callback.ts'
import { ALICE_SESSION, deferred } from '../test/fake-backend.ts'
import { mswServer } from '../test/msw-server.ts'
import { startedWith } from '../test/render-route.tsx'
import { TEST_ISSUER } from '../test/runtime-config.ts'
import { createSso, type CreateSsoOptions } from './create-sso.tsx'
import { SsoProvider } from './sso-provider.tsx'
import { useSession } from './use-session.ts'

const SESSION = `${window.location.origin}/api/session`
const server = mswServer()

function sessionAnswers(signedIn: boolean) {
  const asked: string[] = []
  server.use(
    http.get(SESSION, () => {
      asked.push('session')
      return signedIn
        ? HttpResponse.json(ALICE_SESSION)
        : HttpResponse.json({ error: 'signed_out', message: 'Sign-in required.' }, { status: 401 })
    }),
  )
  return asked
}

function Where() {
  const location = useLocation()
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>
}

/** A host's data router: its layout (which reads the session), sso-bridge's routes, `own`. */
function renderHost(
  own: (sso: ReturnType<typeof createSso>) => RouteObject[],
  path: string,
  options: Partial<CreateSsoOptions> = {},
) {
  const sso = createSso({ start: startedWith(), paths: { signIn: '/login' }, ...options })
  const router = createMemoryRouter(
    [
      {
        element: (
          <>
            <Where />
            <Outlet />
          </>
        ),
        children: [...sso.routes, ...own(sso)],
      },
    ],
    { initialEntries: [path] },
  )
  render(
    <SsoProvider sso={sso}>
      <RouterProvider router={router} />
    </SsoProvider>,
  )
  return { sso, router }
}

test.each([
  [{ signIn: 'login' }, 'paths.signIn must be an app path like "/sign-in", got "login"'],
  [{ signIn: '/login?next=1' }, 'paths.signIn must be an app path'],
  [{ home: '/home/' }, 'paths.home must be an app path'],
  [{ handoff: '/' }, 'paths.handoff cannot be "/"'],
  [{ signIn: '/sso/callback' }, 'paths.signIn is the callback path "/sso/callback"'],
  [{ signIn: '/go', handoff: '/go' }, 'paths.handoff "/go" is also the sign-in path'],
])('createSso refuses paths %j at start-up, naming the field', (paths, message) => {
  expect(() => createSso({ start: startedWith(), paths })).toThrow(message)
})

test("createSso refuses startCallback's callback path when it is not an app path", () => {
  expect(() => createSso({ start: { ...startedWith(), callbackPath: 'auth/callback' } })).toThrow(
    'startCallback({ callbackPath }) must be an app path',
  )
})

test('SsoProvider refuses a QueryClientProvider whose client is not the one createSso was given', () => {
  const sso = createSso({ start: startedWith(), queryClient: new QueryClient() })
  // React reports the thrown error on the console too; the test only wants the throw.
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  expect(() =>
    render(
      <QueryClientProvider client={new QueryClient()}>
        <SsoProvider sso={sso}>
          <p>app</p>
        </SsoProvider>
      </QueryClientProvider>,
    ),
  ).toThrow('createSso({ queryClient })')
  quiet.mockRestore()
})

test('the routes and the guards share the one set of paths', () => {
  const sso = createSso({
    start: { ...startedWith(), callbackPath: '/login/complete' },
    paths: { signIn: '/login', handoff: '/go' },
  })
  expect(sso.paths).toEqual({
    signIn: '/login',
    home: '/',
    handoff: '/go',
    callback: '/login/complete',
  })
  expect(sso.routes.map((route) => route.path)).toEqual([
    '/login/complete',
    '/login',
    '/go/assuresign/:envelopeId',
    '/go/aimbase',
    '/go/lob/:lobId',
  ])
})

test('a hand-off link names one partner destination under the hand-off path', () => {
  const sso = createSso({ start: startedWith(), paths: { handoff: '/go' } })
  expect(
    sso.handoffLink('assuresign', { envelopeId: '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f' }),
  ).toBe('/go/assuresign/6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f')
  expect(sso.handoffLink('abc', { lobId: 'ABSLI', functionality: 'POL' })).toBe(
    '/go/lob/ABSLI?functionality=POL',
  )
})

test('the loader guard sends a signed-out person to sign in before the page renders, keeping path and query', async () => {
  sessionAnswers(false)
  const rendered = vi.fn()
  renderHost(
    (sso) => [
      sso.protect({ path: '/dashboard', Component: () => (rendered(), (<h1>Dashboard</h1>)) }),
    ],
    '/dashboard?view=week',
  )
  await screen.findByLabelText('Work email')
  expect(screen.getByTestId('where')).toHaveTextContent(
    '/login?returnTo=%2Fdashboard%3Fview%3Dweek',
  )
  expect(rendered).not.toHaveBeenCalled()
})

test("the loader guard runs the route's own loader only for a signed-in person, and asks the BFF once", async () => {
  const asked = sessionAnswers(true)
  const own = vi.fn(() => ({ greeting: 'hello' }))
  function Dashboard() {
    const data = useLoaderData<{ greeting: string }>()
    const session = useSession()
    return (
      <h1>{`${data.greeting} ${session.status === 'signed-in' ? session.session.email : ''}`}</h1>
    )
  }
  renderHost(
    (sso) => [sso.protect({ path: '/dashboard', loader: own, Component: Dashboard })],
    '/dashboard',
  )
  expect(await screen.findByRole('heading', { name: 'hello alice@example.com' })).toBeVisible()
  expect(own).toHaveBeenCalledTimes(1)
  expect(asked).toHaveLength(1)
})

test("the loader guard leaves a signed-out person's own loader unrun", async () => {
  sessionAnswers(false)
  const own = vi.fn(() => null)
  renderHost(
    (sso) => [sso.protect({ path: '/dashboard', loader: own, element: <h1>Dashboard</h1> })],
    '/dashboard',
  )
  await screen.findByLabelText('Work email')
  expect(own).not.toHaveBeenCalled()
})

test('a session check that fails shows the error with a way to try again, not the page', async () => {
  server.use(http.get(SESSION, () => HttpResponse.error()))
  renderHost(
    (sso) => [sso.protect({ path: '/dashboard', element: <h1>Dashboard</h1> })],
    '/dashboard',
  )
  expect(await screen.findByTestId('error-code')).toHaveTextContent('backend_unavailable')
  expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible()
  expect(screen.queryByRole('heading', { name: 'Dashboard' })).toBeNull()
})

test('a host layout reading the session around the callback does not send the person back to sign in', async () => {
  // The BFF says "signed out" to any check sent before the login's cookie exists.
  const asked = sessionAnswers(false)
  const exchange = deferred<CallbackSuccess>()
  function Header() {
    const session = useSession()
    return <p data-testid="header">{session.status}</p>
  }
  const sso = createSso({
    start: { ...startedWith(), callbackPath: '/login/complete', callback: exchange.promise },
    paths: { signIn: '/login' },
  })
  const router = createMemoryRouter(
    [
      {
        element: (
          <>
            <Header />
            <Where />
            <Outlet />
          </>
        ),
        children: [...sso.routes, sso.protect({ path: '/dashboard', element: <h1>Dashboard</h1> })],
      },
    ],
    { initialEntries: ['/login/complete'] },
  )
  render(
    <SsoProvider sso={sso}>
      <RouterProvider router={router} />
    </SsoProvider>,
  )
  await screen.findByText('Signing you in…')
  expect(screen.getByTestId('header')).toHaveTextContent('pending')
  exchange.resolve({ returnTo: '/dashboard', session: ALICE_SESSION })
  expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeVisible()
  expect(screen.getByTestId('header')).toHaveTextContent('signed-in')
  expect(screen.getByTestId('where')).toHaveTextContent('/dashboard')
  // No check went out that could land after the sign-in and undo it.
  expect(asked).toEqual([])
})

test('a sign-in with no address to come back to ends at home', async () => {
  sessionAnswers(false)
  server.use(
    http.post(`${window.location.origin}/api/sso/initiate`, () =>
      HttpResponse.json({
        state: 'state-1',
        nonce: 'nonce-1',
        redirect: `${TEST_ISSUER}/auth?state=state-1`,
      }),
    ),
  )
  renderHost(() => [], '/login', { paths: { signIn: '/login', home: '/dashboard' } })
  await userEvent.type(await screen.findByLabelText('Work email'), 'alice@example.com')
  await userEvent.click(screen.getByRole('button', { name: 'Sign in with SSO' }))
  await vi.waitFor(() => {
    expect(sessionStorage.getItem('sso-bridge:txn:state-1')).not.toBeNull()
  })
  const stored = JSON.parse(sessionStorage.getItem('sso-bridge:txn:state-1') ?? '{}') as {
    returnTo?: string
  }
  expect(stored.returnTo).toBe('/dashboard')
})
