import { Link } from 'react-router-dom'

export function NotFound() {
  return (
    <section className="acme-panel">
      <h1>Nothing here</h1>
      <p>
        This page is not part of Acme Portal. <Link to="/">Back to the dashboard</Link>
      </p>
    </section>
  )
}
