import { useNavigate } from 'react-router-dom'
import {
  describeError,
  NEXT_STEP_LABELS,
  type NextStep,
  type PartnerContext,
} from '../core/error-messages.ts'
import { useBranding, usePageTitle } from './branding.tsx'
import { useSsoText } from './i18n.tsx'
import { signInPath } from './sign-in-path.ts'
import { useSso } from './sso-context.ts'
import type { ErrorAction } from './views.ts'

interface FailureProps {
  readonly error: unknown
  /** The partner whose hand-off call failed: the words name it. */
  readonly partner?: PartnerContext | undefined
  /** Repeats what failed. Without it, an error whose way forward is a retry leads home. */
  readonly retry?: (() => void) | undefined
  /** Where a new sign-in continues afterwards (a validated app path). */
  readonly returnTo?: string | undefined
  /** Forgets the failure before any way forward, so a view that shows it can show itself again. */
  readonly reset?: (() => void) | undefined
}

/**
 * Any thrown value, in words, through the host's error view (or ours), with the way forward its
 * code calls for (docs/architecture.md §2 "Error views"): "Try again" only where trying again can
 * succeed, else "Back to home" or "Start a new sign-in". A retry at a partner also offers home.
 * The tab title is the error's title; the support contact comes with messages that name it (and
 * `supportInShell` says when the host's shell shows it already).
 * Leaving an error view replaces it in history, so Back does not return to it.
 */
export function Failure({ error, partner, retry, returnTo, reset }: FailureProps) {
  const { views, paths, supportInShell } = useSso()
  const branding = useBranding()
  const navigate = useNavigate()
  const { t, i18n } = useSsoText()
  const described = describeError(error, partner, i18n)
  usePageTitle(described.title, branding)

  const go = (path: string) => () => {
    reset?.()
    void navigate(path, { replace: true })
  }
  const runs: Record<NextStep, () => void> = {
    retry: retry ?? go(paths.home),
    home: go(paths.home),
    'sign-in': go(signInPath(paths.signIn, returnTo, paths.home)),
    'sign-in-again': go(signInPath(paths.signIn, returnTo, paths.home)),
  }
  const next = described.next === 'retry' && retry === undefined ? 'home' : described.next
  const action: ErrorAction = { label: t(NEXT_STEP_LABELS[next]), run: runs[next] }
  const secondaryAction: ErrorAction | undefined =
    partner !== undefined && next === 'retry'
      ? { label: t(NEXT_STEP_LABELS.home), run: runs.home }
      : undefined
  const support = described.askSupport ? branding?.support : undefined
  return (
    <views.Error
      error={described}
      action={action}
      secondaryAction={secondaryAction}
      support={support}
      supportInShell={support !== undefined && supportInShell}
    />
  )
}
