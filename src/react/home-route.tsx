import { Link, useSearchParams } from 'react-router-dom'
import { ERROR_MESSAGES } from '../core/error-messages.ts'
import { safeReturnTo } from '../core/return-to.ts'
import { useAppContext } from './app-context.ts'
import { ErrorView } from './error-view.tsx'
import { partnerDestinations } from './partner-destinations.ts'
import { ProgressView } from './progress-view.tsx'
import { SignInForm } from './sign-in-form.tsx'
import { useSessionState } from './use-session.ts'
import { useSignOut } from './use-sign-out.ts'

export function HomeRoute() {
  const { services } = useAppContext()
  const session = useSessionState()
  const [search] = useSearchParams()
  const signOut = useSignOut()

  if (session.isPending) return <ProgressView message="Checking your session…" />
  if (session.isError) {
    return <ErrorView error={session.error} onRetry={() => void session.refetch()} />
  }
  if (signOut.isError) {
    return <ErrorView error={signOut.error} onRetry={() => signOut.mutate()} />
  }
  if (!session.data.signedIn) {
    const returnTo = safeReturnTo(search.get('returnTo'), window.location.origin)
    const notice =
      session.data.reason === 'session_expired' ? ERROR_MESSAGES.session_expired.message : undefined
    return <SignInForm returnTo={returnTo} notice={notice} />
  }

  return (
    <section className="card" aria-labelledby="home-title">
      <h1 id="home-title">Welcome</h1>
      <p className="signed-in">
        Signed in as <strong>{session.data.session.email}</strong>
      </p>
      <h2 id="partners-title">Partner destinations</h2>
      <ul className="destinations" aria-labelledby="partners-title">
        {partnerDestinations(services.config).map((destination) => (
          <li key={destination.href}>
            <Link to={destination.href}>{destination.label}</Link>
            <span className="partner">{destination.partner}</span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="secondary"
        disabled={signOut.isPending}
        onClick={() => {
          signOut.mutate()
        }}
      >
        {signOut.isPending ? 'Signing out…' : 'Sign out'}
      </button>
    </section>
  )
}
