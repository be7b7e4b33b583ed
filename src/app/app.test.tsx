import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { SsoProvider } from 'sso-bridge/react'
import shipped from '../../public/sso.config.json'
import { ALICE_SESSION } from '../../packages/sso-bridge/src/test/fake-backend.ts'
import { mswServer } from '../../packages/sso-bridge/src/test/msw-server.ts'
import { appRoutes, createAppSso } from './router.tsx'

const SESSION = `${window.location.origin}/api/session`
const SIGN_OUT = `${window.location.origin}/api/session/sign-out`
const server = mswServer()

const BOB = { ...ALICE_SESSION, email: 'bob@example.com', permissions: [], ciiNo: '1007654321' }
const CAROL = { ...ALICE_SESSION, email: 'carol@example.com', permissions: ['assuresign'] }

function sessionOf(session: typeof ALICE_SESSION | undefined) {
  server.use(
    http.get(SESSION, () =>
      session === undefined
        ? HttpResponse.json({ error: 'signed_out', message: 'Sign-in required.' }, { status: 401 })
        : HttpResponse.json(session),
    ),
  )
}

/** The standalone app as main.ts wires it, in memory, with the shipped sandbox config. */
function renderApp(path = '/', config: unknown = shipped) {
  const sso = createAppSso({
    configUrl: '/sso.config.json',
    callbackPath: '/sso/callback',
    configFile: { ok: true, value: config },
    callback: undefined,
  })
  const router = createMemoryRouter(appRoutes(sso), { initialEntries: [path] })
  render(
    <SsoProvider sso={sso}>
      <RouterProvider router={router} />
    </SsoProvider>,
  )
}

test('the header, the footer and every tab title carry the configured brand', async () => {
  sessionOf(undefined)
  renderApp()
  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeVisible()
  expect(screen.getByRole('banner')).toHaveTextContent('Northwind Partner Hub')
  expect(screen.getByRole('banner').querySelector('img')).toHaveAttribute(
    'src',
    '/brand/northwind-logo.svg',
  )
  expect(screen.getByRole('contentinfo')).toHaveTextContent('Northwind IT Service Desk')
  expect(document.title).toBe('Sign in – Northwind Partner Hub')
  expect(document.body.textContent).not.toContain('sso-bridge')
})

test('the sign-in card carries the logo and product name, and says where sign-in leads', async () => {
  sessionOf(undefined)
  renderApp()
  const card = await screen.findByRole('region', { name: 'Sign in' })
  expect(card.querySelector('.card-brand')).toHaveTextContent('Northwind Partner Hub')
  expect(card.querySelector('.card-brand img')).toHaveAttribute('src', '/brand/northwind-logo.svg')
  expect(within(card).getByText('to continue to Northwind Partner Hub')).toBeVisible()
  expect(screen.getByRole('button', { name: 'Sign in with SSO' })).toHaveAccessibleDescription(
    "You will continue to your organisation's sign-in page.",
  )
})

test('the footer links the privacy notice and the terms of use from the config', async () => {
  sessionOf(undefined)
  renderApp()
  const footer = await screen.findByRole('contentinfo')
  expect(within(footer).getByRole('link', { name: 'Privacy policy' })).toHaveAttribute(
    'href',
    'https://northwind.example/privacy',
  )
  expect(within(footer).getByRole('link', { name: 'Terms of use' })).toHaveAttribute(
    'href',
    'https://northwind.example/terms',
  )
})

test('a footer without support contact still links the terms, and only what is configured', async () => {
  sessionOf(undefined)
  renderApp('/', {
    ...shipped,
    branding: {
      ...shipped.branding,
      support: undefined,
      links: { terms: 'https://northwind.example/terms' },
    },
  })
  const footer = await screen.findByRole('contentinfo')
  expect(
    within(footer)
      .getAllByRole('link')
      .map((link) => link.textContent),
  ).toEqual(['Terms of use'])
  expect(footer).not.toHaveTextContent('Need help?')
})

test('without branding the app shows no brand, no product line and plain titles', async () => {
  sessionOf(undefined)
  renderApp('/', { ...shipped, branding: undefined })
  await screen.findByRole('heading', { name: 'Sign in' })
  expect(screen.getByRole('banner')).toHaveTextContent('')
  // The footer holds the language switcher alone: no support contact, no legal links.
  expect(within(screen.getByRole('contentinfo')).queryAllByRole('link')).toEqual([])
  expect(screen.getByRole('combobox', { name: 'Language' })).toBeVisible()
  expect(screen.queryByText(/to continue to/)).toBeNull()
  expect(document.querySelector('.card-brand')).toBeNull()
  expect(document.title).toBe('Sign in')
})

test('the work email field is focused when the sign-in page loads', async () => {
  sessionOf(undefined)
  renderApp()
  const field = await screen.findByLabelText('Work email')
  await waitFor(() => expect(field).toHaveFocus())
  expect(field).toHaveAttribute('autocomplete', 'email')
})

/** The links of the home's "Partner destinations", by href. */
function destinationHrefs(): (string | null)[] {
  const region = screen.getByRole('region', { name: 'Partner destinations' })
  return within(region)
    .queryAllByRole('link')
    .map((link) => link.getAttribute('href'))
}

