import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router-dom'
import type { SsoStart } from 'sso-bridge/callback'
import { SsoProvider } from 'sso-bridge/react'
import { createAppRouter, createAppSso } from './router.tsx'
import './styles.css'

export async function renderApp(start: SsoStart): Promise<void> {
  const container = document.getElementById('root')
  if (container === null) throw new Error('index.html has no #root')
  // Sign-in steps are never retried behind the person's back (docs/architecture.md §3 "Every
  // backend call": no automatic retry).
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
  const sso = createAppSso(start, queryClient)
  // The config's check and a language's words, when they must load, before the first render: the
  // branded shell stays on screen meanwhile (on the callback page, both are usually here already).
  await sso.ready
  const root = createRoot(container)
  flushSync(() =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <SsoProvider sso={sso}>
            <RouterProvider router={createAppRouter(sso)} />
          </SsoProvider>
        </QueryClientProvider>
      </StrictMode>,
    ),
  )
}
