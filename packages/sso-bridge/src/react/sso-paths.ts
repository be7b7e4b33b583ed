// Where a host mounts sso-bridge, declared once in createSso() and checked there: a wrong path
// is refused at start-up with the field's name, never found later as a 404 or a loop.
import { DEFAULT_CALLBACK_PATH } from '../core/return-to.ts'

/** Where sso-bridge's pages are in the host app (`sso.paths`). */
export interface SsoPaths {
  /** Where the sign-in page is; a signed-out person is sent here with `?returnTo=`. */
  readonly signIn: string
  /** Where "Back to home" goes, and what replaces a hand-off page in history. */
  readonly home: string
  /** Where the hand-off routes are mounted. */
  readonly handoff: string
  /** Where the identity provider sends people back (never a return path). */
  readonly callback: string
}

/** The paths a host may move; the callback path is startCallback()'s. */
export type SsoPathOptions = Partial<Omit<SsoPaths, 'callback'>>

export const DEFAULT_PATHS: SsoPaths = {
  callback: DEFAULT_CALLBACK_PATH,
  signIn: '/sign-in',
  handoff: '/handoff',
  home: '/',
}

/** An app path: absolute, one leading slash, no query, fragment, route pattern or trailing slash. */
const APP_PATH = /^\/(?:[^/?#*:\s]+(?:\/[^/?#*:\s]+)*)?$/

function refuse(field: string, problem: string): never {
  throw new Error(`sso-bridge: ${field} ${problem}`)
}

/**
 * The paths of `options` over the defaults, with `callback` from startCallback(). Throws an Error
 * naming the field when a path is not a plain app path or two roles share one.
 */
export function resolvePaths(options: SsoPathOptions, callback: string): SsoPaths {
  const paths: SsoPaths = { ...DEFAULT_PATHS, ...options, callback }
  const fields: Record<keyof SsoPaths, string> = {
    signIn: 'paths.signIn',
    home: 'paths.home',
    handoff: 'paths.handoff',
    callback: 'startCallback({ callbackPath })',
  }
  for (const key of Object.keys(fields) as (keyof SsoPaths)[]) {
    const value: unknown = paths[key]
    if (typeof value !== 'string' || !APP_PATH.test(value)) {
      refuse(fields[key], `must be an app path like "/sign-in", got ${JSON.stringify(value)}`)
    }
  }
  if (paths.handoff === '/') refuse(fields.handoff, 'cannot be "/": the hand-offs need a prefix')
  for (const key of ['signIn', 'home', 'handoff'] as const) {
    if (paths[key] === paths.callback) {
      refuse(fields[key], `is the callback path "${paths.callback}": it would never show`)
    }
  }
  if (paths.signIn === paths.handoff || paths.home === paths.handoff) {
    refuse(
      fields.handoff,
      `"${paths.handoff}" is also the ${paths.signIn === paths.handoff ? 'sign-in' : 'home'} path`,
    )
  }
  return paths
}
