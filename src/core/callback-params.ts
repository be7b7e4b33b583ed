// The identity provider's redirect back to /sso/callback (RFC 6749 §4.1.2, RFC 9207 §2), read
// through a schema: bounded lengths, no duplicates, nothing else trusted.
import { z } from 'zod/mini'
import { SsoError } from './errors.ts'

const NAMES = {
  state: 'state',
  code: 'code',
  iss: 'iss',
  error: 'error',
  errorDescription: 'error_description',
} as const

// RFC 6749 §4.1.2.1: error and error_description are printable ASCII without '"' and '\'.
const errorText = /^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/

const callbackParamsSchema = z.strictObject({
  state: z.optional(z.string().check(z.maxLength(512))),
  code: z.optional(z.string().check(z.maxLength(2048))),
  iss: z.optional(z.string().check(z.maxLength(2048))),
  error: z.optional(z.string().check(z.maxLength(256), z.regex(errorText))),
  errorDescription: z.optional(z.string().check(z.maxLength(1024))),
})

/** The callback's query parameters; empty values are read as absent. */
export type CallbackParams = z.infer<typeof callbackParamsSchema>

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
  const raw: Record<string, string> = {}
  for (const [field, name] of Object.entries(NAMES)) {
    const values = search.getAll(name)
    if (values.length > 1) {
      throw new SsoError('invalid_callback', `"${name}" parameter appears ${values.length} times`)
    }
    const value = values[0]
    if (value !== undefined && value !== '') raw[field] = value
  }
  const parsed = callbackParamsSchema.safeParse(raw)
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => `"${String(issue.path[0])}"`).join(', ')
    throw new SsoError('invalid_callback', `malformed callback parameter ${names}`, {
      cause: parsed.error,
    })
  }
  return parsed.data
}

/** The state of a callback URL when it has exactly one non-empty value; used as a flight key. */
export function callbackStateOf(href: string): string | undefined {
  try {
    const values = new URL(href).searchParams.getAll(NAMES.state)
    return values.length === 1 && values[0] !== '' ? values[0] : undefined
  } catch {
    return undefined
  }
}
