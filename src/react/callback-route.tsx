import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { primeSignedIn } from './session-query.ts'
import { SsoError } from '../core/errors.ts'
import { useAppContext } from './app-context.ts'
import { ErrorView } from './error-view.tsx'
import { ProgressView } from './progress-view.tsx'
import { signInPath } from './sign-in-path.ts'

const notFromProvider = new SsoError(
  'state_missing',
  'the callback page was opened without a sign-in',
)

/**
 * /sso/callback: shows the exchange the entry script already started (it does not start one
 * itself), primes the session query with its answer, then replaces itself with `returnTo`.
 */
export function CallbackRoute() {
  const { callback } = useAppContext()
  const navigate = useNavigate()
  const client = useQueryClient()
  const [failure, setFailure] = useState<unknown>(
    callback === undefined ? notFromProvider : undefined,
  )

  useEffect(() => {
    if (callback === undefined) return undefined
    let active = true
    callback.then(
      ({ returnTo, session }) => {
        if (!active) return
        primeSignedIn(client, session)
        void navigate(returnTo, { replace: true })
      },
      (error: unknown) => {
        if (active) setFailure(error)
      },
    )
    return () => {
      active = false
    }
  }, [callback, navigate, client])

  if (failure !== undefined) {
    const returnTo = failure instanceof SsoError ? failure.returnTo : undefined
    return (
      <ErrorView
        error={failure}
        onRetry={() => {
          void navigate(signInPath(returnTo), { replace: true })
        }}
      />
    )
  }
  return <ProgressView message="Signing you in…" />
}
