import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { AnyPartnerAdapter } from '../core/handoff.ts'
import { PARTNER_NAMES, PARTNERS, type PartnerName } from '../partners/registry.ts'
import { partnerConfig } from '../partners/runtime-config.ts'
import { handoffState } from './handoff-state.ts'
import { useSso } from './sso-context.ts'
import { useSession } from './use-session.ts'

export interface Destination {
  readonly partner: PartnerName
  /** The partner's name for people ("AssureSign"). */
  readonly partnerLabel: string
  readonly label: string
  /** An app path of a hand-off route. */
  readonly href: string
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
    const adapter: AnyPartnerAdapter = PARTNERS[partner]
    const config = partnerConfig(services.config, partner)
    if (config === undefined || !permissions.includes(adapter.permission)) return []
    return adapter.destinations(config).map((destination) => ({
      partner,
      partnerLabel: adapter.label,
      label: destination.label,
      href: `${paths.handoff}/${adapter.linkTo(destination.input)}`,
    }))
  })
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
