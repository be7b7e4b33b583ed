import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router-dom'
import type { SsoStart } from 'sso-bridge/callback'
import { SsoProvider } from 'sso-bridge/react'
import { AppShell } from './app-shell.tsx'
import { APP_VIEWS, createAppRouter, SIGN_IN_PATH } from './router.tsx'
import './styles.css'

export function renderApp(start: SsoStart): void {
  const container = document.getElementById('root')
  if (container === null) throw new Error('index.html has no #root')
  // Sign-in steps are never retried behind the person's back (docs/architecture.md §3 "Every
  // backend call": no automatic retry).
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  const root = createRoot(container)
  flushSync(() =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <SsoProvider start={start} signInPath={SIGN_IN_PATH} shell={AppShell} views={APP_VIEWS}>
            <RouterProvider router={createAppRouter()} />
          </SsoProvider>
        </QueryClientProvider>
      </StrictMode>,
    ),
  )
}
