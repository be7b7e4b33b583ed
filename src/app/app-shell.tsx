import { useEffect, type CSSProperties } from 'react'
import type { BrandColors } from 'sso-bridge/core'
import {
  DARK_SURFACES,
  LanguageSwitcher,
  SupportLink,
  useSsoText,
  type Branding,
  type SsoShellProps,
} from 'sso-bridge/react'

/**
 * The brand's colours as the custom properties styles.css resolves per colour scheme. Through the
 * style object (CSSOM), which the CSP's style-src 'self' allows, unlike a style attribute in HTML.
 */
export function brandStyle(colors: BrandColors | undefined): CSSProperties | undefined {
  if (colors === undefined) return undefined
  const { dark } = colors
  return {
    '--brand-accent': colors.primary,
    '--brand-topbar': colors.header ?? colors.primary,
    ...(dark !== undefined && { '--brand-dark-accent': dark.primary }),
    ...(dark?.header !== undefined && {
      '--brand-dark-topbar': dark.header,
      '--brand-dark-topbar-ink': DARK_SURFACES.surface,
    }),
  } as CSSProperties
}

/** Points the page's `<link rel="icon">` (index.html has one) at the brand's favicon. */
function useFavicon(href: string | undefined): void {
  useEffect(() => {
    if (href === undefined) return
    const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]')
    if (link !== null && link.getAttribute('href') !== href) link.href = href
  }, [href])
}

/**
 * The standalone app's frame: a header with the product's logo and name, the page, and a footer
 * with the support contact, the privacy and terms links and the language switcher, all from the
 * runtime config's `branding`, and the tab's favicon. Without branding (or while the config is
 * invalid) it carries no brand, only the language switcher.
 *
 * The footer is the one place of a page that links the support contact: views that send people
 * to support name it and point below (createSso's `shellShowsSupport`, router.tsx).
 */
export function AppShell({ branding, children }: SsoShellProps) {
  useFavicon(branding?.faviconUrl)
  return (
    <div className="shell" style={brandStyle(branding?.colors)}>
      <header className="topbar">
        {branding !== undefined && (
          <span className="brand">
            {branding.logoUrl !== undefined && (
              <img className="logo" src={branding.logoUrl} alt="" width={28} height={28} />
            )}
            {branding.productName}
          </span>
        )}
      </header>
      <main className="content">{children}</main>
      <AppFooter branding={branding} />
    </div>
  )
}

/** The support contact, the legal links and the language switcher. */
function AppFooter({ branding }: { readonly branding: Branding | undefined }) {
  const { t } = useSsoText()
  const support = branding?.support
  const links = branding?.links
  const legal = [
    { label: t('footer.privacy'), href: links?.privacy },
    { label: t('footer.terms'), href: links?.terms },
  ].filter((link): link is { label: string; href: string } => link.href !== undefined)
  return (
    <footer className="footer">
      {support !== undefined && (
        <p className="footer-support">
          {t('footer.help')} <SupportLink support={support} />
        </p>
      )}
      {legal.length > 0 && (
        <ul className="footer-links">
          {legal.map((link) => (
            <li key={link.label}>
              <a href={link.href}>{link.label}</a>
            </li>
          ))}
        </ul>
      )}
      <LanguageSwitcher />
    </footer>
  )
}
