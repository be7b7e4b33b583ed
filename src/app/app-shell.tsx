import type { CSSProperties } from 'react'
import { SupportLink, type SsoShellProps } from 'sso-bridge/react'

/**
 * The standalone app's frame: a header with the product's logo and name, the page, and a footer
 * with the support contact, all from the runtime config's `branding`. Without branding (or while
 * the config is invalid) it carries no brand at all.
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
      {branding?.support !== undefined && (
        <footer className="footer">
          Need help? Contact <SupportLink support={branding.support} />.
        </footer>
      )}
    </div>
  )
}
