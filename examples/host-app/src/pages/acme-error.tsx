import { SupportLink, type ErrorViewProps } from 'sso-bridge/react'

/**
 * Acme Portal's own look for every error sso-bridge reports: its words, vendor text as text, the
 * help desk when the message names it, and the way forward sso-bridge chose for the code.
 */
export function AcmeError({ error, action, secondaryAction, support }: ErrorViewProps) {
  return (
    <section className="acme-panel acme-error" data-acme="error">
      <h1>Acme Portal could not finish this</h1>
      <h2>{error.title}</h2>
      <p>{error.message}</p>
      {error.detail !== undefined && (
        <p className="acme-detail">
          Message from {error.detailFrom}: {error.detail}
        </p>
      )}
      {support !== undefined && (
        <p>
          Ask <SupportLink support={support} />.
        </p>
      )}
      <p className="acme-quiet">
        Reference for the help desk: <code data-testid="acme-error-code">{error.code}</code>
      </p>
      {action !== undefined && (
        <button type="button" className="acme-button" onClick={action.run}>
          {action.label}
        </button>
      )}
      {secondaryAction !== undefined && (
        <button type="button" className="acme-button" onClick={secondaryAction.run}>
          {secondaryAction.label}
        </button>
      )}
    </section>
  )
}
