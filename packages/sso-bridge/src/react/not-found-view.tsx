import { useBranding, usePageTitle } from './branding.tsx'
import { ErrorActions } from './error-parts.tsx'
import { useSsoText } from './i18n.tsx'
import type { NotFoundViewProps } from './views.ts'

/**
 * The default not-found view: an address sso-bridge's routes match but this deployment does not
 * serve (the hand-off of a partner its runtime config leaves out). A host passes its own
 * (SsoProvider's `views.NotFound`) so it looks like any other unknown address.
 */
export function NotFoundView({ action }: NotFoundViewProps) {
  const { t } = useSsoText()
  usePageTitle(t('notFound.title'), useBranding())
  return (
    <section className="card" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFound.title')}</h1>
      <p>{t('notFound.message')}</p>
      <ErrorActions action={action} />
    </section>
  )
}
