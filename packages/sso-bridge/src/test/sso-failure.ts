// What a call or a promise failed with, read so a test can assert on the code of its SsoError.
// Anything else (no failure, another error) comes back as a string no code equals, so the
// assertion fails and its message says what happened instead.
import { SsoError } from '../core/errors.ts'

const notAnSsoError = (error: unknown) => `not an SsoError: ${String(error)}`

/** The code of the SsoError `run` throws; undefined when it returns. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    return error instanceof SsoError ? error.code : notAnSsoError(error)
  }
  return undefined
}

/** The SsoError `run` throws; rethrows anything else and throws when `run` returns. */
export function thrownSsoError(run: () => unknown): SsoError {
  try {
    run()
  } catch (error) {
    if (error instanceof SsoError) return error
    throw error
  }
  throw new Error('expected an SsoError to be thrown')
}

/** The SsoError `promise` rejects with; "resolved" when it resolves. */
export async function failureOf(promise: Promise<unknown>): Promise<SsoError | string> {
  try {
    await promise
  } catch (error) {
    return error instanceof SsoError ? error : notAnSsoError(error)
  }
  return 'resolved'
}

/** The code of the SsoError `promise` rejects with; "resolved" when it resolves. */
export async function codeOfRejection(promise: Promise<unknown>): Promise<string> {
  const failure = await failureOf(promise)
  return failure instanceof SsoError ? failure.code : failure
}
