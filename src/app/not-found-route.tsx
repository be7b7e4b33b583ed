import { useBranding, usePageTitle, useSsoText } from 'sso-bridge/react'
import { HomeButton } from './home-button.tsx'

/** Any address the app does not know, and a 404 the router raises (see route-error.tsx). */
export function NotFoundRoute() {
  const { t } = useSsoText()
  usePageTitle(t('notFound.title'), useBranding())
  return (
    <section className="card" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>{t('notFound.message')}</p>
      <HomeButton />
    </section>
  )
}
