import type { ReactNode } from 'react'
import type { RouteObject } from 'react-router-dom'
import { PARTNER_LINKS, PARTNER_NAMES, type PartnerName } from '../partners/links.ts'
import { CallbackRoute } from './callback-route.tsx'
import { Pending } from './pending.tsx'
import { SignInPage } from './sign-in-page.tsx'
import type { SsoPaths } from './sso-paths.ts'

/** The hand-off route's code: a chunk of its own, which the signed-in home does not wait for. */
export const loadHandoffRoute = () => import('./handoff-route.tsx')

/** The hand-off route of `partner`, through React Router's own `lazy`. */
async function handoffElement(partner: PartnerName): Promise<Pick<RouteObject, 'element'>> {
  const { HandoffRoute } = await loadHandoffRoute()
  return { element: <HandoffRoute partner={partner} /> }
}

/**
 * React Router data-router route objects for the callback, the sign-in page and one hand-off
 * route per partner, at `paths` (createSso() gives them as `sso.routes`). The hand-off routes are
 * lazy: their code loads when one is first matched, or before, when the browser is idle.
 */
export function ssoRouteObjects(paths: SsoPaths, signedInElement?: ReactNode): RouteObject[] {
  return [
    { path: paths.callback, element: <CallbackRoute /> },
    { path: paths.signIn, element: <SignInPage signedIn={signedInElement} /> },
    ...PARTNER_NAMES.map((partner) => ({
      path: `${paths.handoff}/${PARTNER_LINKS[partner].routePath}`,
      lazy: () => handoffElement(partner),
      // A hand-off opened by its address: the route's code loads before its first render, and
      // the session is checked next.
      hydrateFallbackElement: <Pending message="progress.checkingSession" />,
    })),
  ]
}
