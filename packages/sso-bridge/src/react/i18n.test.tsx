// The person's language in sso-bridge's views: from the config's default, the browser's
// preference and the switcher (in that order of override), a host's own words, and <html lang>.
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { afterEach, expect, test, vi } from 'vitest'
import { mswServer } from '../test/msw-server.ts'
import { startedWith } from '../test/render-route.tsx'
import { testConfig } from '../test/runtime-config.ts'
import type { RuntimeConfig } from '../partners/runtime-config.ts'
import { createSso, type CreateSsoOptions } from './create-sso.tsx'
import { LanguageSwitcher } from './i18n.tsx'
import { SsoProvider } from './sso-provider.tsx'

const server = mswServer()

afterEach(() => {
  localStorage.clear()
  vi.restoreAllMocks()
})

function signedOut() {
  server.use(
    http.get(`${window.location.origin}/api/session`, () =>
      HttpResponse.json({ error: 'signed_out', message: 'Sign-in required.' }, { status: 401 }),
    ),
  )
}

function browserPrefers(...languages: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages)
}

function renderSignIn(
  config: RuntimeConfig = testConfig(),
  options: Partial<CreateSsoOptions> = {},
) {
  const sso = createSso({ start: startedWith(config), paths: { signIn: '/' }, ...options })
  const router = createMemoryRouter(sso.routes, { initialEntries: ['/'] })
  render(
    <SsoProvider sso={sso}>
      <RouterProvider router={router} />
      <footer>
        <LanguageSwitcher />
      </footer>
    </SsoProvider>,
  )
}

test("the browser's preference for Hindi shows the sign-in page in Hindi, with <html lang>", async () => {
  signedOut()
  browserPrefers('hi-IN', 'en')
  renderSignIn()
  expect(await screen.findByRole('heading', { name: 'साइन इन करें' })).toBeVisible()
  expect(screen.getByLabelText('कार्य ईमेल')).toBeVisible()
  expect(document.documentElement.lang).toBe('hi')
  expect(document.documentElement.dir).toBe('ltr')
})

test("the config's default applies when the browser prefers no offered language", async () => {
  signedOut()
  browserPrefers('fr-FR')
  renderSignIn({ ...testConfig(), i18n: { defaultLocale: 'hi' } })
  expect(await screen.findByRole('heading', { name: 'साइन इन करें' })).toBeVisible()
})

test('the switcher wins over the browser, and the choice is remembered', async () => {
  signedOut()
  browserPrefers('hi')
  renderSignIn()
  await screen.findByRole('heading', { name: 'साइन इन करें' })
  const footer = screen.getByRole('contentinfo')
  await userEvent.selectOptions(within(footer).getByRole('combobox', { name: 'भाषा' }), 'en')
  expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeVisible()
  expect(document.documentElement.lang).toBe('en')
  expect(localStorage.getItem('sso-bridge:language')).toBe('en')
  expect(within(footer).getByRole('option', { name: 'हिन्दी' })).toHaveAttribute('lang', 'hi')
})

test('one offered language hides the switcher', async () => {
  signedOut()
  renderSignIn({ ...testConfig(), i18n: { locales: ['en'] } })
  await screen.findByRole('heading', { name: 'Sign in' })
  expect(screen.queryByRole('combobox')).toBeNull()
})

test("a host's override replaces one message and its new language is offered", async () => {
  signedOut()
  browserPrefers('fr')
  renderSignIn(testConfig(), {
    i18n: {
      messages: {
        en: { 'signIn.submit': 'Continue with Acme SSO' },
        fr: { 'signIn.title': 'Connexion' },
      },
    },
  })
  expect(await screen.findByRole('heading', { name: 'Connexion' })).toBeVisible()
  // Missing French messages fall back to English, message by message.
  expect(screen.getByRole('button', { name: 'Sign in with SSO' })).toBeVisible()
  await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'en')
  expect(await screen.findByRole('button', { name: 'Continue with Acme SSO' })).toBeVisible()
})

test('a config naming a language without a catalog is a config error that names the field', async () => {
  renderSignIn({ ...testConfig(), i18n: { locales: ['en', 'de'] } })
  expect(await screen.findByText(/has no catalog/)).toBeVisible()
  expect(screen.getByText('i18n.locales.1')).toBeVisible()
  expect(screen.getByTestId('error-code')).toHaveTextContent('config_invalid')
})

test('a default language the config does not offer is a config error too', async () => {
  renderSignIn({ ...testConfig(), i18n: { locales: ['en'], defaultLocale: 'hi' } })
  expect(await screen.findByText('i18n.defaultLocale')).toBeVisible()
})
