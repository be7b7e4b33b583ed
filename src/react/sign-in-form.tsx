import { useMutation } from '@tanstack/react-query'
import { useId, useState, type SyntheticEvent } from 'react'
import { emailSchema } from '../core/email.ts'
import { startSignIn } from '../core/sign-in.ts'
import { useAppContext } from './app-context.ts'
import { ErrorView } from './error-view.tsx'

interface SignInFormProps {
  /** A validated same-origin path to continue to after sign-in. */
  readonly returnTo: string | undefined
  /** Why the person is signed out, when it was not their own choice. */
  readonly notice?: string | undefined
}

export function SignInForm({ returnTo, notice }: SignInFormProps) {
  const { services } = useAppContext()
  const [email, setEmail] = useState('')
  const [invalid, setInvalid] = useState(false)
  const inputId = useId()
  const hintId = useId()
  const signIn = useMutation({
    mutationFn: (address: string) =>
      startSignIn({
        backend: services.backend,
        store: services.transactions,
        config: services.config,
        now: Date.now,
        email: address,
        returnTo,
      }),
    onSuccess: (redirect) => {
      window.location.assign(redirect)
    },
  })

  if (signIn.isError) {
    return <ErrorView error={signIn.error} onRetry={() => signIn.reset()} />
  }

  const busy = signIn.isPending || signIn.isSuccess

  function submit(event: SyntheticEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    const parsed = emailSchema.safeParse(email.trim())
    if (!parsed.success) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    signIn.mutate(parsed.data)
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
          disabled={busy}
          onChange={(event) => {
            setEmail(event.target.value)
          }}
        />
        {invalid && (
          <p id={hintId} className="field-error" role="alert">
            Enter your work email address, like name@company.com.
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Redirecting…' : 'Sign in with SSO'}
        </button>
        <p className="sr-status" role="status" aria-live="polite">
          {busy ? 'Contacting your sign-in provider…' : ''}
        </p>
      </form>
    </section>
  )
}
