import type { DescribedError } from '../core/error-messages.ts'
import { useSsoText } from './i18n.tsx'
import type { ErrorAction } from './views.ts'

/** The way forward of an error view: its primary button, and a second way out beside it. */
export function ErrorActions({
  action,
  secondary,
}: {
  readonly action?: ErrorAction | undefined
  readonly secondary?: ErrorAction | undefined
}) {
  if (action === undefined && secondary === undefined) return null
  return (
    <div className="actions">
      {action !== undefined && (
        <button
          type="button"
          className="primary"
          data-testid="error-primary-action"
          onClick={action.run}
        >
          {action.label}
        </button>
      )}
      {secondary !== undefined && (
        <button type="button" className="secondary" onClick={secondary.run}>
          {secondary.label}
        </button>
      )}
    </div>
  )
}

/** The code, small, for support and QA. */
export function ErrorReference({ code }: { readonly code: string }) {
  const { t } = useSsoText()
  return (
    <p className="reference">
      {t('error.reference')} <code data-testid="error-code">{code}</code>
    </p>
  )
}

/** A moment in the reader's own locale, with its time zone: support compares it with their logs. */
function formatTime(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'long' }).format(at)
}

type SupportFacts = Pick<DescribedError, 'code' | 'detail' | 'detailFrom' | 'requestId' | 'at'>

/**
 * The reference (the code), and under it, collapsed, what support needs to find the failure: when
 * it happened, the BFF's request id, and any text of the provider, a partner or the sign-in
 * service, as plain text. People read the message above; these are not for them.
 */
export function SupportDetails({ error }: { readonly error: SupportFacts }) {
  const { code, detail, detailFrom, requestId, at } = error
  const { t, locale } = useSsoText()
  const hasFacts = detail !== undefined || requestId !== undefined || at !== undefined
  return (
    <>
      <ErrorReference code={code} />
      {hasFacts && (
        <details className="support-details">
          <summary>{t('error.detailsForSupport')}</summary>
          {at !== undefined && (
            <p>
              {t('error.time')}{' '}
              <time dateTime={new Date(at).toISOString()}>{formatTime(at, locale)}</time>
            </p>
          )}
          {requestId !== undefined && (
            <p>
              {t('error.request')} <code data-testid="error-request-id">{requestId}</code>
            </p>
          )}
          {detail !== undefined && (
            <p className="detail">
              <span className="detail-label">
                {t('error.messageFrom', {
                  source: detailFrom ?? t('error.from.signInService'),
                })}{' '}
              </span>
              {detail}
            </p>
          )}
        </details>
      )}
    </>
  )
}
