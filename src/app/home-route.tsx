import {
  ErrorView,
  PartnerLink,
  usePartnerDestinations,
  useSession,
  useSignOut,
} from 'sso-bridge/react'
import { describeError } from 'sso-bridge/core'

/** The signed-in home page: who is signed in, the partner destinations, and sign-out. */
export function HomeRoute() {
  const session = useSession()
  const destinations = usePartnerDestinations()
  const signOut = useSignOut()

  if (session.status !== 'signed-in') return null
  if (signOut.error !== undefined) {
    return (
      <ErrorView
        error={describeError(signOut.error)}
        action={{ label: 'Try again', run: () => void signOut.signOut() }}
      />
    )
  }
  return (
    <section className="card" aria-labelledby="home-title">
      <h1 id="home-title">Welcome</h1>
      <p className="signed-in">
        Signed in as <strong>{session.session.email}</strong>
      </p>
      <h2 id="partners-title">Partner destinations</h2>
      <ul className="destinations" aria-labelledby="partners-title">
        {destinations.map((destination) => (
          <li key={destination.href}>
            <PartnerLink href={destination.href}>{destination.label}</PartnerLink>
            <span className="partner">{destination.partnerLabel}</span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="secondary"
        disabled={signOut.pending}
        onClick={() => void signOut.signOut()}
      >
        {signOut.pending ? 'Signing out…' : 'Sign out'}
      </button>
    </section>
  )
}
