import { Link } from 'react-router-dom'
import { PartnerLink, usePartnerDestinations, useSession, useSignOut } from 'sso-bridge/react'

export function Dashboard() {
  const session = useSession()
  return (
    <section className="acme-panel">
      <h1>Dashboard</h1>
      {session.status === 'pending' && <p className="acme-quiet">Checking who you are…</p>}
      {session.status === 'error' && (
        <p role="alert">
          We could not check your session.{' '}
          <button type="button" className="acme-button" onClick={session.retry}>
            Check again
          </button>
        </p>
      )}
      {session.status === 'signed-out' && (
        <>
          {session.reason === 'session_expired' && (
            <p className="acme-quiet">Your session ended. Sign in again to continue.</p>
          )}
          <p>Sign in with your work account to reach your partner tools.</p>
          <Link className="acme-button" to="/sign-in">
            Sign in
          </Link>
        </>
      )}
      {session.status === 'signed-in' && <SignedIn email={session.session.email} />}
    </section>
  )
}

function SignedIn({ email }: { readonly email: string }) {
  const destinations = usePartnerDestinations()
  const { signOut, pending } = useSignOut()
  return (
    <>
      <p className="acme-who">Signed in as {email}</p>
      <h2>Partner tools</h2>
      {destinations.length === 0 ? (
        <p className="acme-quiet">No partner tools are set up for you.</p>
      ) : (
        <ul className="acme-tiles">
          {destinations.map((destination) => (
            <li key={destination.href}>
              <PartnerLink className="acme-tile" href={destination.href}>
                {destination.label}
              </PartnerLink>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="acme-button acme-secondary"
        onClick={signOut}
        disabled={pending}
      >
        Sign out
      </button>
    </>
  )
}
