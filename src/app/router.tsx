import { createBrowserRouter, type RouteObject } from 'react-router-dom'
import { ssoRoutes } from 'sso-bridge/react'
import { HomeRoute } from './home-route.tsx'
import { NotFoundRoute } from './not-found-route.tsx'
import { RouteError } from './route-error.tsx'

/** A hand-off of a partner this deployment leaves out looks like any unknown address. */
export const APP_VIEWS = { NotFound: NotFoundRoute }

/** The standalone app signs people in on its home page. */
export const SIGN_IN_PATH = '/'

/** The public routes of docs/architecture.md §2, under one error element. */
export function appRoutes(): RouteObject[] {
  return [
    {
      errorElement: <RouteError />,
      children: [
        ...ssoRoutes({ signInPath: SIGN_IN_PATH, signedInElement: <HomeRoute /> }),
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]
}

export function createAppRouter() {
  return createBrowserRouter(appRoutes())
}
