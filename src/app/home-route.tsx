import {
  ErrorView,
  PartnerLink,
  SupportLink,
  useBranding,
  usePageTitle,
  usePartnerDestinations,
  useSession,
  useSignOut,
} from 'sso-bridge/react'
import { describeError } from 'sso-bridge/core'

/**
 * The signed-in home page: who is signed in, the partner destinations their permissions allow
 * (and a plain word when there are none), and sign-out.
 */
export function HomeRoute() {
  const session = useSession()
  const destinations = usePartnerDestinations()
  const signOut = useSignOut()
  const branding = useBranding()
  usePageTitle('Home', branding)

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
      {destinations.length === 0 ? (
        <p className="no-destinations">
          Your account has no partner destinations yet. To get access, contact{' '}
          {branding?.support === undefined ? (
            'your administrator'
          ) : (
            <SupportLink support={branding.support} />
          )}
          .
        </p>
      ) : (
        <ul className="destinations" aria-labelledby="partners-title">
          {destinations.map((destination) => (
            <li key={destination.href}>
              <PartnerLink href={destination.href}>{destination.label}</PartnerLink>
              <span className="partner">{destination.partnerLabel}</span>
            </li>
          ))}
        </ul>
      )}
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
