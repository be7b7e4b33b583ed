import type { MessageId, MessageValues } from '../i18n/catalog.ts'
import { usePageTitle, useBranding } from './branding.tsx'
import { useSsoText } from './i18n.tsx'
import { useSso } from './sso-context.ts'

interface PendingProps {
  /** The step under way, as a message ("progress.signingIn"). */
  readonly message: MessageId
  readonly values?: MessageValues
}

/** A pending step: the host's progress view (or ours), with the step as the tab title. */
export function Pending({ message, values }: PendingProps) {
  const { views } = useSso()
  const words = useSsoText().t(message, values)
  usePageTitle(words.replace(/…$/, ''), useBranding())
  return <views.Progress message={words} />
}
