// HTTP face of the control harness, on a port of its own under /__sandbox, in dev and test
// mode only (docs/qa.md). Bodies are validated; a bad request says which field is wrong. Only
// loopback clients may drive it: no web page (cross-site request) and no rebound DNS name.
import type http from 'node:http'
import { z } from 'zod'
import { listen, mediaTypeOf, readJson, sendJson, type RunningServer } from '../lib/http.ts'
import { PARTIES, type SandboxControl } from './control.ts'

export const CONTROL_PREFIX = '/__sandbox'

const faultSchema = z.strictObject({
  party: z.enum(PARTIES),
  path: z.string().min(1).optional(),
  method: z.string().min(1).optional(),
  status: z.number().int().min(100).max(599).optional(),
  body: z.string().optional(),
  contentType: z.string().min(1).optional(),
  delayMs: z.number().int().min(0).max(120_000).optional(),
  hold: z.boolean().optional(),
  times: z.number().int().min(1).max(1000).default(1),
})

const releaseSchema = z.strictObject({ party: z.enum(PARTIES).optional() })

const clockSchema = z.strictObject({ advanceSeconds: z.number().positive().max(31_536_000) })

const settingsSchema = z.strictObject({
  accessTokenTtlSeconds: z.number().int().min(1).max(86_400).optional(),
  refreshTokenTtlSeconds: z.number().int().min(1).max(2_592_000).optional(),
})

const LOOPBACK_HOST = String.raw`(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?`
const LOOPBACK_HOST_HEADER = new RegExp(`^${LOOPBACK_HOST}$`, 'i')
const LOOPBACK_ORIGIN = new RegExp(`^https?://${LOOPBACK_HOST}$`, 'i')

/**
 * Why a request may not reach the control API, or undefined when it may. No CORS header is
 * ever sent, so a page elsewhere can only make "simple" requests: those are refused here.
 */
function refusal(req: http.IncomingMessage): { status: number; message: string } | undefined {
  // DNS rebinding: a hostile name resolved to 127.0.0.1 still carries its own Host.
  if (!LOOPBACK_HOST_HEADER.test(req.headers.host ?? '')) {
    return { status: 403, message: 'the control API answers loopback Host names only' }
  }
  // Fetch standard, Origin header: browsers send it on every CORS request and every POST.
  const origin = req.headers.origin
  if (origin !== undefined && !LOOPBACK_ORIGIN.test(origin)) {
    return { status: 403, message: 'the control API refuses requests from other origins' }
  }
  // Fetch standard, CORS-safelisted request-header: application/json needs a preflight, which
  // fails for want of CORS headers.
  if (req.method === 'POST' && mediaTypeOf(req) !== 'application/json') {
    return { status: 415, message: 'control requests with a body must be application/json' }
  }
  return undefined
}

function badRequest(res: http.ServerResponse, error: z.ZodError): void {
  sendJson(res, 400, {
    message: 'invalid control request',
    issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  })
}

/** Handles a request under CONTROL_PREFIX; returns false when the path is not a control path. */
export async function handleControl(
  control: SandboxControl,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid')
  if (!url.pathname.startsWith(`${CONTROL_PREFIX}/`)) return false
  const refused = refusal(req)
  if (refused !== undefined) {
    req.resume()
    sendJson(res, refused.status, { message: refused.message })
    return true
  }
  const route = `${req.method ?? 'GET'} ${url.pathname.slice(CONTROL_PREFIX.length)}`
  switch (route) {
    case 'POST /faults': {
      const parsed = faultSchema.safeParse(await readJson(req))
      if (!parsed.success) return (badRequest(res, parsed.error), true)
      const { path, method, status, body, contentType, delayMs, hold, ...rest } = parsed.data
      control.addFault({
        ...rest,
        ...(path !== undefined && { path }),
        ...(method !== undefined && { method }),
        ...(status !== undefined && { status }),
        ...(body !== undefined && { body }),
        ...(contentType !== undefined && { contentType }),
        ...(delayMs !== undefined && { delayMs }),
        ...(hold !== undefined && { hold }),
      })
      sendJson(res, 201, { ok: true })
      return true
    }
    case 'POST /release': {
      const parsed = releaseSchema.safeParse(await readJson(req))
      if (!parsed.success) return (badRequest(res, parsed.error), true)
      sendJson(res, 200, { released: control.release(parsed.data.party) })
      return true
    }
    case 'GET /log': {
      const party = url.searchParams.get('party')
      const parsed = z
        .enum(PARTIES)
        .optional()
        .safeParse(party ?? undefined)
      if (!parsed.success) return (badRequest(res, parsed.error), true)
      sendJson(res, 200, { requests: control.log(parsed.data) })
      return true
    }
    case 'POST /clock': {
      const parsed = clockSchema.safeParse(await readJson(req))
      if (!parsed.success) return (badRequest(res, parsed.error), true)
      sendJson(res, 200, { now: control.advanceClock(parsed.data.advanceSeconds * 1000) })
      return true
    }
    case 'GET /settings':
      sendJson(res, 200, control.settings)
      return true
    case 'POST /settings': {
      const parsed = settingsSchema.safeParse(await readJson(req))
      if (!parsed.success) return (badRequest(res, parsed.error), true)
      for (const [key, value] of Object.entries(parsed.data)) {
        if (value !== undefined) control.settings[key as keyof typeof parsed.data] = value
      }
      sendJson(res, 200, control.settings)
      return true
    }
    case 'POST /reset':
      control.reset()
      sendJson(res, 200, { ok: true })
      return true
    default:
      sendJson(res, 404, { message: `no control route ${route}` })
      return true
  }
}

/** Serves the control API on `port` (127.0.0.1); every other path is 404. */
export function startControlApi(control: SandboxControl, port: number): Promise<RunningServer> {
  return listen(async (req, res) => {
    if (await handleControl(control, req, res)) return
    sendJson(res, 404, { message: `the control API lives under ${CONTROL_PREFIX}/` })
  }, port)
}
