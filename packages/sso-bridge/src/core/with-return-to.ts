import { isSsoError, optionsOf, SsoError } from './errors.ts'

/**
 * The same failure, now carrying the app path the flow was heading to (so "Try again" keeps it).
 * Anything that is not an SsoError, or already carries a returnTo, is returned unchanged.
 */
export function withReturnTo(error: unknown, returnTo: string): unknown {
  if (!isSsoError(error) || error.returnTo !== undefined) return error
  return new SsoError(error.code, error.message, { ...optionsOf(error), returnTo })
}
