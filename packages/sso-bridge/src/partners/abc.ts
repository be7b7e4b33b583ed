// ABC GenerateSSOToken through the BFF, ending in a POST form to the line-of-business portal.
// The BFF adds the session token as Authorization, the client id and the CII number; this file
// is the only place that knows ABC's answers and ReturnCodes.
import { PARTNER_PATHS, type PartnerRequest } from '../../../contract/src/contract.ts'
import { z } from 'zod/mini'
import { allowRedirect } from '../core/allowed-redirect.ts'
import { descriptionSchema, destinationSchema } from '../core/config.ts'
import { SsoError } from '../core/errors.ts'
import { parseField, required, singleParam } from '../core/handoff-input.ts'
import { handoffError, statusFailure, type PartnerAdapter } from '../core/handoff.ts'
import { parseJsonBody, sendRequest, type HttpResponse } from '../core/http.ts'
import { abcLinks, type AbcConfig, type LobInput } from './abc-links.ts'

export type { AbcConfig, LobInput } from './abc-links.ts'

const functionalitySchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9]{1,5}$/, 'must be 1 to 5 letters or digits'))

const configSchema: z.ZodMiniType<AbcConfig> = z.strictObject({
  apiVersion: z.string().check(z.regex(/^\d+\.\d+\.\d+$/, 'must look like "1.0.0"')),
  lobs: z.array(
    z.strictObject({
      id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/)),
      label: z.string().check(z.minLength(1)),
      description: descriptionSchema,
      /** Where the hand-off form is POSTed; its origin is allowed in CSP form-action. */
      portalUrl: destinationSchema('url'),
      functionality: functionalitySchema,
    }),
  ),
})

type Lob = AbcConfig['lobs'][number]

/** The configured line of business `lobId` (ids match exactly); else `invalid_handoff_input`. */
function lobOf(lobId: string, lobs: readonly Lob[]): Lob {
  const lob = lobs.find((candidate) => candidate.id === lobId)
  if (lob === undefined) {
    throw new SsoError('invalid_handoff_input', `unknown "lobId" (not in partners.abc.lobs)`)
  }
  return lob
}

/**
 * Reads `lob/:lobId?functionality=…`: the line of business must be configured, and a missing
 * functionality falls back to its configured one.
 */
function parseInput(
  {
    params,
    search,
  }: { params: Readonly<Record<string, string | undefined>>; search: URLSearchParams },
  config: AbcConfig,
): LobInput {
  const lob = lobOf(required('lobId', params['lobId']), config.lobs)
  const rawFunctionality = singleParam(search, 'functionality')
  const functionality =
    rawFunctionality === undefined
      ? lob.functionality
      : parseField(functionalitySchema, 'functionality', rawFunctionality)
  return { lobId: lob.id, functionality }
}

/** ABC's TokenNo lives 15 to 60 minutes; the shortest documented lifetime is assumed. */
const TOKEN_LIFETIME_MS = 15 * 60_000

const answerSchema = z.looseObject({
  ReturnCode: z.string(),
  ReturnMessage: z.optional(z.string()),
})

const successSchema = z.looseObject({
  ReturnCode: z.literal('1'),
  TokenRefNo: z.string().check(z.minLength(1), z.maxLength(256)),
  TokenNo: z.string().check(z.minLength(1), z.maxLength(8192)),
})

/** HTTP error bodies are undocumented: keep a message when one of the usual fields has it. */
const httpErrorSchema = z.looseObject({
  ReturnMessage: z.optional(z.string()),
  Message: z.optional(z.string()),
  message: z.optional(z.string()),
})

/** Business failures come with HTTP 200; V-codes name the request field that was refused. */
const VALIDATION_FIELDS: ReadonlyMap<string, string> = new Map([
  ['V1', 'CII number (CIINo)'],
  ['V3', 'line of business id (LOBId)'],
  ['V5', 'functionality (Functionality)'],
])

function httpErrorMessage(response: HttpResponse): string | undefined {
  const body = httpErrorSchema.safeParse(parseJsonBody(response))
  if (!body.success) return undefined
  return body.data.ReturnMessage ?? body.data.Message ?? body.data.message
}

function tokensOf(response: HttpResponse) {
  const body = parseJsonBody(response)
  const answer = answerSchema.safeParse(body)
  if (!answer.success) {
    throw new SsoError('invalid_response', 'ABC answer lacks "ReturnCode"', { cause: answer.error })
  }
  const { ReturnCode: code, ReturnMessage: text } = answer.data
  if (code === '0') {
    throw handoffError('handoff_rejected', 'ABC refused to generate a token (ReturnCode 0)', text)
  }
  const field = VALIDATION_FIELDS.get(code)
  if (field !== undefined) {
    const vendorText = text?.trim() ?? ''
    throw handoffError(
      'handoff_bad_request',
      `ABC refused the request: ReturnCode ${code} (${field})`,
      vendorText === '' ? `The ${field} is not valid.` : `${field}: ${vendorText}`,
    )
  }
  const tokens = successSchema.safeParse(body)
  if (!tokens.success) {
    throw new SsoError('invalid_response', `ABC answer with ReturnCode "${code}" has no tokens`, {
      cause: tokens.error,
    })
  }
  return { TokenRefNo: tokens.data.TokenRefNo, TokenNo: tokens.data.TokenNo }
}

/** The origins of the configured portals: the only places a hand-off form may be POSTed. */
function portalOrigins(config: AbcConfig): string[] {
  return [...new Set(config.lobs.map((lob) => new URL(lob.portalUrl).origin))]
}

/** ABC line-of-business hand-off: GenerateSSOToken, then an auto-submitted POST form. */
export const abc: PartnerAdapter<AbcConfig, LobInput> = {
  ...abcLinks,
  configSchema,
  tokenLifetimeMs: TOKEN_LIFETIME_MS,
  landing: 'form-post',
  parseInput,
  // parseInput admits only a configured line of business, so lobOf finds it.
  describe: ({ lobId, functionality }, config) => [
    { term: 'handoffConfirm.lob', description: lobOf(lobId, config.lobs).label },
    { term: 'handoffConfirm.functionality', description: functionality },
  ],
  formActionOrigins: portalOrigins,
  async request(input, req) {
    // The config schema holds each portal URL to the destination rules; only their origins pass.
    const action = allowRedirect(
      lobOf(input.lobId, req.config.lobs).portalUrl,
      portalOrigins(req.config),
    )
    const response = await sendRequest({
      fetch: req.fetch,
      url: req.apiBase + PARTNER_PATHS.abc,
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'x-api-version': req.config.apiVersion,
      },
      body: JSON.stringify({
        LOBId: input.lobId,
        Functionality: input.functionality,
      } satisfies PartnerRequest<'abc'>),
      timeoutMs: req.timeoutMs,
      unavailableCode: 'handoff_unavailable',
    })
    const statusError = statusFailure(abcLinks.label, response, httpErrorMessage(response))
    if (statusError !== undefined) throw statusError
    return { kind: 'form-post', action, fields: Object.freeze(tokensOf(response)) }
  },
}
