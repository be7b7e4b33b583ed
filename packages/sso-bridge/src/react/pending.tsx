import { usePageTitle, useBranding } from './branding.tsx'
import { useSso } from './sso-context.ts'

/** A pending step: the host's progress view (or ours), with the step as the tab title. */
export function Pending({ message }: { readonly message: string }) {
  const { views } = useSso()
  usePageTitle(message.replace(/…$/, ''), useBranding())
  return <views.Progress message={message} />
}
