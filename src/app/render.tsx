import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode, useEffect } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router-dom'
import { ConfigErrorView } from '../react/config-error-view.tsx'
import { ErrorView } from '../react/error-view.tsx'
import type { Boot } from './boot.ts'
import { createAppRouter } from './router.tsx'
import { AppShell } from './app-shell.tsx'
import { followSessionChanges } from '../react/session-query.ts'
import { AppContext } from '../react/app-context.ts'
import './styles.css'

// Sign-in steps are never retried behind the person's back (docs/architecture.md §3 "Every backend
// call": no automatic retry).
const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
})

/** Keeps the session query in step with the other tabs and the back/forward cache. */
function SessionSync() {
  useEffect(() => followSessionChanges(queryClient), [])
  return null
}

export function renderApp(boot: Boot): void {
  const container = document.getElementById('root')
  if (container === null) throw new Error('index.html has no #root')
  const root = createRoot(container)
  if (boot.kind !== 'ready') {
    root.render(
      <StrictMode>
        <AppShell>
          {boot.kind === 'config-error' ? (
            <ConfigErrorView issues={boot.issues} />
          ) : (
            <ErrorView
              error={boot.error}
              onRetry={() => {
                window.location.reload()
              }}
            />
          )}
        </AppShell>
      </StrictMode>,
    )
    return
  }
  const router = createAppRouter()
  root.render(
    <StrictMode>
      <AppContext.Provider value={{ services: boot.services, callback: boot.callback }}>
        <QueryClientProvider client={queryClient}>
          <SessionSync />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AppContext.Provider>
    </StrictMode>,
  )
}