test('alice is welcomed and sees every destination as a card under its partner, named once', async () => {
  sessionOf(ALICE_SESSION)
  renderApp()
  await screen.findByText('alice@example.com')
  expect(screen.getByRole('heading', { level: 1, name: 'Welcome' })).toBeVisible()
  expect(screen.getByText('alice@example.com').closest('p')).toHaveTextContent(
    'Signed in as alice@example.com',
  )
  expect(destinationHrefs()).toHaveLength(5)
  const region = screen.getByRole('region', { name: 'Partner destinations' })
  expect(
    within(region)
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent),
  ).toEqual(['AssureSign', 'Aimbase', 'Aditya Birla Capital'])
  const lifeInsurance = within(region).getByRole('list', { name: 'Aditya Birla Capital' })
  expect(
    within(lifeInsurance)
      .getAllByRole('listitem')
      .map((card) => card.textContent),
  ).toEqual(shipped.partners.abc.lobs.map((lob) => `${lob.label}${lob.description}`))
  expect(document.title).toBe('Home – Northwind Partner Hub')
})

test('carol sees only the AssureSign destinations her permissions allow', async () => {
  sessionOf(CAROL)
  renderApp()
  await screen.findByText('carol@example.com')
  expect(destinationHrefs()).toEqual(['/handoff/assuresign/6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f'])
  expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
    'AssureSign',
  ])
})

test('bob, who may use no partner, sees no partner link and is pointed to the footer', async () => {
  sessionOf(BOB)
  renderApp()
  await screen.findByText('bob@example.com')
  expect(destinationHrefs()).toEqual([])
  expect(screen.getByText(/no partner destinations yet/)).toHaveTextContent(
    'To get access, contact Northwind IT Service Desk (see below).',
  )
  // The support contact is linked once on the page: in the footer.
  expect(within(screen.getByRole('main')).queryAllByRole('link')).toEqual([])
  expect(
    within(screen.getByRole('contentinfo')).getByRole('link', { name: /Service Desk/ }),
  ).toHaveAttribute('href', 'mailto:it-support@northwind.example')
})

test('a refused hand-off names the support contact and leaves its link to the footer', async () => {
  sessionOf(BOB)
  server.use(
    http.post(`${window.location.origin}/api/abc/cmnsrv/user/generate-sso-token`, () =>
      HttpResponse.json(
        { error: 'handoff_not_permitted', message: 'This session may not use this partner.' },
        { status: 403, headers: { 'sso-bridge-error': 'handoff_not_permitted' } },
      ),
    ),
  )
  renderApp('/handoff/lob/ABSLI?functionality=POL')
  await userEvent.click(await screen.findByRole('button', { name: 'Continue' }))
  expect(await screen.findByTestId('error-code')).toHaveTextContent('handoff_not_permitted')
  expect(screen.getByRole('alert')).toHaveTextContent(
    'Contact: Northwind IT Service Desk (see below)',
  )
  expect(within(screen.getByRole('alert')).queryAllByRole('link')).toEqual([])
  expect(
    screen.getAllByRole('link').filter((link) => link.getAttribute('href')?.startsWith('mailto:')),
  ).toHaveLength(1)
})

test('signing out confirms it, with focus on the confirmation heading', async () => {
  sessionOf(ALICE_SESSION)
  server.use(http.post(SIGN_OUT, () => new HttpResponse(null, { status: 204 })))
  renderApp()
  await screen.findByText('alice@example.com')
  sessionOf(undefined)
  await userEvent.click(screen.getByRole('button', { name: 'Sign out' }))
  const heading = await screen.findByRole('heading', { name: 'You are signed out', level: 1 })
  await waitFor(() => expect(heading).toHaveFocus())
  expect(screen.getByRole('heading', { name: 'Sign in again', level: 2 })).toBeVisible()
  expect(document.title).toBe('Signed out – Northwind Partner Hub')
})

test('an unknown address offers a button back to home', async () => {
  sessionOf(undefined)
  renderApp('/nowhere')
  expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible()
  expect(document.title).toBe('Page not found – Northwind Partner Hub')
  await userEvent.click(screen.getByRole('button', { name: 'Back to home' }))
  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeVisible()
})

/** The shipped config of a deployment that uses AssureSign only. */
const ASSURESIGN_ONLY = { ...shipped, partners: { assuresign: shipped.partners.assuresign } }

test('a deployment with AssureSign only offers alice no link to the partners it leaves out', async () => {
  sessionOf(ALICE_SESSION)
  renderApp('/', ASSURESIGN_ONLY)
  await screen.findByText('alice@example.com')
  expect(destinationHrefs()).toEqual(['/handoff/assuresign/6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f'])
})

test('the hand-off address of a partner the deployment leaves out shows the not-found view', async () => {
  sessionOf(ALICE_SESSION)
  renderApp('/handoff/aimbase?account=3f1c2a9e-5b7d-4e8f-a1c2-9d3e5f7a1b2c', ASSURESIGN_ONLY)
  expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeVisible()
  expect(document.title).toBe('Page not found – Northwind Partner Hub')
  await userEvent.click(screen.getByRole('button', { name: 'Back to home' }))
  expect(await screen.findByText('alice@example.com')).toBeVisible()
})

test('an invalid runtime config shows the config error in the shell, without a brand', async () => {
  renderApp('/', { ...shipped, apiBase: 'https://api.example' })
  expect(await screen.findByRole('heading', { name: 'This app is not set up correctly' }))
  expect(screen.getByRole('banner')).toHaveTextContent('')
  expect(screen.getByTestId('error-code')).toHaveTextContent('config_invalid')
  expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible()
  expect(document.title).toBe('This app is not set up correctly')
})
