import type { ErrorViewProps } from 'sso-bridge/react'

/** Acme Portal's own look for every error sso-bridge reports. */
export function AcmeError({ error, action }: ErrorViewProps) {
  return (
    <section className="acme-panel acme-error" data-acme="error">
      <h1>Acme Portal could not finish this</h1>
      <h2>{error.title}</h2>
      <p>{error.message}</p>
      {error.detail !== undefined && <p className="acme-detail">{error.detail}</p>}
      <p className="acme-quiet">
        Reference for the help desk: <code data-testid="acme-error-code">{error.code}</code>
      </p>
      {action !== undefined && (
        <button type="button" className="acme-button" onClick={action.run}>
          {action.label}
        </button>
      )}
    </section>
  )
}
