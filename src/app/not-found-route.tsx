import { useBranding, usePageTitle } from 'sso-bridge/react'
import { HomeButton } from './home-button.tsx'

/** Any address the app does not know, and a 404 the router raises (see route-error.tsx). */
export function NotFoundRoute() {
  usePageTitle('Page not found', useBranding())
  return (
    <section className="card" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is nothing at this address. Go back to home to continue.</p>
      <HomeButton />
    </section>
  )
}
