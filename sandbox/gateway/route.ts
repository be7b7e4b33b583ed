// The shape of one gateway route (DESIGN.md §1): a path prefix under /api and a handler that
// talks to one fixed upstream. Add a route by writing a file that exports a GatewayRoute and
// listing it in route-table.ts.
import type http from 'node:http'
import type { SandboxControl } from '../control/control.ts'
import type { SessionTokenVerifier } from './session-token.ts'
import type { UpstreamLogins } from './upstream-logins.ts'

export type UpstreamName = 'indee' | 'assuresign' | 'aimbase' | 'abc'

/** Origin of each upstream party, e.g. `{ indee: 'http://127.0.0.1:4025', … }`. */
export type GatewayUpstreams = Readonly<Record<UpstreamName, string>>

export interface GatewayContext {
  readonly control: SandboxControl
  readonly upstreams: GatewayUpstreams
  /** Checks the browser's `Authorization: Bearer <session token>`; undefined when invalid. */
  readonly verifySessionToken: SessionTokenVerifier
  /** The gateway's own vendor logins, one cache per gateway. */
  readonly logins: UpstreamLogins
}

export interface GatewayRoute {
  /** Requests whose pathname starts with this prefix are handed to this route. */
  readonly prefix: `/api/${string}/`
  /**
   * Answers one request. `rest` is the pathname after the prefix (no query), e.g.
   * 'sso/initiate'. The handler must answer every request, including unknown paths.
   */
  handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    rest: string,
    context: GatewayContext,
  ): Promise<void>
}
