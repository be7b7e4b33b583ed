import type { ReactNode } from 'react'
import type { RouteObject } from 'react-router-dom'
import { PARTNER_NAMES, PARTNERS } from '../partners/registry.ts'
import { CallbackRoute } from './callback-route.tsx'
import { HandoffRoute } from './handoff-route.tsx'
import { SignInPage } from './sign-in-page.tsx'
import type { SsoPaths } from './sso-paths.ts'

/**
 * React Router data-router route objects for the callback, the sign-in page and one hand-off
 * route per partner, at `paths` (createSso() gives them as `sso.routes`).
 */
export function ssoRouteObjects(paths: SsoPaths, signedInElement?: ReactNode): RouteObject[] {
  return [
    { path: paths.callback, element: <CallbackRoute /> },
    { path: paths.signIn, element: <SignInPage signedIn={signedInElement} /> },
    ...PARTNER_NAMES.map((partner) => ({
      path: `${paths.handoff}/${PARTNERS[partner].routePath}`,
      element: <HandoffRoute partner={partner} />,
    })),
  ]
}
