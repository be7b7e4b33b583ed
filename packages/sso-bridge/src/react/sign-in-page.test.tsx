import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { takeCallbackSettings } from '../callback/callback-settings.ts'
import { renderRoute } from '../test/render-route.tsx'
import { deferred } from '../test/fake-backend.ts'
import { mswServer } from '../test/msw-server.ts'
import { TEST_ISSUER, testConfig } from '../test/runtime-config.ts'

const INITIATE = `${window.location.origin}/api/sso/initiate`
const SESSION = `${window.location.origin}/api/session`
const server = mswServer()

function initiateAnswer(redirect: string, hold?: Promise<unknown>) {
  const seen: unknown[] = []
  server.use(
    http.post(INITIATE, async ({ request }) => {
      seen.push(await request.json())
      await hold
      return HttpResponse.json({ state: 'state-1', nonce: 'nonce-1', redirect })
    }),
  )
  return seen
}

/** The home page of a browser without a session, once the BFF has said so. */
async function renderSignedOut(path = '/', config = testConfig()) {
  server.use(
    http.get(SESSION, () =>
      HttpResponse.json({ error: 'signed_out', message: 'Sign-in required.' }, { status: 401 }),
    ),
  )
  renderRoute(path, config)
  await screen.findByLabelText('Work email')
}

test('with branding the card shows the logo and product name, and "to continue to" it', async () => {
  await renderSignedOut('/', {
    ...testConfig(),
    branding: { productName: 'Acme Hub', logoUrl: '/brand/acme.svg' },
  })
  const card = screen.getByRole('region', { name: 'Sign in' })
  expect(card.querySelector('.card-brand')).toHaveTextContent('Acme Hub')
  expect(card.querySelector('.card-brand img')).toHaveAttribute('src', '/brand/acme.svg')
  expect(screen.getByText('to continue to Acme Hub')).toBeVisible()
})

test('without branding the card has no product line, and still says where sign-in leads', async () => {
  await renderSignedOut()
  expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  expect(screen.queryByText(/to continue to/)).toBeNull()
  expect(document.querySelector('.card-brand')).toBeNull()
  expect(screen.getByRole('button', { name: 'Sign in with SSO' })).toHaveAccessibleDescription(
    "You will continue to your organisation's sign-in page.",
  )
})

test('an invalid email gets an inline message and sends nothing', async () => {
  const seen = initiateAnswer(`${TEST_ISSUER}/auth?state=state-1`)
  await renderSignedOut()
  await userEvent.type(screen.getByLabelText('Work email'), 'not-an-email')
  await userEvent.click(screen.getByRole('button', { name: 'Sign in with SSO' }))
  expect(screen.getByText('Enter your work email address, like name@company.com.')).toBeVisible()
  expect(screen.getByLabelText('Work email')).toHaveAttribute('aria-invalid', 'true')
  expect(seen).toEqual([])
})

test('while sign-in starts the button is disabled and says Redirecting…', async () => {
  const { promise: hold, resolve: release } = deferred<undefined>()
  const seen = initiateAnswer('https://elsewhere.example/auth?state=state-1', hold)
  await renderSignedOut()
  await userEvent.type(screen.getByLabelText('Work email'), 'alice@example.com')
  await userEvent.click(screen.getByRole('button', { name: 'Sign in with SSO' }))
  const button = await screen.findByRole('button', { name: 'Redirecting…' })
  expect(button).toBeDisabled()
  expect(screen.getByText('Contacting your identity provider…')).toBeInTheDocument()
  release(undefined)
  await screen.findByTestId('error-code')
  expect(seen).toEqual([{ email: 'alice@example.com' }])
})

