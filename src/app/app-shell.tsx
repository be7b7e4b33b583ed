import type { CSSProperties } from 'react'
import { SupportLink, type Branding, type SsoShellProps } from 'sso-bridge/react'

/**
 * The standalone app's frame: a header with the product's logo and name, the page, and a footer
 * with the support contact and the privacy and terms links, all from the runtime config's
 * `branding`. Without branding (or while the config is invalid) it carries no brand at all.
 *
 * The footer is the one place of a page that links the support contact: views that send people
 * to support name it and point below (createSso's `shellShowsSupport`, router.tsx).
 */
export function AppShell({ branding, children }: SsoShellProps) {
  const colors = branding?.colors
  // Custom properties through the style object (CSSOM), which the CSP's style-src 'self' allows.
  const style =
    colors === undefined
      ? undefined
      : ({
          '--accent': colors.primary,
          '--focus': colors.primary,
          '--topbar': colors.header ?? colors.primary,
        } as CSSProperties)
  return (
    <div className="shell" style={style}>
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
      {branding !== undefined && <AppFooter branding={branding} />}
    </div>
  )
}

/** The support contact, then the legal links; nothing when the branding gives neither. */
function AppFooter({ branding }: { readonly branding: Branding }) {
  const { support, links } = branding
  const legal = [
    { label: 'Privacy policy', href: links?.privacy },
    { label: 'Terms of use', href: links?.terms },
  ].filter((link): link is { label: string; href: string } => link.href !== undefined)
  if (support === undefined && legal.length === 0) return null
  return (
    <footer className="footer">
      {support !== undefined && (
        <p className="footer-support">
          Need help? Contact <SupportLink support={support} />.
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
    </footer>
  )
}
