import { useEffect, useState, type ReactNode } from 'react'
import { Navigate, useSearchParams } from 'react-router-dom'
import { tabEmail } from '../callback/browser.ts'
import type { SignedOutReason } from '../core/auth-backend.ts'
import { ERROR_MESSAGES } from '../core/error-messages.ts'
import { safeReturnTo } from '../core/return-to.ts'
import { useBranding, usePageTitle } from './branding.tsx'
import { Failure } from './failure.tsx'
import { Pending } from './pending.tsx'
import { useSsoText } from './i18n.tsx'
import { useSso } from './sso-context.ts'
import { useSession } from './use-session.ts'
import { useSignIn } from './use-sign-in.ts'

interface SignInPageProps {
  /** What a signed-in person sees here; by default they continue to `returnTo` or home. */
  readonly signedIn?: ReactNode
}

/** The sign-in page: the host's sign-in view (or ours), continuing to `?returnTo=` afterwards. */
export function SignInPage({ signedIn }: SignInPageProps) {
  const { paths, services } = useSso()
  const session = useSession()
  const signIn = useSignIn()
  const [search, setSearch] = useSearchParams()
  const returnTo = safeReturnTo(search.get('returnTo'), window.location.origin, paths.callback)
  // The identity provider sends the browser back here with the state of this tab's sign-out
  // (RP-Initiated Logout 1.0 §3); an unknown or reused one gets the plain sign-in form.
  const returnedState = search.get('state')
  const [signedOutAtProvider] = useState(
    () => returnedState !== null && services.returnedFromSignOut(returnedState),
  )
  useEffect(() => {
    if (returnedState === null) return
    const rest = new URLSearchParams(search)
    rest.delete('state')
    setSearch(rest, { replace: true })
  }, [returnedState, search, setSearch])

  if (session.status === 'pending') return <Pending message="progress.checkingSession" />
  if (session.status === 'error') return <Failure error={session.error} retry={session.retry} />
  if (session.status === 'signed-in') {
    return signedIn ?? <Navigate to={returnTo ?? paths.home} replace />
  }
  if (signIn.error !== undefined) {
    return <Failure error={signIn.error} retry={signIn.reset} reset={signIn.reset} />
  }
  return (
    <SignedOut
      reason={signedOutAtProvider ? 'user_signed_out' : session.reason}
      signedOutAtProvider={signedOutAtProvider}
      accountPageUrl={services.config.identityProvider.accountPageUrl}
      pending={signIn.pending}
      onSubmit={(email) => {
        signIn.signIn(email, returnTo)
      }}
    />
  )
}

interface SignedOutProps {
  readonly reason: SignedOutReason
  readonly signedOutAtProvider: boolean
  readonly accountPageUrl: string | undefined
  readonly pending: boolean
  readonly onSubmit: (email: string) => void
}

function SignedOut({
  reason,
  signedOutAtProvider,
  accountPageUrl,
  pending,
  onSubmit,
}: SignedOutProps) {
  const { views } = useSso()
  const signedOut = reason === 'user_signed_out'
  const branding = useBranding()
  const { t } = useSsoText()
  usePageTitle(signedOut ? t('signedOut.pageTitle') : t('signIn.title'), branding)
  const notice =
    reason === 'session_expired' ? t(ERROR_MESSAGES.session_expired.message) : undefined
  // Read once per visit of the form: the email this tab kept when it last started a sign-in.
  const [email] = useState(() => tabEmail.read())
  return (
    <views.SignIn
      notice={notice}
      email={email}
      pending={pending}
      onSubmit={onSubmit}
      signedOut={signedOut}
      branding={branding}
      signedOutAtProvider={signedOut && signedOutAtProvider}
      accountPageUrl={accountPageUrl}
    />
  )
}
