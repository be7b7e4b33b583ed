// What a host's own views and pages are given: the branding for its sign-in view, the
// destinations grouped by partner with their descriptions, and whether its shell shows support.
import userEvent from '@testing-library/user-event'
import { render, screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { expect, test } from 'vitest'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { ALICE_SESSION } from '../test/fake-backend.ts'
import { mswServer } from '../test/msw-server.ts'
import { startedWith } from '../test/render-route.tsx'
import { testConfig } from '../test/runtime-config.ts'
import { createSso, type CreateSsoOptions } from './create-sso.tsx'
import {
  groupByPartner,
  PartnerLink,
  usePartnerDestinationGroups,
  type Destination,
} from './partner-link.tsx'
import { SsoProvider } from './sso-provider.tsx'
import type { ErrorViewProps, SignInViewProps } from './views.ts'

const ORIGIN = window.location.origin
const server = mswServer()

const ENVELOPE = '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f'
const OTHER_ENVELOPE = '7b2f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f'
const ACCOUNT = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'
const SUPPORT = { label: 'Acme Help Desk', email: 'help@acme.example' }

const config = {
  ...testConfig({
    partners: {
      assuresign: {
        envelopes: [
          { id: ENVELOPE, label: 'Lease', description: 'The office lease.' },
          { id: OTHER_ENVELOPE, label: 'Loan' },
        ],
      },
      aimbase: {
        accounts: [
          { uid: ACCOUNT, label: 'Dealer', description: 'Orders.', landing: '/Dashboard' },
        ],
      },
    },
  }),
  branding: { productName: 'Acme Hub', support: SUPPORT },
}

function AcmeSignIn({ branding }: SignInViewProps) {
  return <h1>Sign in to {branding?.productName ?? 'this app'}</h1>
}

function AcmeError({ error, support, supportInShell }: ErrorViewProps) {
  return (
    <div role="alert">
      <output>{error.code}</output>
      <p>
        {support === undefined ? 'no contact' : `${support.label}, in shell: ${supportInShell}`}
      </p>
    </div>
  )
}

function AcmeTools() {
  return (
    <>
      {usePartnerDestinationGroups().map((group) => (
        <ul key={group.partner} aria-label={group.partnerLabel}>
          {group.destinations.map((destination) => (
            <li key={destination.href}>
              <PartnerLink href={destination.href}>{destination.label}</PartnerLink>
              {destination.description !== undefined && <p>{destination.description}</p>}
            </li>
          ))}
        </ul>
      ))}
    </>
  )
}

function renderHost(path: string, options: Partial<CreateSsoOptions> = {}) {
  const sso = createSso({
    start: startedWith(config),
    views: { SignIn: AcmeSignIn, Error: AcmeError },
    ...options,
  })
  const router = createMemoryRouter([...sso.routes, { path: '/tools', element: <AcmeTools /> }], {
    initialEntries: [path],
  })
  render(
    <SsoProvider sso={sso}>
      <RouterProvider router={router} />
    </SsoProvider>,
  )
}

test("a host's sign-in view is given the configured branding", async () => {
  server.use(
    http.get(`${ORIGIN}/api/session`, () =>
      HttpResponse.json({ error: 'signed_out', message: 'Sign-in required.' }, { status: 401 }),
    ),
  )
  renderHost('/sign-in')
  expect(await screen.findByRole('heading', { name: 'Sign in to Acme Hub' })).toBeVisible()
})

test('the grouped destinations name each partner once, with each destination and its description', async () => {
  server.use(http.get(`${ORIGIN}/api/session`, () => HttpResponse.json(ALICE_SESSION)))
  renderHost('/tools')
  const assureSign = await screen.findByRole('list', { name: 'AssureSign' })
  expect(
    within(assureSign)
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual(['LeaseThe office lease.', 'Loan'])
  const aimbase = screen.getByRole('list', { name: 'Aimbase' })
  expect(within(aimbase).getByRole('listitem')).toHaveTextContent('DealerOrders.')
  // ABC has no line of business configured here: no group at all.
  expect(screen.getAllByRole('list')).toHaveLength(2)
})

const refused = () =>
  server.use(
    http.get(`${ORIGIN}/api/session`, () => HttpResponse.json(ALICE_SESSION)),
    http.post(`${ORIGIN}/api/assuresign/authentication/sso`, () =>
      HttpResponse.json({ errorCode: 'FORBIDDEN', details: [] }, { status: 403 }),
    ),
  )

test("an error view hears that the host's shell shows the support contact", async () => {
  refused()
  renderHost(`/handoff/assuresign/${ENVELOPE}`, { shellShowsSupport: true })
  // Opened by its address, the hand-off asks first.
  await userEvent.click(await screen.findByRole('button', { name: 'Continue' }))
  expect(await screen.findByText('handoff_forbidden')).toBeVisible()
  expect(screen.getByRole('alert')).toHaveTextContent('Acme Help Desk, in shell: true')
})

test('without shellShowsSupport an error view is told to show the support contact itself', async () => {
  refused()
  renderHost(`/handoff/assuresign/${ENVELOPE}`)
  await userEvent.click(await screen.findByRole('button', { name: 'Continue' }))
  expect(await screen.findByText('handoff_forbidden')).toBeVisible()
  expect(screen.getByRole('alert')).toHaveTextContent('Acme Help Desk, in shell: false')
})

const destination = (partner: Destination['partner'], label: string): Destination => ({
  partner,
  partnerLabel: partner.toUpperCase(),
  label,
  href: `/handoff/${label}`,
})

test('groupByPartner keeps the order of each partner’s first destination', () => {
  const groups = groupByPartner([
    destination('aimbase', 'a'),
    destination('assuresign', 'b'),
    destination('aimbase', 'c'),
  ])
  expect(groups.map((group) => [group.partner, group.destinations.map((d) => d.label)])).toEqual([
    ['aimbase', ['a', 'c']],
    ['assuresign', ['b']],
  ])
  expect(groups[0]?.partnerLabel).toBe('AIMBASE')
  expect(groupByPartner([])).toEqual([])
})
