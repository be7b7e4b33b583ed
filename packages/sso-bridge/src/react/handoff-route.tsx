import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo } from 'react'
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { NEXT_STEP_LABELS } from '../core/error-messages.ts'
import { isSsoError } from '../core/errors.ts'
import { leaveFor, runHandoff, whenVisible } from '../core/handoff-run.ts'
import type { AnyPartnerAdapter } from '../core/handoff.ts'
import { PARTNERS, type PartnerName } from '../partners/registry.ts'
import { partnerConfig } from '../partners/runtime-config.ts'
import { isMessageId } from '../i18n/catalog.ts'
import { Failure } from './failure.tsx'
import { useSsoText } from './i18n.tsx'
import { handoffState, isInAppHandoff } from './handoff-state.ts'
import { Pending } from './pending.tsx'
import { markSignedOut } from './session-query.ts'
import { signInPath } from './sign-in-path.ts'
import { useBranding, usePageTitle } from './branding.tsx'
import { useSso } from './sso-context.ts'
import { useSession } from './use-session.ts'
import type { HandoffConfirmViewProps } from './views.ts'

interface HandoffRouteProps {
  readonly partner: PartnerName
}

/**
 * A hand-off page: validate the link, check the session, ask unless the person started it inside
 * the app, one call through the BFF, leave at once. A partner the runtime config leaves out has no
 * hand-off: its addresses show the not-found view.
 */
export function HandoffRoute({ partner }: HandoffRouteProps) {
  const { services, views, paths } = useSso()
  const navigate = useNavigate()
  const { t } = useSsoText()
  // The registry pairs each adapter with its own config part, which TypeScript cannot follow here.
  const config: unknown = partnerConfig(services.config, partner)
  if (config === undefined) {
    const home = () => void navigate(paths.home, { replace: true })
    return <views.NotFound action={{ label: t(NEXT_STEP_LABELS.home), run: home }} />
  }
  return <ConfiguredHandoff partner={partner} config={config} />
}

function ConfiguredHandoff({ partner, config }: HandoffRouteProps & { readonly config: unknown }) {
  const { services, paths } = useSso()
  const navigate = useNavigate()
  const adapter: AnyPartnerAdapter = PARTNERS[partner]
  const session = useSession()
  const client = useQueryClient()
  const params = useParams()
  const [search] = useSearchParams()
  const location = useLocation()
  const here = `${location.pathname}${location.search}`

  // Inputs are checked before anything else: a bad link never reaches sign-in or the BFF. Keyed by
  // the URL's own values, so a re-render does not make a new hand-off input.
  const paramsKey = JSON.stringify(params)
  const query = search.toString()
  const parsed = useMemo(() => {
    try {
      const link = {
        params: JSON.parse(paramsKey) as Record<string, string | undefined>,
        search: new URLSearchParams(query),
      }
      return { ok: true as const, input: adapter.parseInput(link, config) as unknown }
    } catch (error) {
      return { ok: false as const, error }
    }
  }, [adapter, paramsKey, query, config])

  const signedIn = session.status === 'signed-in'
  // A page another site, a bookmark or the address after sign-in opened carries no state: it asks
  // first, so a link cannot sign the person in to a partner's page of someone else's choosing.
  // Continue writes the same mark into this entry, so a reload runs it again without asking.
  const confirmed = isInAppHandoff(location.state)
  const onContinue = () => void navigate(here, { replace: true, state: handoffState })
  // One hand-off per visit of this history entry, as a query: StrictMode's second effect and a
  // re-render join the run in flight, "Try again" runs it anew. The query ends when the page has
  // left (or could not), so the hand-off token never sits in the cache.
  const handoff = useQuery({
    queryKey: ['sso-bridge', 'handoff', partner, location.key],
    queryFn: async () => {
      if (!parsed.ok) throw parsed.error
      const target = await runHandoff(adapter, parsed.input, config, {
        fetch: services.fetch,
        apiBase: services.config.apiBase,
        timeoutMs: services.config.requestTimeoutMs,
        now: Date.now,
        waitUntilNavigable: whenVisible(document),
      })
      // A form the browser will not send (handoff_blocked) is shown like any failure.
      await leaveFor(target, window, paths.home)
      return 'left' as const
    },
    enabled: parsed.ok && signedIn && confirmed,
    retry: false,
    gcTime: 0,
    staleTime: Infinity,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  })

  // The BFF says the session is over: every view goes to sign-in, which comes back here.
  const sessionEnded = isSsoError(handoff.error) && handoff.error.code === 'session_expired'
  useEffect(() => {
    if (sessionEnded) markSignedOut(client, 'session_expired')
  }, [sessionEnded, client])

  const words = { label: adapter.label, messages: adapter.messages }
  // Nothing of a bad link is kept: its way forward is home.
  if (!parsed.ok) return <Failure error={parsed.error} partner={words} />
  if (session.status === 'pending') return <Pending message="progress.checkingSession" />
  if (session.status === 'error') return <Failure error={session.error} retry={session.retry} />
  if (session.status === 'signed-out') {
    return <Navigate to={signInPath(paths.signIn, here, paths.home)} replace />
  }
  if (!confirmed) {
    return (
      <Confirm
        partnerLabel={adapter.label}
        destination={adapter.describe(parsed.input, config)}
        onContinue={onContinue}
        onCancel={() => void navigate(paths.home, { replace: true })}
      />
    )
  }
  if (handoff.isError && !handoff.isFetching && !sessionEnded) {
    // The way forward is the code's: a retry only where it can succeed (an Aimbase 401 does: the
    // BFF logs in to Aimbase again), else home. A refused hand-off never signs the person out.
    return (
      <Failure
        error={handoff.error}
        partner={words}
        retry={() => {
          void handoff.refetch()
        }}
      />
    )
  }
  return <Pending message="progress.openingPartner" values={{ partner: adapter.label }} />
}

/** The host's question view (or ours), with the question as the tab title. */
function Confirm(props: HandoffConfirmViewProps) {
  const { views } = useSso()
  const { t } = useSsoText()
  usePageTitle(t('handoffConfirm.title', { partner: props.partnerLabel }), useBranding())
  // An adapter names each line by a message id (ours), or in words of its own (a host's partner).
  const destination = props.destination.map(({ term, description }) => ({
    term: isMessageId(term) ? t(term) : term,
    description,
  }))
  return <views.HandoffConfirm {...props} destination={destination} />
}
