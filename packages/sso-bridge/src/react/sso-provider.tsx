import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import {
  Suspense,
  use,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react'
import type { SsoStart } from '../callback.ts'
import type { ConfigIssue } from '../core/config.ts'
import type { Branding } from '../core/branding.ts'
import { describeError, ERROR_MESSAGES, NEXT_STEP_LABELS } from '../core/error-messages.ts'
import { parseRuntimeConfig } from '../partners/runtime-config.ts'
import { PageTitle } from './branding.tsx'
import { ConfigErrorView } from './config-error-view.tsx'
import { ErrorView } from './error-view.tsx'
import { NotFoundView } from './not-found-view.tsx'
import { ProgressView } from './progress-view.tsx'
import { createServices } from './services.ts'
import { followSessionChanges } from './session-query.ts'
import { SignInForm } from './sign-in-form.tsx'
import { SsoContext, type SsoContextValue } from './sso-context.ts'
import { DEFAULT_PATHS } from './sso-routes.tsx'
import type { SsoViews } from './views.ts'

export interface SsoProviderProps {
  /** What `startCallback()` gave (or its promise: the provider then suspends until it settles). */
  readonly start: SsoStart | Promise<SsoStart>
  /** The same paths given to ssoRoutes(). Default "/sign-in". */
  readonly signInPath?: string
  /** Default "/". */
  readonly homePath?: string
  /** Default "/handoff". */
  readonly handoffPath?: string
  /** The host's own views; ours fill in the rest. */
  readonly views?: SsoViews
  /**
   * The frame around everything the provider shows (the children, or the config error view in
   * their place), given the validated branding (undefined while the config is invalid).
   */
  readonly shell?: ComponentType<SsoShellProps>
  readonly children: ReactNode
}

export interface SsoShellProps {
  readonly branding: Branding | undefined
  readonly children: ReactNode
}

function NoShell({ children }: SsoShellProps) {
  return children
}

/** Loading the page again: the way forward of a config error once the config is fixed. */
const reload = { label: NEXT_STEP_LABELS.retry, run: () => window.location.reload() }

/**
 * Gives sso-bridge's routes, hooks and guards their services. Uses the host's QueryClientProvider
 * when there is one, else a client of its own. An invalid runtime config or a browser that cannot
 * keep a sign-in is shown here, in place of the children.
 */
export function SsoProvider(props: SsoProviderProps) {
  const host = useContext(QueryClientContext)
  // Sign-in steps are never retried behind the person's back (docs/architecture.md §3).
  const [own] = useState(() =>
    host === undefined
      ? new QueryClient({
          defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
        })
      : undefined,
  )
  const Progress = props.views?.Progress ?? ProgressView
  const Shell = props.shell ?? NoShell
  const started = (
    <Suspense
      fallback={
        <Shell branding={undefined}>
          <Progress message="Loading…" />
        </Shell>
      }
    >
      <Started {...props} />
    </Suspense>
  )
  return own === undefined ? (
    started
  ) : (
    <QueryClientProvider client={own}>{started}</QueryClientProvider>
  )
}

type Prepared =
  | { readonly kind: 'ready'; readonly value: SsoContextValue }
  | { readonly kind: 'config-error'; readonly issues: readonly ConfigIssue[] }
  | { readonly kind: 'fatal'; readonly error: unknown }

function Started(props: SsoProviderProps) {
  const { start, signInPath, homePath, handoffPath, views, children } = props
  const Shell = props.shell ?? NoShell
  const started = start instanceof Promise ? use(start) : start
  const chosen = useMemo(
    () => ({
      Error: views?.Error ?? ErrorView,
      Progress: views?.Progress ?? ProgressView,
      ConfigError: views?.ConfigError ?? ConfigErrorView,
      SignIn: views?.SignIn ?? SignInForm,
      NotFound: views?.NotFound ?? NotFoundView,
    }),
    [views?.Error, views?.Progress, views?.ConfigError, views?.SignIn, views?.NotFound],
  )
  const prepared = useMemo((): Prepared => {
    if (!started.configFile.ok) return { kind: 'config-error', issues: started.configFile.issues }
    const config = parseRuntimeConfig(started.configFile.value)
    if (!config.ok) return { kind: 'config-error', issues: config.issues }
    try {
      const services = createServices(config.config)
      const paths = {
        signIn: signInPath ?? DEFAULT_PATHS.signIn,
        home: homePath ?? DEFAULT_PATHS.home,
        handoff: handoffPath ?? DEFAULT_PATHS.handoff,
        callback: started.callbackPath,
      }
      return {
        kind: 'ready',
        value: { services, callback: started.callback, paths, views: chosen },
      }
    } catch (error) {
      return { kind: 'fatal', error }
    }
  }, [started, signInPath, homePath, handoffPath, chosen])

  if (prepared.kind === 'config-error') {
    return (
      <Shell branding={undefined}>
        <PageTitle title={ERROR_MESSAGES.config_invalid.title} />
        <chosen.ConfigError issues={prepared.issues} action={reload} />
      </Shell>
    )
  }
  if (prepared.kind === 'fatal') {
    const error = describeError(prepared.error)
    return (
      <Shell branding={undefined}>
        <PageTitle title={error.title} />
        <chosen.Error error={error} action={reload} />
      </Shell>
    )
  }
  return (
    <SsoContext.Provider value={prepared.value}>
      <SessionSync />
      <Shell branding={prepared.value.services.config.branding}>{children}</Shell>
    </SsoContext.Provider>
  )
}

/** Keeps the session query in step with the other tabs and the back/forward cache. */
function SessionSync() {
  const client = useContext(QueryClientContext)
  useEffect(() => (client === undefined ? undefined : followSessionChanges(client)), [client])
  return null
}
