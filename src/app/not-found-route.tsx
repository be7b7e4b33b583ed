import { useNavigate } from 'react-router-dom'
import { useBranding, usePageTitle } from 'sso-bridge/react'

/** Any address the app does not know, and any error while showing a page (the router's error element). */
export function NotFoundRoute() {
  const navigate = useNavigate()
  usePageTitle('Page not found', useBranding())
  return (
    <section className="card" aria-labelledby="not-found-title">
      <h1 id="not-found-title">Page not found</h1>
      <p>There is nothing at this address. Go back to home to continue.</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => void navigate('/', { replace: true })}
        >
          Back to home
        </button>
      </div>
    </section>
  )
}
