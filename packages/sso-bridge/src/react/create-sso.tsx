// createSso(): the one place a host declares where sso-bridge lives and what it looks like. The
// routes, the provider, the element guard and the loader guard all read this one object, so a
// sign-in path cannot be given twice, and a wrong one is refused here, at start-up.
import { QueryClient } from '@tanstack/react-query'
import type { ComponentType, ReactNode } from 'react'
import { redirect, type LoaderFunctionArgs, type RouteObject } from 'react-router-dom'
import type { SsoStart } from '../callback.ts'
import type { ConfigIssue, ConfigResult } from '../core/config-rules.ts'
import { PARTNER_LINKS } from '../partners/links.ts'
import type { PartnerInputs, PartnerName } from '../partners/registry.ts'
import type { RuntimeConfig } from '../partners/runtime-config.ts'
import { checkConfig } from './config-check.ts'
import type { AnyPartnerLinks } from '../core/handoff.ts'
import { loadCatalog } from '../i18n/catalog.ts'
import { firstLocale, knownLocales, type LanguageSettings, type SsoI18nOptions } from './i18n.tsx'
import {
  ConfigErrorView,
  ErrorView,
  HandoffConfirmView,
  NotFoundView,
  preloadViews,
} from './lazy-views.tsx'
import { ProgressView } from './progress-view.tsx'
import { requireSession } from './require-session.tsx'
import { createServices } from './services.ts'
import { primeSignedIn, sessionQuery } from './session-query.ts'
import { SignInForm } from './sign-in-form.tsx'
import { signInPath } from './sign-in-path.ts'
import type { SsoContextValue, SsoViewSet } from './sso-context.ts'
import { resolvePaths, type SsoPathOptions, type SsoPaths } from './sso-paths.ts'
import { ssoRouteObjects } from './sso-routes.tsx'
import type { SsoViews } from './views.ts'
import type { Branding } from '../core/branding.ts'

/** What a host's frame (createSso's `shell`) is given. */
export interface SsoShellProps {
  readonly branding: Branding | undefined
  readonly children: ReactNode
}

/** What a host declares once, at start-up. */
export interface CreateSsoOptions {
  /** What `startCallback()` resolved to: the config file, the callback path and any exchange. */
  readonly start: SsoStart
  /**
   * Where the sign-in page, home and the hand-offs are (defaults "/sign-in", "/" and "/handoff").
   * The callback path is the one given to `startCallback()`.
   */
  readonly paths?: SsoPathOptions
  /**
   * The QueryClient of the host's QueryClientProvider, shared by the hooks and the loader guard.
   * Without one, sso-bridge uses a client of its own (and provides it).
   */
  readonly queryClient?: QueryClient
  /** The host's own views; ours fill in the rest. */
  readonly views?: SsoViews
  /**
   * The frame around everything SsoProvider shows (the children, or the config error view in
   * their place), given the validated branding (undefined while the config is invalid).
   */
  readonly shell?: ComponentType<SsoShellProps>
  /**
   * True when `shell` shows `branding.support` on every page (a footer, say). The support contact
   * then appears once per page: error views still receive `support`, with `supportInShell` true,
   * and ours name the contact and point below instead of repeating its link. Default false.
   */
  readonly shellShowsSupport?: boolean
  /**
   * What the sign-in page shows someone already signed in; by default they continue to
   * `?returnTo=` or home. Give it when the sign-in page is also the home page.
   */
  readonly signedInElement?: ReactNode
  /** The host's own catalogs and single-message overrides (docs/i18n.md). */
  readonly i18n?: SsoI18nOptions
}

