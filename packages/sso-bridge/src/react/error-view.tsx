import { useEffect, useRef } from 'react'
import { SupportLink } from './branding.tsx'
import { ErrorActions, ErrorReference } from './error-parts.tsx'
import type { ErrorViewProps } from './views.ts'

/**
 * The default error view (docs/architecture.md §2): heading (focused, so a screen reader starts
 * there), plain message, vendor text as plain text with who sent it, the support contact when the
 * message names it (by name only when the shell shows it below), the way forward, and a small
 * reference code for support.
 */
export function ErrorView({
  error,
  action,
  secondaryAction,
  support,
  supportInShell,
}: ErrorViewProps) {
  const { code, title, message, detail, detailFrom } = error
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
      {detail !== undefined && (
        <p className="detail">
          <span className="detail-label">Message from {detailFrom ?? 'the service'}: </span>
          {detail}
        </p>
      )}
      {support !== undefined &&
        (supportInShell === true ? (
          <p className="support">Contact: {support.label} (see below)</p>
        ) : (
          <p className="support">
            Contact: <SupportLink support={support} />
          </p>
        ))}
      <ErrorActions action={action} secondary={secondaryAction} />
      <ErrorReference code={code} />
    </section>
  )
}
