import { createBrowserRouter } from 'react-router-dom'
import { ssoRoutes } from 'sso-bridge/react'
import { HomeRoute } from './home-route.tsx'
import { NotFoundRoute } from './not-found-route.tsx'

/** The standalone app signs people in on its home page. */
export const SIGN_IN_PATH = '/'

/** The public routes of docs/architecture.md §2. */
export function createAppRouter() {
  return createBrowserRouter([
    ...ssoRoutes({ signInPath: SIGN_IN_PATH, signedInElement: <HomeRoute /> }),
    { path: '*', element: <NotFoundRoute /> },
  ])
}
