import { useId, useState, type SyntheticEvent } from 'react'
import { emailSchema } from '../core/email.ts'
import type { SignInViewProps } from './views.ts'

/** The default sign-in view: one work email field and "Sign in with SSO". */
export function SignInForm({ notice, onSubmit, pending }: SignInViewProps) {
  const [email, setEmail] = useState('')
  const [invalid, setInvalid] = useState(false)
  const inputId = useId()
  const hintId = useId()

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault()
    if (pending) return
    const parsed = emailSchema.safeParse(email.trim())
    if (!parsed.success) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    onSubmit(parsed.data)
  }

  return (
    <section className="card" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      {notice !== undefined && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <label htmlFor={inputId}>Work email</label>
        <input
          id={inputId}
          name="email"
          type="email"
          autoComplete="username email"
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
          {pending ? 'Contacting your sign-in provider…' : ''}
        </p>
      </form>
    </section>
  )
}
