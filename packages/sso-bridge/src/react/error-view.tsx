import { useEffect, useRef } from 'react'
import { SupportLink } from './branding.tsx'
import { ErrorActions, SupportDetails } from './error-parts.tsx'
import { useSsoText } from './i18n.tsx'
import type { ErrorViewProps } from './views.ts'

/**
 * The default error view (docs/architecture.md §2): heading (focused, so a screen reader starts
 * there), plain message, the support contact when the message names it (by name only when the
 * shell shows it below), the way forward, and the reference code for support, with the details
 * support needs (time, request id, any vendor or provider text) collapsed below it. A failure is
 * an alert whose section has the `error` class; a notice (the person cancelled, a session ran out)
 * is a calm status without it.
 */
export function ErrorView({
  error,
  action,
  secondaryAction,
  support,
  supportInShell,
}: ErrorViewProps) {
  const { code, title, message, severity } = error
  const { t } = useSsoText()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [code])
  const failure = severity === 'failure'
  return (
    <section
      className={failure ? 'card error' : 'card'}
      aria-labelledby="error-title"
      role={failure ? 'alert' : 'status'}
    >
      <h1 id="error-title" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <p>{message}</p>
      {support !== undefined &&
        (supportInShell === true ? (
          <p className="support">{t('error.contactBelow', { contact: support.label })}</p>
        ) : (
          <p className="support">
            {t('error.contact')} <SupportLink support={support} />
          </p>
        ))}
      <ErrorActions action={action} secondary={secondaryAction} />
      <SupportDetails error={error} />
    </section>
  )
}
