import { QueryClientContext, QueryClientProvider } from '@tanstack/react-query'
import { useContext, useEffect, useState, type ReactNode } from 'react'
import { describeError, ERROR_MESSAGES, NEXT_STEP_LABELS } from '../core/error-messages.ts'
import { PageTitle } from './branding.tsx'
import { IdlePrefetch } from './prefetch.tsx'
import { setupOf, type Sso, type SsoShellProps, type StartUp } from './create-sso.tsx'
import { SsoI18n, useSsoText } from './i18n.tsx'
import { followSessionChanges } from './session-query.ts'
import { SsoContext } from './sso-context.ts'

/** SsoProvider's props: the app's sso object and what it wraps. */
export interface SsoProviderProps {
  /** What createSso() returned. */
  readonly sso: Sso
  readonly children: ReactNode
}

function NoShell({ children }: SsoShellProps) {
  return children
}

/** Loading the page again: the way forward of a config error once the config is fixed. */
const reloadPage = () => {
  window.location.reload()
}

/**
 * Gives sso-bridge's routes, hooks and guards their services. Provides `sso.queryClient` unless
 * the host's QueryClientProvider already does (a different client there is refused: the hooks
 * and the loader guard must share one session). An invalid runtime config or a browser that
 * cannot keep a sign-in is shown here, in place of the children.
 */
export function SsoProvider({ sso, children }: SsoProviderProps) {
  const host = useContext(QueryClientContext)
  if (host !== undefined && host !== sso.queryClient) {
    throw new Error(
      'sso-bridge: createSso({ queryClient }) is not the client of the QueryClientProvider around SsoProvider; give createSso that client',
    )
  }
  const started = <Started sso={sso}>{children}</Started>
  return host === undefined ? (
    <QueryClientProvider client={sso.queryClient}>{started}</QueryClientProvider>
  ) : (
    started
  )
}

function Started({ sso, children }: SsoProviderProps) {
  const setup = setupOf(sso)
  // At once when the page before kept its check of this config; else once the check has loaded.
  const [startUp, setStartUp] = useState(setup.now)
  useEffect(() => {
    if (startUp !== undefined) return
    let live = true
    void setup.started.then((result) => {
      if (live) setStartUp(result)
    })
    return () => {
      live = false
    }
  }, [setup, startUp])
  if (startUp === undefined) return null
  return (
    <SsoI18n settings={startUp.language}>
      <Prepared sso={sso} prepared={startUp.prepared}>
        {children}
      </Prepared>
    </SsoI18n>
  )
}

function Prepared({
  sso,
  prepared,
  children,
}: SsoProviderProps & { readonly prepared: StartUp['prepared'] }) {
  const { views, shell } = setupOf(sso)
  const Shell = shell ?? NoShell
  const { t, i18n } = useSsoText()
  const reload = { label: t(NEXT_STEP_LABELS.retry), run: reloadPage }
  if (prepared.kind === 'config-error') {
    return (
      <Shell branding={undefined}>
        <PageTitle title={t(ERROR_MESSAGES.config_invalid.title)} />
        <views.ConfigError issues={prepared.issues} action={reload} />
      </Shell>
    )
  }
  if (prepared.kind === 'fatal') {
    const error = describeError(prepared.error, undefined, i18n)
    return (
      <Shell branding={undefined}>
        <PageTitle title={error.title} />
        <views.Error error={error} action={reload} />
      </Shell>
    )
  }
  return (
    <SsoContext.Provider value={prepared.value}>
      <SessionSync sso={sso} />
      <IdlePrefetch callback={prepared.value.callback} />
      <Shell branding={prepared.value.services.config.branding}>{children}</Shell>
    </SsoContext.Provider>
  )
}

/** Keeps the session query in step with the other tabs and the back/forward cache. */
function SessionSync({ sso }: { readonly sso: Sso }) {
  const { queryClient } = sso
  useEffect(() => followSessionChanges(queryClient), [queryClient])
  return null
}
