import type { ErrorMessage } from '../core/error-messages.ts'
import { describeError } from '../core/error-messages.ts'
import type { SsoErrorCode } from '../core/errors.ts'
import { useSso } from './sso-context.ts'
import type { ErrorAction } from './views.ts'

interface FailureProps {
  readonly error: unknown
  readonly action?: ErrorAction | undefined
  /** A partner's own words for some codes. */
  readonly words?: Partial<Record<SsoErrorCode, ErrorMessage>> | undefined
}

/** Any thrown value, in words, through the host's error view (or ours). */
export function Failure({ error, action, words }: FailureProps) {
  const { Error: ErrorView } = useSso().views
  return <ErrorView error={describeError(error, words)} action={action} />
}
