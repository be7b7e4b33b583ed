import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom'
import { leaveFor, parseHandoffInput, runHandoff } from '../core/handoff-run.ts'
import { markSignedOut } from './session-query.ts'
import type { PartnerName } from '../core/handoff.ts'
import { isSsoError } from '../core/errors.ts'
import { useAppContext } from './app-context.ts'
import { PARTNER_NAMES } from './partner-names.ts'
import { ErrorView } from './error-view.tsx'
import { ProgressView } from './progress-view.tsx'
import { signInPath } from './sign-in-path.ts'
import { useSessionState } from './use-session.ts'
import { useSignOut } from './use-sign-out.ts'

interface HandoffRouteProps {
  readonly partner: PartnerName
}

/** /handoff/…: validate, one call through the BFF, leave at once. */
export function HandoffRoute({ partner }: HandoffRouteProps) {
  const { services } = useAppContext()
  const session = useSessionState()
  const client = useQueryClient()
  const signOut = useSignOut()
  const params = useParams()
  const [search] = useSearchParams()
  const location = useLocation()
  const navigate = useNavigate()
  const [attempt, setAttempt] = useState(0)
  const [failure, setFailure] = useState<{ attempt: number; error: unknown }>()
  const here = `${location.pathname}${location.search}`

  // Inputs are checked before anything else: a bad link never reaches sign-in or the gateway.
  // Keyed by the URL's own values, so a re-render does not make a new hand-off input.
  const { envelopeId, lobId } = params
  const query = search.toString()
  const parsed = useMemo(() => {
    try {
      return {
        ok: true as const,
        handoff: parseHandoffInput(
          partner,
          { envelopeId, lobId },
          new URLSearchParams(query),
          services.config,
        ),
      }
    } catch (error) {
      return { ok: false as const, error }
    }
  }, [partner, envelopeId, lobId, query, services.config])

  const signedIn = session.data?.signedIn === true
  useEffect(() => {
    if (!parsed.ok || !signedIn) return undefined
    const run = runHandoff(`${location.key}:${attempt}`, parsed.handoff, services)
    let active = true
    run.then(
      (target) => {
        if (active) leaveFor(target)
      },
      (error: unknown) => {
        if (!active) return
        // The BFF says the session is over: every view goes to sign-in, which comes back here.
        if (isSsoError(error) && error.code === 'session_expired') {
          markSignedOut(client, 'session_expired')
          return
        }
        setFailure({ attempt, error })
      },
    )
    return () => {
      active = false
    }
  }, [parsed, signedIn, services, location.key, attempt, client])

  if (!parsed.ok) {
    // Nothing of a bad link is kept: "Try again" starts over from the home page.
    return (
      <ErrorView
        error={parsed.error}
        retryLabel="Go to the start page"
        onRetry={() => {
          void navigate('/', { replace: true })
        }}
      />
    )
  }
  if (session.isPending) return <ProgressView message="Checking your session…" />
  if (session.isError) {
    return <ErrorView error={session.error} onRetry={() => void session.refetch()} />
  }
  if (!signedIn) return <Navigate to={signInPath(here)} replace />
  if (failure !== undefined && failure.attempt === attempt) {
    const unauthorized = isSsoError(failure.error) && failure.error.code === 'handoff_unauthorized'
    return (
      <ErrorView
        error={failure.error}
        retryLabel={unauthorized ? 'Sign in again' : 'Try again'}
        onRetry={() => {
          if (!unauthorized) {
            setAttempt((n) => n + 1)
            return
          }
          signOut.mutate(undefined, {
            onSettled: () => void navigate(signInPath(here), { replace: true }),
          })
        }}
      />
    )
  }
  return <ProgressView message={`Opening ${PARTNER_NAMES[partner]}…`} />
}
