import { useEffect } from 'react'
import { pageTitle, supportHref } from '../core/brand-display.ts'
import type { Branding, SupportContact } from '../core/branding.ts'
import { useSso } from './sso-context.ts'

/** The validated `branding` of the runtime config, if it gives one. */
export function useBranding(): Branding | undefined {
  return useSso().services.config.branding
}

/**
 * Sets the tab title while mounted: `title`, then the product's name ("Sign in – Northwind
 * Partner Hub"). Without branding, the view's title alone.
 */
export function usePageTitle(title: string, branding: Branding | undefined): void {
  const full = pageTitle(title, branding)
  useEffect(() => {
    document.title = full
  }, [full])
}

/** {@link usePageTitle} as an element, for views that may render before the config is valid. */
export function PageTitle({ title, branding }: { title: string; branding?: Branding | undefined }) {
  usePageTitle(title, branding)
  return null
}

/** The support contact as a link: mailto: for an email, else its URL. */
export function SupportLink({ support }: { support: SupportContact }) {
  return (
    <a className="support-link" href={supportHref(support)}>
      {support.label}
      {support.email !== undefined && ` (${support.email})`}
    </a>
  )
}