/** sso-bridge, set up for one app: give it to `<SsoProvider sso={…}>` and mount its routes. */
export interface Sso {
  /** Where everything is, checked. */
  readonly paths: SsoPaths
  /** The client the session query lives in. */
  readonly queryClient: QueryClient
  /**
   * Resolves once the start-up is done: the runtime config checked and the first language's words
   * loaded. At once on the callback page (the sign-in page kept its check), in English. Awaiting it
   * before the first render keeps an empty frame off the screen while the check or a catalog loads.
   */
  readonly ready: Promise<void>
  /**
   * React Router route objects for the callback, the sign-in page and one hand-off route per
   * partner. Mount them among the host's routes (usually as children of its layout).
   */
  readonly routes: RouteObject[]
  /**
   * The same route, for a signed-in person only, guarded before it renders: its loader checks the
   * session first (through `queryClient`) and sends anyone else to the sign-in page, keeping the
   * address (path and query) to come back to. The route's own loader runs after, for a signed-in
   * person only. The element stays guarded too (see `requireSession`), so a sign-out in another tab
   * is followed. For data routers (createBrowserRouter).
   */
  readonly protect: (route: RouteObject) => RouteObject
  /**
   * The app path of one hand-off, for a link of the host's own (a `<PartnerLink href>` or a
   * router link), e.g. `handoffLink('assuresign', { envelopeId })` for one envelope.
   */
  readonly handoffLink: <Name extends PartnerName>(
    partner: Name,
    input: PartnerInputs[Name],
  ) => string
}

export type Prepared =
  | { readonly kind: 'ready'; readonly value: SsoContextValue }
  | { readonly kind: 'config-error'; readonly issues: readonly ConfigIssue[] }
  | { readonly kind: 'fatal'; readonly error: unknown }

/** What the start-up found: the checked config and services, and the languages. */
export interface StartUp {
  readonly prepared: Prepared
  /** The languages offered and the catalogs (the config's, once it is valid). */
  readonly language: LanguageSettings
}

/** What SsoProvider needs of an Sso beyond its public face. */
export interface SsoSetup {
  /** The start-up's result when it is known, else undefined (see `started`). */
  readonly now: () => StartUp | undefined
  /** The start-up's result, once the config is checked. */
  readonly started: Promise<StartUp>
  readonly views: SsoViewSet
  readonly shell: ComponentType<SsoShellProps> | undefined
}

const setups = new WeakMap<Sso, SsoSetup>()

/** The setup behind `sso`; throws for an object createSso() did not make. */
export function setupOf(sso: Sso): SsoSetup {
  const setup = setups.get(sso)
  if (setup === undefined)
    throw new Error('sso-bridge: SsoProvider needs the object createSso() returned')
  return setup
}

/** Languages the config names that no catalog (ours or the host's) provides. */
function languageIssues(config: RuntimeConfig, known: readonly string[]): ConfigIssue[] {
  const languages = config.i18n
  if (languages === undefined) return []
  const offered = languages.locales ?? known
  const missing = (languages.locales ?? []).flatMap((locale, index) =>
    known.includes(locale)
      ? []
      : [
          {
            path: `i18n.locales.${String(index)}`,
            message: `has no catalog (sso-bridge ships ${known.join(', ')}; a host adds others with createSso's i18n.messages)`,
          },
        ],
  )
  const badDefault =
    languages.defaultLocale === undefined || offered.includes(languages.defaultLocale)
      ? []
      : [
          {
            path: 'i18n.defaultLocale',
            message: `must be one of the offered languages (${offered.join(', ')})`,
          },
        ]
  return [...missing, ...badDefault]
}

function prepare(
  start: SsoStart,
  checked: ConfigResult<RuntimeConfig>,
  paths: SsoPaths,
  views: SsoViewSet,
  known: readonly string[],
  supportInShell: boolean,
): Prepared {
  if (!checked.ok) return { kind: 'config-error', issues: checked.issues }
  const issues = languageIssues(checked.config, known)
  if (issues.length > 0) return { kind: 'config-error', issues }
  try {
    const services = createServices(checked.config)
    const session = { backend: services.backend, callback: start.callback }
    return {
      kind: 'ready',
      value: { services, callback: start.callback, session, paths, views, supportInShell },
    }
  } catch (error) {
    return { kind: 'fatal', error }
  }
}

