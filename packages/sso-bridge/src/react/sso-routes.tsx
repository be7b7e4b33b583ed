import type { ReactNode } from 'react'
import type { RouteObject } from 'react-router-dom'
import { DEFAULT_CALLBACK_PATH } from '../core/return-to.ts'
import { PARTNER_NAMES, PARTNERS } from '../partners/registry.ts'
import { CallbackRoute } from './callback-route.tsx'
import { HandoffRoute } from './handoff-route.tsx'
import { SignInPage } from './sign-in-page.tsx'

export interface SsoRoutesOptions {
  /** Where the identity provider sends people back. Default "/sso/callback". */
  readonly callbackPath?: string
  /** The sign-in page. Default "/sign-in". */
  readonly signInPath?: string
  /** Where the hand-off routes are mounted. Default "/handoff". */
  readonly handoffPath?: string
  /**
   * What the sign-in page shows someone already signed in; by default they continue to
   * `?returnTo=` or home. Give it when the sign-in page is also the home page.
   */
  readonly signedInElement?: ReactNode
}

export const DEFAULT_PATHS = {
  callback: DEFAULT_CALLBACK_PATH,
  signIn: '/sign-in',
  handoff: '/handoff',
  home: '/',
} as const

/**
 * React Router data-router route objects for the callback, the sign-in page and one hand-off
 * route per partner. Mount them among the host's routes (usually as children of its layout); give
 * SsoProvider the same paths.
 */
export function ssoRoutes(options: SsoRoutesOptions = {}): RouteObject[] {
  const handoff = options.handoffPath ?? DEFAULT_PATHS.handoff
  return [
    { path: options.callbackPath ?? DEFAULT_PATHS.callback, element: <CallbackRoute /> },
    {
      path: options.signInPath ?? DEFAULT_PATHS.signIn,
      element: <SignInPage signedIn={options.signedInElement} />,
    },
    ...PARTNER_NAMES.map((partner) => ({
      path: `${handoff}/${PARTNERS[partner].routePath}`,
      element: <HandoffRoute partner={partner} />,
    })),
  ]
}
