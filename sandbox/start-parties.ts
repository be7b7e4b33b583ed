// Starts the whole sandbox in one process: one SandboxControl shared by every party, each party
// on its port from sandbox/ports.ts, and in dev and test mode the control API on its own port.
// Used by sandbox/main.ts (npm run sandbox), npm start and the Playwright set-up. The BFF is not
// part of the sandbox: it is the product, started beside it (sandbox/bff-env.ts).
import type { HostAppInput } from './apps.ts'
import type { PartyName } from './control/control.ts'
import { SandboxControl } from './control/control.ts'
import { startControlApi } from './control/control-api.ts'
import { appClientsOf, type AppClient } from './idp/client-registration.ts'
import { startIdp, type RunningIdp } from './idp/idp.ts'
import { INDEE_JWKS_PATH, startIndee } from './indee/indee.ts'
import type { RunningServer } from './lib/http.ts'
import { ports as defaultPorts, originOf, PORT_LABELS, type PartyPort } from './ports.ts'
import { startAbc } from './vendors/abc/abc-server.ts'
import { startAimbase } from './vendors/aimbase/aimbase-server.ts'
import { startAssureSign } from './vendors/assuresign/assuresign-server.ts'
import { startLobPortal } from './vendors/lob-portal/lob-portal-server.ts'

export type SandboxMode = 'dev' | 'test' | 'production'

export interface StartPartiesOptions {
  /**
   * 'dev' and 'test' serve the control API and the emulators' debug endpoints;
   * 'production' serves neither.
   */
  readonly mode: SandboxMode
  /** Do not print the parties' own diagnostics (provider errors). */
  readonly quiet?: boolean
  /** Port per party instead of sandbox/ports.ts; 0 picks a free one (tests). */
  readonly ports?: Partial<Record<PartyPort, number>>
  /**
   * The app's origin, where the partners' pages and the IdP's error page link back to. Default
   * by mode (defaultAppOrigin): the Vite dev server in dev mode, vite preview otherwise.
   */
  readonly appOrigin?: string
  /**
   * Host apps registered beside our own app (sandbox/apps.ts): the IdP's redirect URIs, the
   * backend's Origin allowlist and `appClients` (the BFF's app origins) include them.
   */
  readonly apps?: readonly HostAppInput[]
}

/**
 * Where the sandbox's pages link back to when not told: in dev mode (npm start) the Vite dev
 * server, in test mode (the journeys) and production mode vite preview of the build.
 */
export function defaultAppOrigin(mode: SandboxMode): string {
  return mode === 'dev' ? originOf('appDev') : originOf('appPreview')
}

/** A party that could not start: which one, on which port, and the listen error's code. */
export class SandboxStartError extends Error {
  readonly part: PartyPort
  readonly port: number
  /** The listen error's code, e.g. EADDRINUSE for a taken port. */
  readonly code: string | undefined

  constructor(part: PartyPort, port: number, cause: unknown) {
    super(`could not start the ${PORT_LABELS[part]}`, { cause })
    this.name = 'SandboxStartError'
    this.part = part
    this.port = port
    const code = (cause as { code?: unknown } | undefined)?.code
    this.code = typeof code === 'string' ? code : undefined
  }
}

export interface RunningParty {
  readonly name: PartyName
  readonly description: string
  readonly url: string
}

export interface RunningParties {
  readonly mode: SandboxMode
  readonly control: SandboxControl
  readonly idp: RunningIdp
  readonly indee: RunningServer
  readonly assuresign: RunningServer
  readonly aimbase: RunningServer
  readonly abc: RunningServer
  readonly lob: RunningServer
  /** The control API; undefined in production mode. */
  readonly controlApi: RunningServer | undefined
  /** Where the sandbox's pages link back to. */
  readonly appOrigin: string
  /** Every registered app client: ours and the host apps (client-registration.ts). */
  readonly appClients: readonly AppClient[]
  /** Every party that runs, in start order. */
  readonly parties: readonly RunningParty[]
  /** Stops every party. */
  close(): Promise<void>
}

export async function startParties(options: StartPartiesOptions): Promise<RunningParties> {
  const { mode, quiet = false } = options
  const appOrigin = options.appOrigin ?? defaultAppOrigin(mode)
  // The emulators' GET /__emulator/last-landing, like the control API, is for dev and test.
  const debugEndpoints = mode !== 'production'
  const port = (name: PartyPort) => options.ports?.[name] ?? defaultPorts[name]
  // A bad host app stops the start before any party listens.
  const appClients = appClientsOf(options.apps, {
    appDev: port('appDev'),
    appPreview: port('appPreview'),
  })
  const control = new SandboxControl()
  const started: RunningServer[] = []
  const closeAll = async () => {
    await Promise.all(started.splice(0).map((server) => server.close()))
  }
  async function start<T extends RunningServer>(
    part: PartyPort,
    run: (port: number) => Promise<T>,
  ): Promise<T> {
    try {
      const server = await run(port(part))
      started.push(server)
      return server
    } catch (cause) {
      await closeAll()
      throw new SandboxStartError(part, port(part), cause)
    }
  }

  const idp = await start('idp', (at) =>
    startIdp({ control, port: at, appOrigin, appClients, quiet }),
  )
  const indee = await start('indee', (at) =>
    startIndee({ control, port: at, idpIssuer: idp.issuer, appClients }),
  )

  // The vendor emulators (sandbox/vendors/*).
  const assuresign = await start('assuresign', (at) =>
    startAssureSign({ control, port: at, debugEndpoints, appOrigin }),
  )
  const aimbase = await start('aimbase', (at) =>
    startAimbase({ control, port: at, debugEndpoints, appOrigin }),
  )
  // ABC verifies the session token itself, against the auth backend's keys.
  const abc = await start('abc', (at) =>
    startAbc({
      control,
      port: at,
      sessionJwksUrl: `${indee.url}${INDEE_JWKS_PATH}`,
      sessionIssuer: indee.url,
    }),
  )
  const lob = await start('lob', (at) =>
    startLobPortal({ control, port: at, abcUrl: abc.url, debugEndpoints, appOrigin }),
  )

  const controlApi =
    mode === 'production' ? undefined : await start('control', (at) => startControlApi(control, at))

  return {
    mode,
    control,
    idp,
    indee,
    assuresign,
    aimbase,
    abc,
    lob,
    controlApi,
    appOrigin,
    appClients,
    parties: [
      { name: 'idp', description: 'identity provider (OpenID Connect issuer)', url: idp.url },
      { name: 'indee', description: 'Indee-style auth backend', url: indee.url },
      { name: 'assuresign', description: 'AssureSign emulator', url: assuresign.url },
      { name: 'aimbase', description: 'Aimbase emulator', url: aimbase.url },
      { name: 'abc', description: 'ABC GenerateSSOToken emulator', url: abc.url },
      { name: 'lob', description: 'line-of-business portal', url: lob.url },
    ],
    close: closeAll,
  }
}
