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
  return (
    <p className="reference">
      Reference: <code data-testid="error-code">{code}</code>
    </p>
  )
}
