import type { ReactNode } from 'react'

export function AppShell({ children }: { readonly children: ReactNode }) {
  return (
    <>
      <header className="topbar">
        <span className="brand">sso-bridge</span>
      </header>
      <main className="content">{children}</main>
    </>
  )
}
