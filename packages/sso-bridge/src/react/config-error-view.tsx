import { ERROR_MESSAGES } from '../core/error-messages.ts'
import { ErrorActions, ErrorReference } from './error-parts.tsx'
import { useSsoText } from './i18n.tsx'
import type { ConfigErrorViewProps } from './views.ts'

/**
 * The default config error view: lists every bad field of the runtime config by its path
 * (docs/architecture.md §3 "Runtime config"), offers to load the page again, and gives the code.
 */
export function ConfigErrorView({ issues, action }: ConfigErrorViewProps) {
  const { t } = useSsoText()
  const { title, message } = ERROR_MESSAGES.config_invalid
  return (
    <section className="card error" role="alert" aria-labelledby="config-error-title">
      <h1 id="config-error-title">{t(title)}</h1>
      <p>{t(message)}</p>
      <ul className="issues">
        {issues.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>
            <code>{issue.path}</code>: {issue.message}
          </li>
        ))}
      </ul>
      <ErrorActions action={action} />
      <ErrorReference code="config_invalid" />
    </section>
  )
}
