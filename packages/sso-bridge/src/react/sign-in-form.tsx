import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react'
import { workEmail } from '../core/email-address.ts'
import type { SignInViewProps } from './views.ts'

/**
 * The default sign-in view: one work email field (focused on load, filled in with the email this
 * tab kept) and "Sign in with SSO". Right after a sign-out it first confirms it, with focus on
 * that heading.
 */
export function SignInForm({
  notice,
  email: kept,
  onSubmit,
  pending,
  signedOut = false,
}: SignInViewProps) {
  const [email, setEmail] = useState(kept ?? '')
  const [invalid, setInvalid] = useState(false)
  const inputId = useId()
  const hintId = useId()
  const titleId = useId()
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
    <section className="card" aria-labelledby={titleId}>
      {signedOut && (
        <>
          <h1 tabIndex={-1} ref={confirmation} className="signed-out-title">
            You are signed out
          </h1>
          <p className="signed-out" role="status">
            Your session has ended on this device. You can close this tab, or sign in again below.
          </p>
        </>
      )}
      <Heading id={titleId}>{signedOut ? 'Sign in again' : 'Sign in'}</Heading>
      {notice !== undefined && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <label htmlFor={inputId}>Work email</label>
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
            Enter your work email address, like name@company.com.
          </p>
        )}
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Redirecting…' : 'Sign in with SSO'}
        </button>
        <p className="sr-status" role="status" aria-live="polite">
          {pending ? 'Contacting your identity provider…' : ''}
        </p>
      </form>
    </section>
  )
}
