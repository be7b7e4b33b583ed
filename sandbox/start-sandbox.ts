// Starts the whole sandbox in one process: one SandboxControl shared by every party, each party
// on its port from sandbox/ports.ts, and in dev and test mode the control API on its own port.
// Used by sandbox/main.ts (npm run sandbox), npm start and the Playwright set-up. The BFF is not
// part of the sandbox: it is the product, started beside it (sandbox/bff-env.ts).
import type { PartyName } from './control/control.ts'
import { SandboxControl } from './control/control.ts'
import { startControlApi } from './control/control-api.ts'
import { startIdp, type RunningIdp } from './idp/idp.ts'
import { INDEE_JWKS_PATH, startIndee } from './indee/indee.ts'
import type { RunningServer } from './lib/http.ts'
import { ports as defaultPorts, type PartyPort } from './ports.ts'
import { startAbc } from './vendors/abc/abc-server.ts'
import { startAimbase } from './vendors/aimbase/aimbase-server.ts'
import { startAssureSign } from './vendors/assuresign/assuresign-server.ts'
import { startLobPortal } from './vendors/lob-portal/lob-portal-server.ts'

export type SandboxMode = 'dev' | 'test' | 'production'

export interface StartSandboxOptions {
  /**
   * 'dev' and 'test' serve the control API and the emulators' debug endpoints;
   * 'production' serves neither.
   */
  readonly mode: SandboxMode
  /** Do not print the parties' own diagnostics (provider errors). */
  readonly quiet?: boolean
  /** Port per party instead of sandbox/ports.ts; 0 picks a free one (tests). */
  readonly ports?: Partial<Record<PartyPort, number>>
}

export interface RunningParty {
  readonly name: PartyName
  readonly description: string
  readonly url: string
}

export interface RunningSandbox {
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
  /** Every party that runs, in start order. */
  readonly parties: readonly RunningParty[]
  /** Stops every party. */
  close(): Promise<void>
}

export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const { mode, quiet = false } = options
  // The emulators' GET /__emulator/last-landing, like the control API, is for dev and test.
  const debugEndpoints = mode !== 'production'
  const port = (name: PartyPort) => options.ports?.[name] ?? defaultPorts[name]
  const control = new SandboxControl()
  const started: RunningServer[] = []
  const closeAll = async () => {
    await Promise.all(started.splice(0).map((server) => server.close()))
  }
  async function start<T extends RunningServer>(name: string, run: Promise<T>): Promise<T> {
    try {
      const server = await run
      started.push(server)
      return server
    } catch (cause) {
      await closeAll()
      throw new Error(`could not start the ${name}`, { cause })
    }
  }

  const idp = await start('identity provider', startIdp({ control, port: port('idp'), quiet }))
  const indee = await start(
    'auth backend',
    startIndee({ control, port: port('indee'), idpIssuer: idp.issuer }),
  )

  // The vendor emulators (sandbox/vendors/*).
  const assuresign = await start(
    'AssureSign emulator',
    startAssureSign({ control, port: port('assuresign'), debugEndpoints }),
  )
  const aimbase = await start(
    'Aimbase emulator',
    startAimbase({ control, port: port('aimbase'), debugEndpoints }),
  )
  // ABC verifies the session token itself, against the auth backend's keys.
  const abc = await start(
    'ABC emulator',
    startAbc({
      control,
      port: port('abc'),
      sessionJwksUrl: `${indee.url}${INDEE_JWKS_PATH}`,
      sessionIssuer: indee.url,
    }),
  )
  const lob = await start(
    'line-of-business portal',
    startLobPortal({ control, port: port('lob'), abcUrl: abc.url, debugEndpoints }),
  )

  const controlApi =
    mode === 'production'
      ? undefined
      : await start('control API', startControlApi(control, port('control')))

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
