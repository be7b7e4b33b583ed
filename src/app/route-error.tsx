import { isRouteErrorResponse, useRouteError } from 'react-router-dom'
import { useBranding, usePageTitle, useSsoText } from 'sso-bridge/react'
import { HomeButton } from './home-button.tsx'
import { NotFoundRoute } from './not-found-route.tsx'

/**
 * The router's error element: whatever goes wrong while matching or showing a route, the person
 * sees one of our views with a way home, never React Router's default page.
 */
export function RouteError() {
  const error = useRouteError()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />
  return <PageFailed />
}

function PageFailed() {
  const { t } = useSsoText()
  usePageTitle(t('pageFailed.title'), useBranding())
  return (
    <section className="card error" role="alert" aria-labelledby="page-failed-title">
      <h1 id="page-failed-title">{t('pageFailed.title')}</h1>
      <p>{t('pageFailed.message')}</p>
      <HomeButton />
    </section>
  )
}
