import { useId } from 'react'
import {
  describeError,
  ErrorView,
  PartnerLink,
  useBranding,
  usePageTitle,
  usePartnerDestinationGroups,
  useSession,
  useSignOut,
  useSsoText,
  type DestinationGroup,
} from 'sso-bridge/react'

/**
 * The signed-in home page: a welcome, who is signed in, the partner destinations their
 * permissions allow as cards under each partner's name (and a plain word when there are none),
 * and sign-out.
 */
export function HomeRoute() {
  const session = useSession()
  const groups = usePartnerDestinationGroups()
  const signOut = useSignOut()
  const branding = useBranding()
  const { t, i18n } = useSsoText()
  usePageTitle(t('home.pageTitle'), branding)

  if (session.status !== 'signed-in') return null
  if (signOut.error !== undefined) {
    return (
      <ErrorView
        error={describeError(signOut.error, undefined, i18n)}
        action={{ label: t('action.retry'), run: () => void signOut.signOut() }}
      />
    )
  }
  // The session view carries no name (packages/contract: email, permissions, expiry), so the
  // welcome stands alone and the email says who is signed in.
  return (
    <section className="card home" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.welcome')}</h1>
      <p className="signed-in">
        {t('home.signedInAs')} <strong>{session.session.email}</strong>
      </p>
      <section className="partner-groups" aria-labelledby="partners-title">
        <h2 id="partners-title">{t('home.destinations')}</h2>
        {groups.length === 0 ? (
          <p className="no-destinations">
            {/* The shell's footer links the support contact on every page (app-shell.tsx). */}
            {branding?.support === undefined
              ? t('home.noDestinations')
              : t('home.noDestinationsContact', { contact: branding.support.label })}
          </p>
        ) : (
          groups.map((group) => <PartnerGroup key={group.partner} group={group} />)
        )}
      </section>
      <button
        type="button"
        className="secondary"
        disabled={signOut.pending}
        onClick={() => void signOut.signOut()}
      >
        {signOut.pending ? t('home.signingOut') : t('home.signOut')}
      </button>
    </section>
  )
}

/** One partner's name, once, above a card per destination: its link and what it is for. */
function PartnerGroup({ group }: { readonly group: DestinationGroup }) {
  const titleId = useId()
  return (
    <div className="partner-group">
      <h3 id={titleId}>{group.partnerLabel}</h3>
      <ul className="destination-cards" aria-labelledby={titleId}>
        {group.destinations.map((destination) => (
          <li key={destination.href} className="destination-card">
            <PartnerLink className="destination-link" href={destination.href}>
              {destination.label}
            </PartnerLink>
            {destination.description !== undefined && (
              <p className="destination-description">{destination.description}</p>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
