import { useEffect, useRef } from 'react'
import type { ErrorViewProps } from './views.ts'

/**
 * The default error view (docs/architecture.md §2): heading (focused, so a screen reader starts
 * there), plain message, vendor text as text, the code for support, and the way forward.
 */
export function ErrorView({ error, action }: ErrorViewProps) {
  const { code, title, message, detail } = error
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
      {action !== undefined && (
        <button type="button" className="primary" onClick={action.run}>
          {action.label}
        </button>
      )}
    </section>
  )
}
