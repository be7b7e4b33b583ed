// AssureSign DocumentNOW v3.3 Authentication/SSO through the BFF. This file is
// the only place that knows AssureSign's paths, answer shapes and error codes.
import { PARTNER_PATHS, type PartnerRequest } from '../../../contract/src/contract.ts'
import { z } from 'zod/mini'
import { allowRedirect } from '../core/allowed-redirect.ts'
import { descriptionSchema, guidSchema, originSchema } from '../core/config.ts'
import { SsoError } from '../core/errors.ts'
import { parseField, required } from '../core/handoff-input.ts'
import { handoffError, statusFailure, type PartnerAdapter } from '../core/handoff.ts'
import { parseJsonBody, sendRequest } from '../core/http.ts'
import { assureSignLinks, type AssureSignConfig, type AssureSignInput } from './assuresign-links.ts'

export type { AssureSignConfig, AssureSignInput } from './assuresign-links.ts'

const configSchema: z.ZodMiniType<AssureSignConfig> = z.strictObject({
  /** Origin of the Simple Setup page; the only place this hand-off may navigate to. */
  origin: originSchema,
  envelopes: z.array(
    z.strictObject({
      id: guidSchema,
      label: z.string().check(z.minLength(1)),
      description: descriptionSchema,
    }),
  ),
})

/** AssureSign documents the ssoToken as valid for 30 seconds. */
const TOKEN_LIFETIME_MS = 30_000

const successSchema = z.object({
  result: z.object({ ssoToken: z.string().check(z.minLength(1), z.maxLength(4096)) }),
})

/** AssureSign's error shape; the HTTP status is undocumented, so the mapping keys on errorCode. */
const vendorErrorSchema = z.object({
  errorCode: z.string().check(z.minLength(1)),
  summary: z.optional(z.string()),
  details: z.optional(z.array(z.unknown())),
})

function errorFromCode(status: number, error: z.infer<typeof vendorErrorSchema>): SsoError {
  const message = `AssureSign refused the hand-off: errorCode ${error.errorCode} (HTTP ${status})`
  if (error.errorCode === 'FORBIDDEN')
    return handoffError('handoff_forbidden', message, error.summary)
  // UNAUTHORIZED refuses the backend's own API user: signing the person in again cannot fix it.
  if (error.errorCode === 'UNAUTHORIZED') {
    return handoffError('handoff_unavailable', message, error.summary)
  }
  if (status >= 500) return handoffError('handoff_unavailable', message, error.summary)
  return handoffError('handoff_bad_request', message, error.summary)
}

/** AssureSign Simple Setup of a prepared envelope, opened with a 30-second ssoToken. */
export const assureSign: PartnerAdapter<AssureSignConfig, AssureSignInput> = {
  ...assureSignLinks,
  configSchema,
  tokenLifetimeMs: TOKEN_LIFETIME_MS,
  landing: 'redirect',
  parseInput({ params }) {
    const envelopeId = required('envelopeId', params['envelopeId'])
    return { envelopeId: parseField(guidSchema, 'envelopeId', envelopeId) }
  },
  describe({ envelopeId }, config) {
    const id = envelopeId.toLowerCase()
    const listed = config.envelopes.find((envelope) => envelope.id.toLowerCase() === id)
    const idLine = { term: 'handoffConfirm.envelopeId', description: envelopeId }
    return listed === undefined
      ? [idLine]
      : [{ term: 'handoffConfirm.envelope', description: listed.label }, idLine]
  },
  async request(input, req) {
    const response = await sendRequest({
      fetch: req.fetch,
      url: req.apiBase + PARTNER_PATHS.assuresign,
      // A JSON body, so the BFF's CSRF check lets it through; AssureSign's call itself has none.
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({} satisfies PartnerRequest<'assuresign'>),
      timeoutMs: req.timeoutMs,
      unavailableCode: 'handoff_unavailable',
    })
    const body = parseJsonBody(response)
    const vendorError = vendorErrorSchema.safeParse(body)
    if (vendorError.success) throw errorFromCode(response.status, vendorError.data)
    const statusError = statusFailure('AssureSign', response)
    if (statusError !== undefined) throw statusError
    const answer = successSchema.safeParse(body)
    if (!answer.success) {
      throw new SsoError('invalid_response', 'AssureSign answer lacks "result.ssoToken"', {
        cause: answer.error,
      })
    }
    const origin = req.config.origin
    const url = `${origin}/ui/simpleSetup/${encodeURIComponent(input.envelopeId)}?ssoToken=${encodeURIComponent(answer.data.result.ssoToken)}`
    return { kind: 'redirect', url: allowRedirect(url, [origin]) }
  },
}
