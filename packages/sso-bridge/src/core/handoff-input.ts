// Rules every partner's link parser uses (docs/architecture.md §3 "Hand-offs": validate inputs
// first). Each adapter parses its own link with these and returns the only shape it accepts.
import { z } from 'zod/mini'
import { SsoError } from './errors.ts'

const MAX_LANDING_LENGTH = 2048
/** How many rounds of percent-decoding a landing is checked through (catches %2F%2F, %252F…). */
const LANDING_DECODE_ROUNDS = 3
const PROBE_ORIGIN = 'https://vendor.invalid'

// .NET and AssureSign GUIDs need not carry RFC 9562 version bits, so the loose GUID shape is used.

function hasSpaceOrControl(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0
    // C0 controls and space, DEL and C1 controls, then any other Unicode white space
    if (
      // Stryker disable next-line EqualityOperator: `< 0x20` is the same, /\s/ refuses the space
      code <= 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      /\s/u.test(char)
    ) {
      return true
    }
  }
  return false
}

/** Why one decoding of a landing is not a path on the vendor's own origin, or undefined. */
function landingProblem(value: string): string | undefined {
  if (!value.startsWith('/')) return 'must start with "/"'
  if (value.includes('//')) return 'must not contain "//"'
  if (value.includes('\\')) return 'must not contain "\\"'
  // WHATWG URL drops tabs and newlines and trims controls, which can turn "/\t/x" into "//x".
  if (hasSpaceOrControl(value)) return 'must not contain spaces or control characters'
  // A second line of defence no input reaches: a path that starts with one "/" and has none of the
  // characters refused above always parses against the probe origin and stays on it.
  // Stryker disable all: unreachable after the checks above, so no test can tell a change apart
  let resolved: URL
  try {
    resolved = new URL(value, PROBE_ORIGIN)
  } catch {
    return 'must be a valid relative URL'
  }
  if (resolved.origin !== PROBE_ORIGIN) return "must stay on the vendor's origin"
  // Stryker restore all
  return undefined
}

/**
 * A relative path on the vendor's origin. Checked as given and after each round of
 * percent-decoding, so an encoded "//" or "\" is refused even if some server decodes twice.
 * Trade-off: a legitimate landing with an encoded "/" next to another "/" is refused too.
 */
export const relativePathSchema = z.string().check(
  z.minLength(1, 'must not be empty'),
  z.maxLength(MAX_LANDING_LENGTH, `must be at most ${MAX_LANDING_LENGTH} characters`),
  z.superRefine((raw, ctx) => {
    let value = raw
    for (let round = 0; round <= LANDING_DECODE_ROUNDS; round += 1) {
      const problem = landingProblem(value)
      if (problem !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: round === 0 ? problem : `${problem} (after percent-decoding)`,
        })
        return
      }
      let decoded: string
      try {
        decoded = decodeURIComponent(value)
      } catch {
        ctx.addIssue({ code: 'custom', message: 'has a malformed percent-encoding' })
        return
      }
      if (decoded === value) return
      value = decoded
    }
    ctx.addIssue({ code: 'custom', message: 'is percent-encoded too many times' })
  }),
)

/** Parses one field of a hand-off link; throws SsoError `invalid_handoff_input` naming it. */
export function parseField<T>(schema: z.ZodMiniType<T>, field: string, value: unknown): T {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  // Stryker disable next-line OptionalChaining,StringLiteral: a failed safeParse has at least one issue
  const reason = parsed.error.issues[0]?.message ?? 'is invalid'
  throw new SsoError('invalid_handoff_input', `invalid "${field}": ${reason}`, {
    cause: parsed.error,
  })
}

/** The value of a required field; throws SsoError `invalid_handoff_input` when absent. */
export function required(field: string, value: string | undefined): string {
  if (value === undefined || value === '') {
    throw new SsoError('invalid_handoff_input', `missing "${field}"`)
  }
  return value
}

/** One query parameter, or undefined when absent; a repeated parameter is ambiguous and refused. */
export function singleParam(search: URLSearchParams, name: string): string | undefined {
  const values = search.getAll(name)
  if (values.length > 1) {
    throw new SsoError('invalid_handoff_input', `"${name}" given ${values.length} times`)
  }
  return values[0]
}
