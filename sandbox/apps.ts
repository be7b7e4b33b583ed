// Host apps: the browser apps a team registers with the sandbox by configuration (start options,
// `--app NAME=URL`, SSO_SANDBOX_APPS), never by patching it. Each is a name, an origin and the
// callback path there. Every value is checked here, once, and a bad one is refused with one line
// naming it, before any party starts.
import { onStack } from './ports.ts'

/** A browser app that signs people in through the sandbox. */
export interface HostApp {
  /** Shown on the identity provider's sign-in page ("to continue to …"). */
  readonly name: string
  /** Scheme, host and port, compared exactly with the Origin the browser sends. */
  readonly origin: string
  /** Where the identity provider sends the browser back on that origin; starts with `/`. */
  readonly callbackPath: string
  /**
   * The app's sign-in page (sso-bridge's `paths.signIn`), where the identity provider sends the
   * browser after signing out there; default {@link DEFAULT_SIGN_IN_PATH}.
   */
  readonly signInPath?: string | undefined
}

/** sso-bridge's default `paths.signIn`, for a host app that does not name its own. */
export const DEFAULT_SIGN_IN_PATH = '/sign-in'

/** A host app as a team writes it: origin and paths, or the whole callback URL. */
export type HostAppInput =
  | HostApp
  | {
      readonly name: string
      readonly callbackUrl: string
      readonly signInPath?: string | undefined
    }

/** The variable that registers host apps: `NAME=URL` entries separated by commas. */
export const APPS_VARIABLE = 'SSO_SANDBOX_APPS'

/** A host app the sandbox refuses; the message is one line and names the value. */
export class AppRegistrationError extends Error {
  override readonly name = 'AppRegistrationError'
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Whether `url`'s host is this machine (http is allowed there only). */
export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname)
}

function refuse(message: string): never {
  throw new AppRegistrationError(message)
}

function checkName(name: string): string {
  const trimmed = name.trim()
  if (trimmed === '') refuse('an app needs a name')
  // The name is shown on a page and travels in a comma-separated variable.
  if (/[,=<>]/.test(trimmed) || Array.from(trimmed).some((c) => c.charCodeAt(0) < 0x20)) {
    refuse(`app name "${trimmed}" may not contain a comma, "=", "<", ">" or a control character`)
  }
  return trimmed
}

function checkOrigin(name: string, origin: string): string {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return refuse(`app "${name}": "${origin}" is not an http(s) origin`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    refuse(`app "${name}": "${origin}" is not an http(s) origin`)
  }
  if (url.origin !== origin) {
    refuse(
      `app "${name}": "${origin}" is not an origin (scheme, host and port only, e.g. ${url.origin})`,
    )
  }
  // docs/architecture.md §3: http is allowed for loopback only.
  if (url.protocol === 'http:' && !isLoopback(url)) {
    refuse(`app "${name}": "${origin}" is http on a host that is not loopback: use https`)
  }
  return origin
}

