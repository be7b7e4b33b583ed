import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react'
import { workEmail } from '../core/email-address.ts'
import { useSsoText } from './i18n.tsx'
import type { SignInViewProps } from './views.ts'

/**
 * The default sign-in view: the product's logo and name, one work email field (focused on load,
 * filled in with the email this tab kept), "Sign in with SSO" and a line on where it leads. Right
 * after a sign-out it first confirms it, with focus on that heading.
 */
export function SignInForm({
  notice,
  email: kept,
  onSubmit,
  pending,
  signedOut = false,
  branding,
  signedOutAtProvider = false,
  accountPageUrl,
}: SignInViewProps) {
  const { t } = useSsoText()
  const [email, setEmail] = useState(kept ?? '')
  const [invalid, setInvalid] = useState(false)
  const inputId = useId()
  const hintId = useId()
  const titleId = useId()
  const nextId = useId()
  const confirmation = useRef<HTMLHeadingElement>(null)
  const field = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (signedOut) confirmation.current?.focus()
    else field.current?.focus()
  }, [signedOut])

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault()
    if (pending) return
    const typed = workEmail(email)
    if (typed === undefined) {
      setInvalid(true)
      field.current?.focus()
      return
    }
    setInvalid(false)
    onSubmit(typed)
  }

  const Heading = signedOut ? 'h2' : 'h1'
  return (
    <section className="card sign-in" aria-labelledby={titleId}>
      {branding !== undefined && (
        <p className="card-brand">
          {branding.logoUrl !== undefined && (
            <img className="card-logo" src={branding.logoUrl} alt="" width={40} height={40} />
          )}
          <span>{branding.productName}</span>
        </p>
      )}
      {signedOut && (
        <>
          <h1 tabIndex={-1} ref={confirmation} className="signed-out-title">
            {t('signedOut.title')}
          </h1>
          <p className="signed-out" role="status">
            {signedOutAtProvider ? t('signedOut.everywhere') : t('signedOut.thisDevice')}{' '}
            {!signedOutAtProvider && accountPageUrl !== undefined && (
              <>
                <a href={accountPageUrl}>{t('signedOut.signOutThere')}</a>{' '}
              </>
            )}
            {t('signedOut.closeTab')}
          </p>
        </>
      )}
      <Heading id={titleId}>{signedOut ? t('signIn.again') : t('signIn.title')}</Heading>
      {branding !== undefined && (
        <p className="card-subtitle">{t('signIn.toContinue', { product: branding.productName })}</p>
      )}
      {notice !== undefined && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <label htmlFor={inputId}>{t('signIn.emailLabel')}</label>
        <input
          id={inputId}
          ref={field}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          required
          value={email}
          aria-invalid={invalid}
          aria-describedby={invalid ? hintId : undefined}
          disabled={pending}
          onChange={(event) => {
            setEmail(event.target.value)
          }}
        />
        {invalid && (
          <p id={hintId} className="field-error" role="alert">
            {t('signIn.emailInvalid')}
          </p>
        )}
        <button type="submit" className="primary" disabled={pending} aria-describedby={nextId}>
          {pending ? t('signIn.redirecting') : t('signIn.submit')}
        </button>
        <p id={nextId} className="next-step">
          {t('signIn.nextStep')}
        </p>
        <p className="sr-status" role="status" aria-live="polite">
          {pending ? t('signIn.contacting') : ''}
        </p>
      </form>
    </section>
  )
}
