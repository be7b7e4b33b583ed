// The sandbox gateway (DESIGN.md §1), the reference backend-for-frontend: routes /api/<party>/…
// to one fixed upstream each (route-table.ts), and in dev and test mode serves the control API
// under /__sandbox. The control API is handled before the wrapped handler, so it is neither
// logged nor faulted.
import { handleControl } from '../control/control-api.ts'
import type { SandboxControl } from '../control/control.ts'
import { listen, sendJson, type RunningServer } from '../lib/http.ts'
import { originOf } from '../ports.ts'
import type { GatewayContext, GatewayRoute, GatewayUpstreams } from './route.ts'
import { GATEWAY_ROUTES } from './route-table.ts'
import { createSessionTokenVerifier } from './session-token.ts'
import { UpstreamLogins } from './upstream-logins.ts'

export type SandboxMode = 'dev' | 'test' | 'production'

export interface StartGatewayOptions {
  readonly control: SandboxControl
  readonly port: number
  /** 'production' leaves the control API out. */
  readonly mode: SandboxMode
  /** Upstream origins; each missing one defaults to its port in sandbox/ports.ts. */
  readonly upstreams?: Partial<GatewayUpstreams>
  readonly routes?: readonly GatewayRoute[]
}

export function defaultUpstreams(): GatewayUpstreams {
  return {
    indee: originOf('indee'),
    assuresign: originOf('assuresign'),
    aimbase: originOf('aimbase'),
    abc: originOf('abc'),
  }
}

export async function startGateway(options: StartGatewayOptions): Promise<RunningServer> {
  const { control, port, mode, routes = GATEWAY_ROUTES } = options
  const upstreams: GatewayUpstreams = { ...defaultUpstreams(), ...options.upstreams }
  const context: GatewayContext = {
    control,
    upstreams,
    verifySessionToken: createSessionTokenVerifier({ control, indeeOrigin: upstreams.indee }),
    logins: new UpstreamLogins(() => control.now()),
  }
  const routed = control.wrap('gateway', async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://gateway.invalid')
    const route = routes.find((r) => pathname.startsWith(r.prefix))
    if (route === undefined) {
      sendJson(res, 404, { message: `no gateway route for ${pathname}` })
      return
    }
    await route.handle(req, res, pathname.slice(route.prefix.length), context)
  })
  const controlEnabled = mode === 'dev' || mode === 'test'
  return listen(async (req, res) => {
    if (controlEnabled && (await handleControl(control, req, res))) return
    await routed(req, res)
  }, port)
}
