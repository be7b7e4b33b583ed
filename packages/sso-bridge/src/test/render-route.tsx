// Renders sso-bridge's routes in memory with real services (real sessionStorage, real fetch: MSW
// answers the network), as a host app wires them: SsoProvider around a router of sso.routes.
import { render } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import type { SsoStart } from '../callback.ts'
import type { RuntimeConfig } from '../partners/runtime-config.ts'
import { createSso } from '../react/create-sso.tsx'
import { SsoProvider } from '../react/sso-provider.tsx'
import { testConfig } from './runtime-config.ts'

/** What startCallback gives off the callback page, for `config`. */
export function startedWith(config: RuntimeConfig = testConfig()): SsoStart {
  return {
    configUrl: '/sso.config.json',
    callbackPath: '/sso/callback',
    configFile: { ok: true, value: config },
    callback: undefined,
  }
}

/** Renders `path` among the sign-in page (at "/", as the standalone app has it) and the rest. */
export function renderRoute(path: string, config: RuntimeConfig = testConfig()): void {
  const sso = createSso({ start: startedWith(config), paths: { signIn: '/' } })
  const router = createMemoryRouter(sso.routes, { initialEntries: [path] })
  render(
    <SsoProvider sso={sso}>
      <RouterProvider router={router} />
    </SsoProvider>,
  )
}
