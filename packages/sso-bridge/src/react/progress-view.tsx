import { useId } from 'react'
import type { ProgressViewProps } from './views.ts'

/** The default view of a pending step: the step as its heading, announced through aria-live. */
export function ProgressView({ message }: ProgressViewProps) {
  const headingId = useId()
  return (
    <section className="card progress" aria-busy="true" aria-labelledby={headingId}>
      <div className="spinner" aria-hidden="true" />
      <div role="status" aria-live="polite">
        <h1 id={headingId}>{message}</h1>
      </div>
    </section>
  )
}
