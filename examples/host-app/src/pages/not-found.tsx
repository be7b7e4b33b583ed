import { Link } from 'react-router-dom'

export function NotFound() {
  return (
    <section className="acme-panel">
      <h1>Nothing here</h1>
      <p>
        This page is not part of Acme CRM. <Link to="/dashboard">Back to the dashboard</Link>
      </p>
    </section>
  )
}