function checkPath(name: string, path: string, what: 'callback path' | 'sign-in path'): string {
  if (!path.startsWith('/') || path.startsWith('//')) {
    refuse(`app "${name}": ${what} "${path}" must start with a single "/"`)
  }
  // RFC 6749 §3.1.2: a redirect URI has no fragment; a query would be the app's, not ours. "|"
  // separates the sign-in path in `NAME=URL|PATH`.
  if (/[?#|\s]/.test(path)) {
    refuse(`app "${name}": ${what} "${path}" may not contain "?", "#", "|" or spaces`)
  }
  return path
}

function checkCallbackPath(name: string, path: string): string {
  return checkPath(name, path, 'callback path')
}

/** The checked sign-in path, left out when not given (the default applies). */
function signInPathOf(name: string, path: string | undefined): { signInPath?: string } {
  return path === undefined ? {} : { signInPath: checkPath(name, path, 'sign-in path') }
}

/** The checked host app of `input`; throws AppRegistrationError naming the bad value. */
export function hostApp(input: HostAppInput): HostApp {
  const name = checkName(input.name)
  if ('callbackUrl' in input) {
    let url: URL
    try {
      url = new URL(input.callbackUrl)
    } catch {
      return refuse(`app "${name}": "${input.callbackUrl}" is not an http(s) URL`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      refuse(`app "${name}": "${input.callbackUrl}" is not an http(s) URL`)
    }
    if (url.search !== '' || url.hash !== '') {
      refuse(`app "${name}": callback URL "${input.callbackUrl}" may not have a query or fragment`)
    }
    return {
      name,
      origin: checkOrigin(name, url.origin),
      callbackPath: checkCallbackPath(name, url.pathname),
      ...signInPathOf(name, input.signInPath),
    }
  }
  return {
    name,
    origin: checkOrigin(name, input.origin),
    callbackPath: checkCallbackPath(name, input.callbackPath),
    ...signInPathOf(name, input.signInPath),
  }
}

/**
 * `NAME=URL` or `NAME=URL|SIGN_IN_PATH`, e.g. `Acme CRM=http://127.0.0.1:4180/login/complete` or
 * `Acme CRM=http://127.0.0.1:4180/login/complete|/login`: the callback URL, and the sign-in path
 * the identity provider may send the browser back to after signing out (default `/sign-in`).
 */
export function parseAppSpec(spec: string): HostApp {
  const at = spec.lastIndexOf('=http')
  if (at <= 0)
    refuse(`app "${spec}" is not NAME=URL (e.g. "Acme CRM=http://127.0.0.1:4180/login/complete")`)
  const [callbackUrl = '', signInPath, ...more] = spec.slice(at + 1).split('|')
  const name = spec.slice(0, at)
  if (more.length > 0) refuse(`app "${name.trim()}": "${spec}" has more than one "|"`)
  return hostApp({
    name,
    callbackUrl: callbackUrl.trim(),
    ...(signInPath === undefined ? {} : { signInPath: signInPath.trim() }),
  })
}

/** The host apps SSO_SANDBOX_APPS lists (none when unset). */
export function appsFromEnvironment(
  env: Readonly<Record<string, string | undefined>> = process.env,
): HostApp[] {
  const raw = env[APPS_VARIABLE] ?? ''
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      try {
        return parseAppSpec(entry)
      } catch (error) {
        if (error instanceof AppRegistrationError) refuse(`${APPS_VARIABLE}: ${error.message}`)
        throw error
      }
    })
}

/** `apps` checked together: the same origin may be registered once only. */
export function checkApps(apps: readonly HostAppInput[]): HostApp[] {
  const checked = apps.map(hostApp)
  const seen = new Map<string, string>()
  for (const app of checked) {
    const other = seen.get(app.origin)
    if (other !== undefined) {
      refuse(`app "${app.name}": origin ${app.origin} is already registered for "${other}"`)
    }
    seen.set(app.origin, app.name)
  }
  return checked
}

/** `app` on journey stack `index`: a loopback origin's port plus 100·index; others stay. */
export function appOnStack(app: HostApp, index: number): HostApp {
  return { ...app, origin: onStack(app.origin, index) }
}

/** The app's callback URL. */
export function callbackUrlOf(app: HostApp): string {
  return `${app.origin}${app.callbackPath}`
}

/** Where the identity provider may send the browser after signing out: the app's sign-in page. */
export function signInUrlOf(app: HostApp): string {
  return `${app.origin}${app.signInPath ?? DEFAULT_SIGN_IN_PATH}`
}

/** `NAME=URL` (with `|SIGN_IN_PATH` when it has one) of `app`, as `--app` and SSO_SANDBOX_APPS take it. */
export function appSpecOf(app: HostApp): string {
  const signIn = app.signInPath === undefined ? '' : `|${app.signInPath}`
  return `${app.name}=${callbackUrlOf(app)}${signIn}`
}
