import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { SsoError } from '../core/errors.ts'
import { Failure } from './failure.tsx'
import { Pending } from './pending.tsx'
import { signInPath } from './sign-in-path.ts'
import { useSso } from './sso-context.ts'

const notFromProvider = new SsoError(
  'state_missing',
  'the callback page was opened without a sign-in',
)

/**
 * The callback page: shows the exchange the entry script already started (it does not start one
 * itself), then replaces itself with `returnTo`. The session query is already primed with the
 * exchange's answer by then (createSso registered that first).
 */
export function CallbackRoute() {
  const { callback, paths } = useSso()
  const navigate = useNavigate()
  const [failure, setFailure] = useState<unknown>(
    callback === undefined ? notFromProvider : undefined,
  )

  const startOver = (returnTo: string | undefined) => () =>
    void navigate(signInPath(paths.signIn, returnTo, paths.home), { replace: true })

  useEffect(() => {
    if (callback === undefined) return undefined
    let active = true
    callback.then(
      ({ returnTo }) => {
        if (!active) return
        // Committed at once rather than as a transition: the signed-in view is already loaded
        // and its session primed, so nothing is worth waiting for.
        void navigate(returnTo, { replace: true, flushSync: true })
      },
      (error: unknown) => {
        if (active) setFailure(error)
      },
    )
    return () => {
      active = false
    }
  }, [callback, navigate])

  if (failure !== undefined) {
    const returnTo = failure instanceof SsoError ? failure.returnTo : undefined
    // Every callback failure leads to a new sign-in: this answer cannot be used twice.
    return <Failure error={failure} retry={startOver(returnTo)} returnTo={returnTo} />
  }
  return <Pending message="progress.signingIn" />
}
