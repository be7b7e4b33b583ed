// The identity provider's redirect back to the callback page (RFC 6749 §4.1.2, RFC 9207 §2): each
// parameter read once, bounded in length, never duplicated; nothing else trusted.
import { SsoError } from './errors.ts'

// RFC 6749 §4.1.2.1: error and error_description are printable ASCII without '"' and '\'.
const ERROR_TEXT = /^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/

interface ParamRule {
  /** The parameter's name in the query. */
  readonly name: string
  readonly maxLength: number
  readonly pattern?: RegExp
}

type Field = 'state' | 'code' | 'iss' | 'error' | 'errorDescription'

const RULES: Readonly<Record<Field, ParamRule>> = {
  state: { name: 'state', maxLength: 512 },
  code: { name: 'code', maxLength: 2048 },
  iss: { name: 'iss', maxLength: 2048 },
  error: { name: 'error', maxLength: 256, pattern: ERROR_TEXT },
  errorDescription: { name: 'error_description', maxLength: 1024 },
}

/** The callback's query parameters; empty values are read as absent. */
export type CallbackParams = { [F in Field]?: string }

/**
 * Reads the callback parameters from the page's original URL. Throws SsoError
 * `invalid_callback` for a URL that does not parse, an over-long or malformed value, or a
 * parameter given twice (which one the provider meant cannot be known, so none is used).
 */
export function readCallbackParams(href: string): CallbackParams {
  let search: URLSearchParams
  try {
    search = new URL(href).searchParams
  } catch (error) {
    throw new SsoError('invalid_callback', 'callback URL does not parse', { cause: error })
  }
  const params: CallbackParams = {}
  const malformed: string[] = []
  for (const field of Object.keys(RULES) as Field[]) {
    const rule = RULES[field]
    const values = search.getAll(rule.name)
    if (values.length > 1) {
      throw new SsoError(
        'invalid_callback',
        `"${rule.name}" parameter appears ${values.length} times`,
      )
    }
    const value = values[0]
    if (value === undefined || value === '') continue
    if (value.length > rule.maxLength || !(rule.pattern?.test(value) ?? true)) {
      malformed.push(`"${rule.name}"`)
    } else {
      params[field] = value
    }
  }
  if (malformed.length > 0) {
    throw new SsoError('invalid_callback', `malformed callback parameter ${malformed.join(', ')}`)
  }
  return params
}

/** The state of a callback URL when it has exactly one non-empty value; used as a flight key. */
export function callbackStateOf(href: string): string | undefined {
  try {
    const values = new URL(href).searchParams.getAll(RULES.state.name)
    return values.length === 1 && values[0] !== '' ? values[0] : undefined
  } catch {
    return undefined
  }
}
