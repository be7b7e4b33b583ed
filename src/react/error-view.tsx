import { useEffect, useRef } from 'react'
import { describeError } from '../core/error-messages.ts'

interface ErrorViewProps {
  readonly error: unknown
  /** Restarts the flow that failed; absent when there is nothing sensible to retry. */
  readonly onRetry?: () => void
  readonly retryLabel?: string
}

/**
 * docs/architecture.md §2 error view: heading, plain message, the code as text, and "Try again".
 */
export function ErrorView({ error, onRetry, retryLabel = 'Try again' }: ErrorViewProps) {
  const { code, title, message, detail } = describeError(error)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [code])
  return (
    <section className="card error" aria-labelledby="error-title" role="alert">
      <h1 id="error-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <p>{message}</p>
      {detail !== undefined && detail !== '' && (
        <p className="detail">
          <span className="detail-label">Message from the provider: </span>
          {detail}
        </p>
      )}
      <p className="code">
        Error code: <code data-testid="error-code">{code}</code>
      </p>
      {onRetry !== undefined && (
        <button type="button" className="primary" onClick={onRetry}>
          {retryLabel}
        </button>
      )}
    </section>
  )
}
