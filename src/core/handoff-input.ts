// Hand-off inputs come from the address bar, so they are hostile until parsed (docs/architecture.md
// §3 "Hand-offs": validate inputs first). Each parser returns the only shape an adapter accepts.
import { z } from 'zod/mini'
import { guidSchema, type RuntimeConfig } from './config.ts'
import { SsoError } from './errors.ts'

export interface AssureSignInput {
  readonly envelopeId: string
}

export interface AimbaseInput {
  readonly accountUid: string
  readonly landing: string
}

export interface LobInput {
  readonly lobId: string
  readonly functionality: string
}

/** Landing used when `?landing=` is absent: the root of the vendor's site. */
export const DEFAULT_AIMBASE_LANDING = '/'

const MAX_LANDING_LENGTH = 2048
/** How many rounds of percent-decoding a landing is checked through (catches %2F%2F, %252F…). */
const LANDING_DECODE_ROUNDS = 3
const PROBE_ORIGIN = 'https://vendor.invalid'

// .NET and AssureSign GUIDs need not carry RFC 9562 version bits, so the loose GUID shape is used.

function hasSpaceOrControl(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0
    // C0 controls and space, DEL and C1 controls, then any other Unicode white space
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f) || /\s/u.test(char)) return true
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
  let resolved: URL
  try {
    resolved = new URL(value, PROBE_ORIGIN)
  } catch {
    return 'must be a valid relative URL'
  }
  if (resolved.origin !== PROBE_ORIGIN) return "must stay on the vendor's origin"
  return undefined
}

/**
 * A relative path on the vendor's origin. Checked as given and after each round of
 * percent-decoding, so an encoded "//" or "\" is refused even if some server decodes twice.
 * Trade-off: a legitimate landing with an encoded "/" next to another "/" is refused too.
 */
const landingSchema = z.string().check(
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

const functionalitySchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9]{1,5}$/, 'must be 1 to 5 letters or digits'))

function parseField<T>(schema: z.ZodMiniType<T>, field: string, value: unknown): T {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const reason = parsed.error.issues[0]?.message ?? 'is invalid'
  throw new SsoError('invalid_handoff_input', `invalid "${field}": ${reason}`, {
    cause: parsed.error,
  })
}

function required(field: string, value: string | undefined): string {
  if (value === undefined || value === '') {
    throw new SsoError('invalid_handoff_input', `missing "${field}"`)
  }
  return value
}

/** One query parameter, or undefined when absent; a repeated parameter is ambiguous and refused. */
function singleParam(search: URLSearchParams, name: string): string | undefined {
  const values = search.getAll(name)
  if (values.length > 1) {
    throw new SsoError('invalid_handoff_input', `"${name}" given ${values.length} times`)
  }
  return values[0]
}

/** Parses `/handoff/assuresign/:envelopeId`; throws SsoError `invalid_handoff_input`. */
export function parseAssureSignInput(params: { envelopeId: string | undefined }): AssureSignInput {
  const envelopeId = parseField(guidSchema, 'envelopeId', required('envelopeId', params.envelopeId))
  return { envelopeId }
}

/**
 * Parses `/handoff/aimbase?account=…&landing=…`; throws SsoError `invalid_handoff_input`.
 * Without `landing` the hand-off lands on {@link DEFAULT_AIMBASE_LANDING}; an empty one is refused.
 */
export function parseAimbaseInput(search: URLSearchParams): AimbaseInput {
  const accountUid = parseField(
    guidSchema,
    'account',
    required('account', singleParam(search, 'account')),
  )
  const rawLanding = singleParam(search, 'landing')
  const landing =
    rawLanding === undefined
      ? DEFAULT_AIMBASE_LANDING
      : parseField(landingSchema, 'landing', rawLanding)
  return { accountUid, landing }
}

/**
 * Parses `/handoff/lob/:lobId?functionality=…`; the LOB must be listed in config, and a missing
 * functionality falls back to that LOB's configured one. Throws SsoError `invalid_handoff_input`.
 */
export function parseLobInput(
  params: { lobId: string | undefined },
  search: URLSearchParams,
  config: RuntimeConfig,
): LobInput {
  const lobId = required('lobId', params.lobId)
  const lob = config.partners.abc.lobs.find((candidate) => candidate.id === lobId)
  if (lob === undefined) {
    throw new SsoError('invalid_handoff_input', `unknown "lobId" (not in partners.abc.lobs)`)
  }
  const rawFunctionality = singleParam(search, 'functionality')
  const functionality =
    rawFunctionality === undefined
      ? lob.functionality
      : parseField(functionalitySchema, 'functionality', rawFunctionality)
  return { lobId: lob.id, functionality }
}
