import type { ReactNode } from 'react'
import { Navigate, useSearchParams } from 'react-router-dom'
import { ERROR_MESSAGES } from '../core/error-messages.ts'
import { safeReturnTo } from '../core/return-to.ts'
import { Failure } from './failure.tsx'
import { useSso } from './sso-context.ts'
import { useSession } from './use-session.ts'
import { useSignIn } from './use-sign-in.ts'

interface SignInPageProps {
  /** What a signed-in person sees here; by default they continue to `returnTo` or home. */
  readonly signedIn?: ReactNode
}

/** The sign-in page: the host's sign-in view (or ours), continuing to `?returnTo=` afterwards. */
export function SignInPage({ signedIn }: SignInPageProps) {
  const { paths, views } = useSso()
  const session = useSession()
  const signIn = useSignIn()
  const [search] = useSearchParams()
  const returnTo = safeReturnTo(search.get('returnTo'), window.location.origin, paths.callback)

  if (session.status === 'pending') return <views.Progress message="Checking your session…" />
  if (session.status === 'error') {
    return <Failure error={session.error} action={{ label: 'Try again', run: session.retry }} />
  }
  if (session.status === 'signed-in') {
    return signedIn ?? <Navigate to={returnTo ?? paths.home} replace />
  }
  if (signIn.error !== undefined) {
    return <Failure error={signIn.error} action={{ label: 'Try again', run: signIn.reset }} />
  }
  const notice =
    session.reason === 'session_expired' ? ERROR_MESSAGES.session_expired.message : undefined
  return (
    <views.SignIn
      notice={notice}
      pending={signIn.pending}
      onSubmit={(email) => {
        signIn.signIn(email, returnTo)
      }}
    />
  )
}
