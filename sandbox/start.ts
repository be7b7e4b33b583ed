// The kit's start API (`sso-bridge-sandbox`): the whole sandbox and the BFF for any number of host
// apps, from code. The apps registered here are the one list the identity provider, the auth
// backend and the BFF read (idp/client-registration.ts). A stack index k moves every port, the
// apps' loopback ports included, by 100·k (ports.ts), which is how per-worker isolation works.
import { appOnStack, hostApp, type HostApp, type HostAppInput } from './apps.ts'
import { bffEnvironment } from './bff-env.ts'
import { startBff, type RunningBff } from './bff-process.ts'
import type { SandboxControl } from './control/control.ts'
import { CONTROL_PREFIX } from './control/control-api.ts'
import { freePort } from './lib/free-port.ts'
import { sandboxPartners } from './partners.ts'
import { HOST, stackPorts, type PartyPort } from './ports.ts'
import { startParties, type RunningParty, type SandboxMode } from './start-parties.ts'

export type { SandboxMode }
export {
  APPS_VARIABLE,
  AppRegistrationError,
  appsFromEnvironment,
  parseAppSpec,
  type HostApp,
  type HostAppInput,
} from './apps.ts'
export { BffStartError } from './bff-process.ts'
export type {
  Fault,
  LoggedRequest,
  PartyName,
  SandboxControl,
  SandboxSettings,
} from './control/control.ts'
export {
  DEFAULT_PORTS,
  STACK_PORT_OFFSET,
  STACK_VARIABLE,
  stackPorts,
  type PartyPort,
  type Ports,
} from './ports.ts'
export { SandboxStartError } from './start-parties.ts'

export interface SandboxOptions {
  /** Host apps to register beside our own app (written with stack 0's ports). */
  readonly apps?: readonly HostAppInput[]
  /** The journey stack: every port + 100·k; default 0. */
  readonly stack?: number
  /** Ports to use instead of the stack's; 0 picks a free one. */
  readonly ports?: Partial<Record<PartyPort, number>>
  /** `test` (default) or `dev` serve the control API; `production` serves no debug endpoint. */
  readonly mode?: SandboxMode
  /** Start the BFF too; default true. */
  readonly bff?: boolean
  /** How to run the BFF; default this Node running sso-bridge-bff's bin. */
  readonly bffCommand?: readonly string[]
  /** Print nothing of the parties' and the BFF's own diagnostics. */
  readonly quiet?: boolean
}

/** Where each running party answers. */
export interface SandboxUrls {
  /** The identity provider, also its issuer. */
  readonly idp: string
  readonly indee: string
  readonly assuresign: string
  readonly aimbase: string
  readonly abc: string
  readonly lob: string
  /** The control API's base, e.g. http://127.0.0.1:4070/__sandbox; undefined in production mode. */
  readonly control: string | undefined
  /** The BFF; undefined when it was not started. */
  readonly bff: string | undefined
}

export interface RunningSandbox {
  readonly mode: SandboxMode
  readonly stack: number
  readonly urls: SandboxUrls
  /** Every registered app (ours and the host apps, each loopback one under both names). */
  readonly apps: readonly HostApp[]
  /** The control harness in this process: faults, request log, clock, settings. */
  readonly control: SandboxControl
  /** Every party that runs, with a description, in start order (the BFF last). */
  readonly parties: readonly Omit<RunningParty, 'name'>[]
  /** Stops the BFF, then every party. */
  close(): Promise<void>
}

/** Starts the sandbox's parties and (unless `bff: false`) the BFF; see SandboxOptions. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const { mode = 'test', stack = 0, quiet = false } = options
  const ports = { ...stackPorts(stack), ...options.ports }
  // Checked (one line naming a bad value) before anything listens.
  const apps = (options.apps ?? []).map((app) => appOnStack(hostApp(app), stack))
  const parties = await startParties({
    mode,
    quiet,
    ports,
    apps,
    appOrigin: `http://${HOST}:${mode === 'dev' ? ports.appDev : ports.appPreview}`,
  })
  let bff: RunningBff | undefined
  if (options.bff !== false) {
    try {
      const env = bffEnvironment(
        {
          indee: parties.indee.url,
          assuresign: parties.assuresign.url,
          aimbase: parties.aimbase.url,
          abc: parties.abc.url,
        },
        ports.bff === 0 ? await freePort() : ports.bff,
        sandboxPartners(),
        parties.appClients,
      )
      bff = await startBff({
        env,
        quiet,
        ...(options.bffCommand === undefined ? {} : { command: options.bffCommand }),
      })
    } catch (error) {
      await parties.close()
      throw error
    }
  }
  return {
    mode,
    stack,
    urls: {
      idp: parties.idp.url,
      indee: parties.indee.url,
      assuresign: parties.assuresign.url,
      aimbase: parties.aimbase.url,
      abc: parties.abc.url,
      lob: parties.lob.url,
      control: parties.controlApi && `${parties.controlApi.url}${CONTROL_PREFIX}`,
      bff: bff?.url,
    },
    apps: parties.appClients,
    control: parties.control,
    parties: [
      ...parties.parties,
      ...(bff === undefined ? [] : [{ description: 'BFF (sso-bridge-bff)', url: bff.url }]),
    ],
    close: async () => {
      await bff?.close()
      await parties.close()
    },
  }
}
