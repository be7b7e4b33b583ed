import { useEffect, useId, useRef } from 'react'
import { useSsoText } from './i18n.tsx'
import type { HandoffConfirmViewProps } from './views.ts'

/**
 * The default question before a hand-off opened from outside the app (a link on another site, a
 * bookmark, the address after sign-in): the partner, where it leads, and the choice. Its heading
 * takes the focus, so a screen reader starts with the question. Not an alert: nothing failed.
 */
export function HandoffConfirmView({
  partnerLabel,
  destination,
  onContinue,
  onCancel,
}: HandoffConfirmViewProps) {
  const { t } = useSsoText()
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [])
  return (
    <section className="card handoff-confirm" aria-labelledby={headingId}>
      <h1 id={headingId} tabIndex={-1} ref={heading}>
        {t('handoffConfirm.title', { partner: partnerLabel })}
      </h1>
      <p>{t('handoffConfirm.message', { partner: partnerLabel })}</p>
      <dl className="destination">
        {destination.map(({ term, description }) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{description}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" className="primary" onClick={onContinue}>
          {t('handoffConfirm.continue')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('handoffConfirm.cancel')}
        </button>
      </div>
    </section>
  )
}
