// Acme Portal's router and providers: its own routes and layout, sso-bridge's routes among them.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter, RouterProvider } from 'react-router-dom'
import type { SsoStart } from 'sso-bridge/callback'
import { requireSession, SsoProvider, ssoRoutes } from 'sso-bridge/react'
import { AcmeError } from './pages/acme-error.tsx'
import { Dashboard } from './pages/dashboard.tsx'
import { Layout } from './pages/layout.tsx'
import { NotFound } from './pages/not-found.tsx'
import { Settings } from './pages/settings.tsx'
import { CALLBACK_PATH } from './sso-paths.ts'
import './styles.css'

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: '/', element: <Dashboard /> },
      requireSession({ path: '/settings', element: <Settings /> }),
      ...ssoRoutes({ callbackPath: CALLBACK_PATH }),
      { path: '*', element: <NotFound /> },
    ],
  },
])

export function renderApp(start: SsoStart): void {
  const root = document.getElementById('root')
  if (root === null) throw new Error('index.html has no #root')
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <SsoProvider start={start} views={{ Error: AcmeError }}>
          <RouterProvider router={router} />
        </SsoProvider>
      </QueryClientProvider>
    </StrictMode>,
  )
}
