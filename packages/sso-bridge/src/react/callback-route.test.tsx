import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, expect, test, vi } from 'vitest'
import { createBrowserRouter, RouterProvider } from 'react-router-dom'
import { createTransactionStore } from '../core/transaction-store.ts'
import { ALICE_SESSION } from '../test/fake-backend.ts'
import { mswServer } from '../test/msw-server.ts'
import { testConfig, TEST_ISSUER } from '../test/runtime-config.ts'
import { createSso } from './create-sso.tsx'
import { SsoProvider } from './sso-provider.tsx'

const server = mswServer()
const at = (path: string) => new URL(path, window.location.origin).href

afterEach(() => {
  window.history.replaceState(null, '', '/')
})

/** A page load of the callback as the identity provider sends it, after a sign-in began. */
async function callbackPageLoad(
  returnTo: string,
  answer: Record<string, string> = { code: 'c1', state: 's1', iss: TEST_ISSUER },
) {
  createTransactionStore({ storage: sessionStorage, now: Date.now, ttlMs: 600_000 }).save({
    flow: 'signin',
    provider: 'bff',
    state: 's1',
    nonce: 'n1',
    email: 'alice@example.com',
    returnTo,
    issuer: TEST_ISSUER,
    createdAt: Date.now(),
  })
  server.use(
    http.get(at('/sso.config.json'), () => HttpResponse.json(testConfig())),
    http.post(at('/api/sso/login'), () =>
      answer['error'] === undefined
        ? HttpResponse.json(ALICE_SESSION)
        : new HttpResponse(null, { status: 204 }),
    ),
    http.get(at('/api/session'), () =>
      answer['error'] === undefined
        ? HttpResponse.json(ALICE_SESSION)
        : HttpResponse.json({ error: 'signed_out', message: 'x' }, { status: 401 }),
    ),
  )
  const search = new URLSearchParams(answer)
  window.history.pushState(null, '', `/sso/callback?${search.toString()}`)
  const entries = window.history.length
  // A fresh page load: the entry's one start per page is new.
  vi.resetModules()
  const { startCallback } = await import('../callback.ts')
  return { start: await startCallback(), entries }
}

test('a successful sign-in leaves no callback in the address bar or in history', async () => {
  const { start, entries } = await callbackPageLoad('/reports?tab=2')
  const sso = createSso({ start })
  const router = createBrowserRouter([
    ...sso.routes,
    { path: '/reports', element: <h1>Reports</h1> },
  ])
  render(
    <SsoProvider sso={sso}>
      <RouterProvider router={router} />
    </SsoProvider>,
  )
  expect(await screen.findByRole('heading', { name: 'Reports' })).toBeVisible()
  expect(window.location.href).toBe(at('/reports?tab=2'))
  // The callback's entry became the destination: no entry was added, so none holds the callback.
  expect(window.history.length).toBe(entries)
  expect(window.location.href).not.toMatch(/code=|state=|iss=/)
})

test('a cancel at the identity provider is a calm notice, one click from the form with the email', async () => {
  sessionStorage.setItem('sso-bridge:email', 'alice@example.com')
  const { start } = await callbackPageLoad('/', {
    error: 'access_denied',
    error_description: 'The user cancelled the sign-in.',
    state: 's1',
    iss: TEST_ISSUER,
  })
  // The same module graph as the fresh page load's, so its SsoError is the views' SsoError.
  const fresh = {
    ...(await import('./create-sso.tsx')),
    ...(await import('./sso-provider.tsx')),
  }
  const sso = fresh.createSso({ start })
  render(
    <fresh.SsoProvider sso={sso}>
      <RouterProvider router={createBrowserRouter(sso.routes)} />
    </fresh.SsoProvider>,
  )
  expect(await screen.findByTestId('error-code')).toHaveTextContent('sign_in_cancelled')
  const view = screen.getByRole('status', { name: 'Sign-in cancelled' })
  expect(view).not.toHaveClass('error')
  expect(screen.queryByRole('alert')).toBeNull()
  expect(view).not.toHaveTextContent(/contact support|Contact:/i)
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))
  expect(await screen.findByLabelText('Work email')).toHaveValue('alice@example.com')
  sessionStorage.removeItem('sso-bridge:email')
})
