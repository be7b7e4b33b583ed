// Debug record of the last landing request an emulator received, served as JSON at
// GET /__emulator/last-landing, so a journey can prove what the browser sent: no Referer (or
// one without tokens or app paths), and no tokens in the query. Off in production mode: the
// path is then unknown and nothing is recorded (the Referer may name app paths).
import type http from 'node:http'
import { sendJson } from '../../lib/http.ts'

export const LAST_LANDING_PATH = '/__emulator/last-landing'

export interface LandingRecord {
  readonly method: string
  /** Pathname as received, with any token segment replaced by `{token}`. */
  readonly path: string
  /** Names of the query parameters (never their values). */
  readonly queryKeys: readonly string[]
  /** The Referer header exactly as received, or null when the browser sent none. */
  readonly referer: string | null
  /** Sandbox clock (ms since epoch) when the landing request arrived. */
  readonly at: number
}

/** Serve GET /__emulator/last-landing: on in dev and test mode, off in production. */
export interface DebugEndpointsOption {
  readonly debugEndpoints: boolean
}

export class LastLanding {
  #last: LandingRecord | undefined

  constructor(private readonly enabled: boolean) {}

  /** Whether `pathname` asks for the record; never when the debug endpoints are off. */
  isRequestFor(pathname: string): boolean {
    return this.enabled && pathname === LAST_LANDING_PATH
  }

  record(req: http.IncomingMessage, url: URL, path: string, now: number): void {
    if (!this.enabled) return
    const referer = req.headers.referer
    this.#last = {
      method: (req.method ?? 'GET').toUpperCase(),
      path,
      queryKeys: [...new Set(url.searchParams.keys())],
      referer: typeof referer === 'string' ? referer : null,
      at: now,
    }
  }

  /** Answers GET /__emulator/last-landing: the record, or 404 before the first landing. */
  respond(res: http.ServerResponse): void {
    if (this.#last === undefined) sendJson(res, 404, { message: 'no landing request yet' })
    else sendJson(res, 200, this.#last)
  }
}
