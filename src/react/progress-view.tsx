import type { ProgressViewProps } from './views.ts'

/** The default view of a pending step, announced to assistive technology through aria-live. */
export function ProgressView({ message }: ProgressViewProps) {
  return (
    <section className="card progress" aria-busy="true">
      <div className="spinner" aria-hidden="true" />
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  )
}