/**
 * Sets sso-bridge up for this app once, at start-up: checks the paths (an Error names the field
 * that is wrong), validates the runtime config, and primes the session with the callback's answer
 * the moment it arrives.
 */
export function createSso(options: CreateSsoOptions): Sso {
  const { start } = options
  const paths = resolvePaths(options.paths ?? {}, start.callbackPath)
  const queryClient =
    options.queryClient ??
    // Sign-in steps are never retried behind the person's back (docs/architecture.md §3).
    new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const views: SsoViewSet = {
    Error: options.views?.Error ?? ErrorView,
    Progress: options.views?.Progress ?? ProgressView,
    ConfigError: options.views?.ConfigError ?? ConfigErrorView,
    SignIn: options.views?.SignIn ?? SignInForm,
    NotFound: options.views?.NotFound ?? NotFoundView,
    HandoffConfirm: options.views?.HandoffConfirm ?? HandoffConfirmView,
  }
  const known = knownLocales(options.i18n)
  const finish = (checked: ConfigResult<RuntimeConfig>): StartUp => {
    const prepared = prepare(
      start,
      checked,
      paths,
      views,
      known,
      options.shellShowsSupport ?? false,
    )
    const languages = prepared.kind === 'ready' ? prepared.value.services.config.i18n : undefined
    const language: LanguageSettings = {
      available: languages?.locales ?? known,
      configDefault: languages?.defaultLocale,
      messages: options.i18n?.messages,
    }
    // The first language's words start loading now, beside the rest of the start-up (English
    // needs nothing loaded unless the host gives English messages of its own).
    loadCatalog(firstLocale(language), language.messages).catch(() => undefined)
    return { prepared, language }
  }
  const checked = checkConfig(start.configFile)
  let now: StartUp | undefined = checked instanceof Promise ? undefined : finish(checked)
  const started =
    now === undefined
      ? Promise.resolve(checked).then(finish, (error: unknown) => ({
          prepared: { kind: 'fatal', error } as const,
          language: { available: known, messages: options.i18n?.messages },
        }))
      : Promise.resolve(now)
  void started.then((result) => (now = result))
  // Registered before anything can wait on the exchange, so every session read after it sees the
  // signed-in answer rather than asking again (session-query.ts).
  start.callback?.then(
    ({ session }) => {
      primeSignedIn(queryClient, session)
    },
    // A failed callback shows the error view: its code starts loading now.
    () => void preloadViews().catch(() => undefined),
  )

  /** The way to the sign-in page for a signed-out person; undefined lets the route go on. */
  async function guard({ request }: LoaderFunctionArgs): Promise<Response | undefined> {
    // An invalid config is shown by SsoProvider in place of every route.
    const { prepared } = await started
    if (prepared.kind !== 'ready') return undefined
    let signedIn: boolean
    try {
      signedIn = (await queryClient.query(sessionQuery(queryClient, prepared.value.session)))
        .signedIn
    } catch {
      // The element guard shows the failure, with a way to try again.
      return undefined
    }
    if (signedIn) return undefined
    const url = new URL(request.url)
    return redirect(signInPath(paths.signIn, `${url.pathname}${url.search}`, paths.home))
  }

  const sso: Sso = {
    paths,
    queryClient,
    ready: started
      .then(
        ({ language }) => loadCatalog(firstLocale(language), language.messages),
        () => undefined,
      )
      .catch(() => undefined),
    routes: ssoRouteObjects(paths, options.signedInElement),
    handoffLink: (partner, input) => {
      const links: AnyPartnerLinks = PARTNER_LINKS[partner]
      return `${paths.handoff}/${links.linkTo(input)}`
    },
    protect: (route) => {
      const own = route.loader
      const guarded = requireSession(route)
      return {
        ...guarded,
        loader: async (args: LoaderFunctionArgs) => {
          const away = await guard(args)
          if (away !== undefined) return away
          return typeof own === 'function' ? own(args) : null
        },
      }
    },
  }
  setups.set(sso, { now: () => now, started, views, shell: options.shell })
  return sso
}
