import { useState, type ReactNode } from 'react'
import { Navigate, useSearchParams } from 'react-router-dom'
import { tabEmail } from '../callback/browser.ts'
import type { SignedOutReason } from '../core/auth-backend.ts'
import { ERROR_MESSAGES } from '../core/error-messages.ts'
import { safeReturnTo } from '../core/return-to.ts'
import { useBranding, usePageTitle } from './branding.tsx'
import { Failure } from './failure.tsx'
import { Pending } from './pending.tsx'
import { useSso } from './sso-context.ts'
import { useSession } from './use-session.ts'
import { useSignIn } from './use-sign-in.ts'

interface SignInPageProps {
  /** What a signed-in person sees here; by default they continue to `returnTo` or home. */
  readonly signedIn?: ReactNode
}

/** The sign-in page: the host's sign-in view (or ours), continuing to `?returnTo=` afterwards. */
export function SignInPage({ signedIn }: SignInPageProps) {
  const { paths } = useSso()
  const session = useSession()
  const signIn = useSignIn()
  const [search] = useSearchParams()
  const returnTo = safeReturnTo(search.get('returnTo'), window.location.origin, paths.callback)

  if (session.status === 'pending') return <Pending message="Checking your session…" />
  if (session.status === 'error') return <Failure error={session.error} retry={session.retry} />
  if (session.status === 'signed-in') {
    return signedIn ?? <Navigate to={returnTo ?? paths.home} replace />
  }
  if (signIn.error !== undefined) {
    return <Failure error={signIn.error} retry={signIn.reset} reset={signIn.reset} />
  }
  return (
    <SignedOut
      reason={session.reason}
      pending={signIn.pending}
      onSubmit={(email) => {
        signIn.signIn(email, returnTo)
      }}
    />
  )
}

interface SignedOutProps {
  readonly reason: SignedOutReason
  readonly pending: boolean
  readonly onSubmit: (email: string) => void
}

function SignedOut({ reason, pending, onSubmit }: SignedOutProps) {
  const { views } = useSso()
  const signedOut = reason === 'user_signed_out'
  usePageTitle(signedOut ? 'Signed out' : 'Sign in', useBranding())
  const notice = reason === 'session_expired' ? ERROR_MESSAGES.session_expired.message : undefined
  // Read once per visit of the form: the email this tab kept when it last started a sign-in.
  const [email] = useState(() => tabEmail.read())
  return (
    <views.SignIn
      notice={notice}
      email={email}
      pending={pending}
      onSubmit={onSubmit}
      signedOut={signedOut}
    />
  )
}
