import { PartnerLink, usePartnerDestinations } from 'sso-bridge/react'

/** Behind sso.protect: only rendered for a signed-in person. */
export function Dashboard({ contract }: { readonly contract: string }) {
  const destinations = usePartnerDestinations()
  return (
    <section className="acme-panel">
      <h1>Dashboard</h1>
      <h2>Customer contract</h2>
      <p>
        <PartnerLink className="acme-button" href={contract}>
          Sign the customer contract
        </PartnerLink>
      </p>
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
    </section>
  )
}