test('a provider URL off the configured issuer shows untrusted_redirect and stores nothing', async () => {
  initiateAnswer('https://evil.example/auth?state=state-1')
  await renderSignedOut('/?returnTo=%2F%3Ftab%3Dpartners')
  await userEvent.type(screen.getByLabelText('Work email'), 'alice@example.com')
  await userEvent.click(screen.getByRole('button', { name: 'Sign in with SSO' }))
  expect(await screen.findByTestId('error-code')).toHaveTextContent('untrusted_redirect')
  expect(Object.keys(sessionStorage).filter((k) => k.startsWith('sso-bridge:txn:'))).toEqual([])
  // Trying the same redirect again cannot help: the way forward is home, here the sign-in form.
  expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull()
  await userEvent.click(screen.getByRole('button', { name: 'Back to home' }))
  expect(screen.getByRole('button', { name: 'Sign in with SSO' })).toBeEnabled()
})

test('a backend refusal shows login_failed with the backend message as plain text', async () => {
  server.use(
    http.post(INITIATE, () =>
      HttpResponse.json(
        {
          error: 'login_failed',
          message: 'The sign-in service refused this sign-in.',
          detail: '<b>username</b> is not an email',
        },
        { status: 401 },
      ),
    ),
  )
  await renderSignedOut()
  await userEvent.type(screen.getByLabelText('Work email'), 'alice@example.com')
  await userEvent.click(screen.getByRole('button', { name: 'Sign in with SSO' }))
  expect(await screen.findByTestId('error-code')).toHaveTextContent('login_failed')
  // The backend's words are for support: under the collapsed details.
  expect(screen.getByText('username is not an email')).not.toBeVisible()
  expect(screen.getByText('Message from the sign-in service:')).toBeInTheDocument()
  expect(document.querySelector('main b, section b')).toBeNull()
})

test('the way forward after a refused sign-in is the form, with the email this tab typed', async () => {
  server.use(
    http.post(INITIATE, () =>
      HttpResponse.json(
        { error: 'login_failed', message: 'x', detail: 'Access Denied' },
        { status: 401, headers: { 'x-request-id': 'req-3' } },
      ),
    ),
  )
  await renderSignedOut()
  await userEvent.type(screen.getByLabelText('Work email'), 'alice@example.com')
  await userEvent.click(screen.getByRole('button', { name: 'Sign in with SSO' }))
  expect(await screen.findByTestId('error-code')).toHaveTextContent('login_failed')
  expect(screen.getByRole('alert')).toHaveClass('error')
  expect(screen.getByTestId('error-request-id')).toHaveTextContent('req-3')
  await userEvent.click(screen.getByTestId('error-primary-action'))
  expect(await screen.findByLabelText('Work email')).toHaveValue('alice@example.com')
  // Kept in this tab's sessionStorage only, never in the address.
  expect(sessionStorage.getItem('sso-bridge:email')).toBe('alice@example.com')
  expect(window.location.href).not.toContain('alice')
  sessionStorage.removeItem('sso-bridge:email')
})

test('a started sign-in keeps the callback settings beside its transaction before leaving', async () => {
  initiateAnswer(`${TEST_ISSUER}/auth?state=state-1`)
  await renderSignedOut()
  await userEvent.type(screen.getByLabelText('Work email'), 'alice@example.com')
  await userEvent.click(screen.getByRole('button', { name: 'Sign in with SSO' }))
  await waitFor(() => {
    expect(takeCallbackSettings()).toMatchObject({ identityProvider: { issuer: TEST_ISSUER } })
  })
  expect(sessionStorage.getItem('sso-bridge:txn:state-1')).not.toBeNull()
})

test('a double click on Sign in with SSO starts one sign-in, with one initiate request', async () => {
  const { promise: hold, resolve: release } = deferred<undefined>()
  const seen = initiateAnswer('https://elsewhere.example/auth?state=state-1', hold)
  await renderSignedOut()
  await userEvent.type(screen.getByLabelText('Work email'), 'alice@example.com')
  const button = screen.getByRole('button', { name: 'Sign in with SSO' })
  // Both clicks land before React re-renders the button disabled.
  act(() => {
    button.click()
    button.click()
  })
  await userEvent.keyboard('{Enter}')
  await screen.findByRole('button', { name: 'Redirecting…' })
  release(undefined)
  await screen.findByTestId('error-code')
  expect(seen).toEqual([{ email: 'alice@example.com' }])
})
