import { NavLink, Outlet } from 'react-router-dom'

export function Layout() {
  return (
    <div className="acme-frame">
      <nav className="acme-sidebar" aria-label="Acme Portal">
        <span className="acme-logo" aria-hidden="true">
          ◆
        </span>
        <span className="acme-name">Acme Portal</span>
        <NavLink to="/" end>
          Dashboard
        </NavLink>
        <NavLink to="/settings">Settings</NavLink>
      </nav>
      <main className="acme-main">
        <Outlet />
      </main>
    </div>
  )
}
