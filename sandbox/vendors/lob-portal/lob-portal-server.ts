// Line-of-business portal emulator (docs/architecture.md §1, docs/emulators.md): receives the ABC
// hand-off as an auto-submitted form POST, validates the token pair with ABC over HTTP, and shows
// who arrived.
import type http from 'node:http'
import { z } from 'zod'
import type { SandboxControl } from '../../control/control.ts'
import { listen, mediaTypeOf, readBody, type RunningServer } from '../../lib/http.ts'
import { ABC_VALIDATE_PATH } from '../abc/abc-server.ts'
import { ABC_API_VERSION } from '../abc/credentials.ts'
import { ABC_LINES_OF_BUSINESS, type AbcLineOfBusiness } from '../abc/lines-of-business.ts'
import { LastLanding, type DebugEndpointsOption } from '../shared/last-landing.ts'
import { VendorPages, type AppOriginOption } from '../shared/vendor-pages.ts'

const VENDOR = 'Line-of-business portal'
const TOKEN_FIELDS = ['TokenRefNo', 'TokenNo'] as const

export interface LobPortalOptions extends DebugEndpointsOption, AppOriginOption {
  readonly control: SandboxControl
  readonly port: number
  /** Origin of the ABC emulator, e.g. http://127.0.0.1:4050. */
  readonly abcUrl: string
  /** Lines of business served; default ABC_LINES_OF_BUSINESS. */
  readonly lines?: readonly AbcLineOfBusiness[]
  /** Timeout of the validate call to ABC; default 5000 ms. */
  readonly abcTimeoutMs?: number
}

const validateAnswerSchema = z.object({
  ReturnCode: z.string(),
  ReturnMessage: z.string(),
  IsValidToken: z.boolean().optional(),
  CIINo: z.string().optional(),
  LOBId: z.string().optional(),
  Functionality: z.string().optional(),
})

type Validation =
  | {
      readonly ok: true
      readonly ciiNo: string
      readonly lobId: string
      readonly functionality: string
    }
  | { readonly ok: false; readonly status: number; readonly reason: string }

export async function startLobPortal(options: LobPortalOptions): Promise<RunningServer> {
  const { control } = options
  const lines = options.lines ?? ABC_LINES_OF_BUSINESS
  const validateUrl = new URL(ABC_VALIDATE_PATH, options.abcUrl).href
  const lastLanding = new LastLanding(options.debugEndpoints)
  const pages = new VendorPages(VENDOR, options)

  async function validateWithAbc(tokenRefNo: string, tokenNo: string): Promise<Validation> {
    let response: Response
    try {
      response = await fetch(validateUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-version': ABC_API_VERSION },
        body: JSON.stringify({
          ValidateTokenRequest: { TokenRefNo: tokenRefNo, TokenNo: tokenNo },
        }),
        signal: AbortSignal.timeout(options.abcTimeoutMs ?? 5_000),
        redirect: 'error',
      })
    } catch {
      return { ok: false, status: 502, reason: 'ABC could not be reached to validate the token.' }
    }
    if (response.status !== 200) {
      return {
        ok: false,
        status: 502,
        reason: `ABC answered HTTP ${response.status} to the token validation.`,
      }
    }
    let body: unknown
    try {
      body = await response.json()
    } catch {
      body = undefined
    }
    const answer = validateAnswerSchema.safeParse(body)
    if (!answer.success)
      return { ok: false, status: 502, reason: 'ABC answered the validation in an unknown shape.' }
    const { ReturnCode, ReturnMessage, IsValidToken, CIINo, LOBId, Functionality } = answer.data
    if (ReturnCode !== '1' || IsValidToken !== true) {
      return { ok: false, status: 401, reason: `ABC refused the token: ${ReturnMessage}` }
    }
    if (CIINo === undefined || LOBId === undefined || Functionality === undefined) {
      return { ok: false, status: 502, reason: 'ABC validated the token without its claims.' }
    }
    return { ok: true, ciiNo: CIINo, lobId: LOBId, functionality: Functionality }
  }

  async function signOn(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    line: AbcLineOfBusiness,
  ) {
    const reject = (status: number, reason: string) =>
      pages.rejection(res, status, { heading: 'Sign-on rejected', lines: [reason] })
    if (mediaTypeOf(req) !== 'application/x-www-form-urlencoded') {
      return reject(415, 'The sign-on form must be sent as application/x-www-form-urlencoded.')
    }
    const form = new URLSearchParams(await readBody(req))
    const [tokenRefNo, tokenNo] = TOKEN_FIELDS.map((name) => form.getAll(name))
    if (
      tokenRefNo?.length !== 1 ||
      tokenNo?.length !== 1 ||
      tokenRefNo[0] === '' ||
      tokenNo[0] === ''
    ) {
      return reject(400, 'The sign-on form must carry one TokenRefNo and one TokenNo.')
    }
    const result = await validateWithAbc(tokenRefNo[0] ?? '', tokenNo[0] ?? '')
    if (!result.ok) return reject(result.status, result.reason)
    if (result.lobId !== line.id) {
      return reject(403, `The token was issued for ${result.lobId}, not for ${line.id}.`)
    }
    pages.landing(res, {
      heading: line.label,
      lines: [
        `CII number ${result.ciiNo}`,
        `Line of business ${line.id}`,
        `Functionality ${result.functionality}`,
      ],
    })
  }

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://lob.invalid')
    const method = (req.method ?? 'GET').toUpperCase()
    if (lastLanding.isRequestFor(url.pathname)) return lastLanding.respond(res)
    const match = /^\/lob\/([^/]+)\/sso$/.exec(url.pathname)
    const reject = (
      status: number,
      heading: string,
      reason: string,
      headers: http.OutgoingHttpHeaders = {},
    ) => pages.rejection(res, status, { heading, lines: [reason] }, headers)
    if (match === null) return reject(404, 'Page not found', 'There is no page at this address.')
    lastLanding.record(req, url, url.pathname, control.now())
    // docs/architecture.md §3 "Hand-offs": the hand-off token stays out of URLs, history and
    // Referer.
    const keys = [...url.searchParams.keys()].map((key) => key.toLowerCase())
    if (keys.includes('tokenno') || keys.includes('tokenrefno')) {
      return reject(
        400,
        'Sign-on rejected',
        'Tokens in a URL are refused. Send them in a form POST.',
      )
    }
    const line = lines.find((candidate) => candidate.id === match[1])
    if (line === undefined) {
      return reject(404, 'Sign-on rejected', `Unknown line of business "${match[1] ?? ''}".`)
    }
    if (method !== 'POST') {
      return reject(405, 'Sign-on rejected', 'This address accepts the sign-on form POST only.', {
        allow: 'POST',
      })
    }
    await signOn(req, res, line)
  }

  return listen(control.wrap('lob', handler), options.port)
}
