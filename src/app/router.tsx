import { createBrowserRouter, type RouteObject } from 'react-router-dom'
import type { SsoStart } from 'sso-bridge/callback'
import { createSso, type Sso } from 'sso-bridge/react'
import type { QueryClient } from '@tanstack/react-query'
import { AppShell } from './app-shell.tsx'
import { HomeRoute } from './home-route.tsx'
import { NotFoundRoute } from './not-found-route.tsx'
import { RouteError } from './route-error.tsx'

/**
 * sso-bridge as the standalone app sets it up: sign-in on the home page (which shows a signed-in
 * person their destinations), our frame, and an unserved hand-off shown like any unknown address.
 */
export function createAppSso(start: SsoStart, queryClient?: QueryClient): Sso {
  return createSso({
    start,
    ...(queryClient !== undefined && { queryClient }),
    paths: { signIn: '/' },
    shell: AppShell,
    // The footer carries the support contact on every page (app-shell.tsx).
    shellShowsSupport: true,
    views: { NotFound: NotFoundRoute },
    signedInElement: <HomeRoute />,
  })
}

/** The public routes of docs/architecture.md §2, under one error element. */
export function appRoutes(sso: Sso): RouteObject[] {
  return [
    {
      errorElement: <RouteError />,
      children: [...sso.routes, { path: '*', element: <NotFoundRoute /> }],
    },
  ]
}

export function createAppRouter(sso: Sso) {
  return createBrowserRouter(appRoutes(sso))
}
