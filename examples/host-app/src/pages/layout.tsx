import { Link, NavLink, Outlet } from 'react-router-dom'
import { useSession, useSignOut } from 'sso-bridge/react'

/** Acme CRM's frame, around every page (sso-bridge's callback and sign-in pages too). */
export function Layout() {
  return (
    <div className="acme-frame">
      <nav className="acme-sidebar" aria-label="Acme CRM">
        <span className="acme-logo" aria-hidden="true">
          ◆
        </span>
        <span className="acme-name">Acme CRM</span>
        <NavLink to="/dashboard">Dashboard</NavLink>
        <Account />
      </nav>
      <main className="acme-main">
        <Outlet />
      </main>
    </div>
  )
}

/** Who is signed in, and the way out; a way in for anyone else. */
function Account() {
  const session = useSession()
  const { signOut, pending } = useSignOut()
  if (session.status === 'pending') return null
  if (session.status !== 'signed-in') {
    return (
      <Link className="acme-button" to="/login">
        Sign in
      </Link>
    )
  }
  return (
    <div className="acme-account">
      <p className="acme-who">Signed in as {session.session.email}</p>
      <button type="button" className="acme-button" onClick={signOut} disabled={pending}>
        Sign out
      </button>
    </div>
  )
}
