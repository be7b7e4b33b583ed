import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { AnyPartnerLinks } from '../core/handoff.ts'
import { PARTNER_LINKS, PARTNER_NAMES, type PartnerName } from '../partners/links.ts'
import { handoffState } from './handoff-state.ts'
import { useSso } from './sso-context.ts'
import { useSession } from './use-session.ts'

export interface Destination {
  readonly partner: PartnerName
  /** The partner's name for people ("AssureSign"). */
  readonly partnerLabel: string
  readonly label: string
  /** The configured line on what the destination is for (1–140 characters), if any. */
  readonly description?: string | undefined
  /** An app path of a hand-off route. */
  readonly href: string
}

/** One partner's destinations, for a page that shows the partner's name once above them. */
export interface DestinationGroup {
  readonly partner: PartnerName
  /** The partner's name for people ("AssureSign"). */
  readonly partnerLabel: string
  /** At least one. */
  readonly destinations: readonly Destination[]
}

/**
 * The hand-offs the runtime config offers that the signed-in person may use (their session's
 * permissions name the partner), in registry order, as app links. None while signed out, and
 * none of a partner the config leaves out.
 */
export function usePartnerDestinations(): readonly Destination[] {
  const { services, paths } = useSso()
  const session = useSession()
  const permissions = session.status === 'signed-in' ? session.session.permissions : []
  return PARTNER_NAMES.flatMap((partner) => {
    const links: AnyPartnerLinks = PARTNER_LINKS[partner]
    const config = services.config.partners[partner]
    if (config === undefined || !permissions.includes(links.permission)) return []
    return links.destinations(config).map((destination) => ({
      partner,
      partnerLabel: links.label,
      label: destination.label,
      description: destination.description,
      href: `${paths.handoff}/${links.linkTo(destination.input)}`,
    }))
  })
}

/**
 * Destinations grouped by partner, in the order of their first destination; a partner without
 * destinations has no group.
 */
export function groupByPartner(destinations: readonly Destination[]): readonly DestinationGroup[] {
  const groups = new Map<PartnerName, { partnerLabel: string; destinations: Destination[] }>()
  for (const destination of destinations) {
    const group = groups.get(destination.partner)
    if (group === undefined) {
      groups.set(destination.partner, {
        partnerLabel: destination.partnerLabel,
        destinations: [destination],
      })
    } else {
      group.destinations.push(destination)
    }
  }
  return [...groups].map(([partner, group]) => ({ partner, ...group }))
}

/**
 * {@link usePartnerDestinations}, one group per partner (registry order): for a home page that
 * names each partner once, above its destinations.
 */
export function usePartnerDestinationGroups(): readonly DestinationGroup[] {
  return groupByPartner(usePartnerDestinations())
}

export interface PartnerLinkProps {
  /** A hand-off path, as {@link usePartnerDestinations} gives it. */
  readonly href: string
  readonly children: ReactNode
  readonly className?: string
}

/**
 * A link to a hand-off page (a router link, so the app stays loaded until the hand-off). It marks
 * its navigation with {@link handoffState}, so the hand-off runs without asking: the person
 * chose it here.
 */
export function PartnerLink({ href, children, className }: PartnerLinkProps) {
  return (
    <Link to={href} state={handoffState} className={className}>
      {children}
    </Link>
  )
}
