// Renders the app's routes in memory with real services (real sessionStorage, real fetch: MSW
// answers the network), as the entry script would wire them.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { createServices, type Services } from '../callback/services.ts'
import { AppContext } from '../react/app-context.ts'
import { HomeRoute } from '../react/home-route.tsx'
import type { RuntimeConfig } from '../core/config.ts'
import { testConfig } from './runtime-config.ts'

export function renderRoute(path: string, config: RuntimeConfig = testConfig()): Services {
  const services = createServices(config)
  const router = createMemoryRouter([{ path: '/', element: <HomeRoute /> }], {
    initialEntries: [path],
  })
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } })
  render(
    <AppContext.Provider value={{ services, callback: undefined }}>
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </AppContext.Provider>,
  )
  return services
}
