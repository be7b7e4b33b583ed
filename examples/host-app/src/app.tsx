// Acme CRM's router and providers: its own layout and pages, sso-bridge's routes among them. The
// paths are declared once, in createSso; the dashboard is guarded by its loader.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter, redirect, RouterProvider } from 'react-router-dom'
import type { SsoStart } from 'sso-bridge/callback'
import { createSso, SsoProvider } from 'sso-bridge/react'
import { Dashboard } from './pages/dashboard.tsx'
import { Layout } from './pages/layout.tsx'
import { NotFound } from './pages/not-found.tsx'
import './styles.css'

/** The customer contract Acme CRM asks people to sign in AssureSign (one prepared envelope). */
const CONTRACT_ENVELOPE = '6a1f4e2c-8b3d-4c5e-9f70-1a2b3c4d5e6f'

export function renderApp(start: SsoStart): void {
  const queryClient = new QueryClient()
  const sso = createSso({ start, queryClient, paths: { signIn: '/login', home: '/dashboard' } })
  const contract = sso.handoffLink('assuresign', { envelopeId: CONTRACT_ENVELOPE })
  const router = createBrowserRouter([
    {
      element: <Layout />,
      children: [
        { path: '/', loader: () => redirect('/dashboard') },
        sso.protect({ path: '/dashboard', element: <Dashboard contract={contract} /> }),
        ...sso.routes,
        { path: '*', element: <NotFound /> },
      ],
    },
  ])
  const root = document.getElementById('root')
  if (root === null) throw new Error('index.html has no #root')
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SsoProvider sso={sso}>
          <RouterProvider router={router} />
        </SsoProvider>
      </QueryClientProvider>
    </StrictMode>,
  )
}
