// `sandboxConfig`: the parts of a host's playwright.config.ts that run its journeys against the
// sandbox, one stack per worker (stack.ts). Per stack k it starts the kit's CLI (the sandbox and
// the BFF, the host app registered) and the host app's own server, each on the stack's ports,
// and names the app's stack-0 origin as baseURL (the fixtures move it to the worker's stack).
import { appOnStack, appSpecOf, hostApp } from '../apps.ts'
import { APP_PORT_VARIABLE, HOST, STACK_VARIABLE, stackPorts } from '../ports.ts'

/** The host app as its journeys run it. */
export interface SandboxAppServer {
  /** Shown on the identity provider's page ("to continue to …"). */
  readonly name: string
  /** Where the identity provider sends people back, e.g. `/login/complete`. */
  readonly callbackPath: string
  /**
   * The app's sign-in page (sso-bridge's `paths.signIn`, default `/sign-in`): the identity
   * provider sends the browser back there after signing out (`identityProvider.endSession`).
   */
  readonly signInPath?: string
  /** The app's port on stack 0; stack k listens on port + 100·k. */
  readonly port: number
  /** The command that serves the app, e.g. `npm run preview`. */
  readonly command: string
  /** Where to run it; default the directory Playwright runs in. */
  readonly cwd?: string
  /** More variables for the command. */
  readonly env?: Readonly<Record<string, string>>
}

export interface SandboxConfigOptions {
  readonly app: SandboxAppServer
  /** Playwright workers, one stack each; default 1. */
  readonly workers?: number
  /** The sandbox's mode; default `test`. */
  readonly mode?: 'dev' | 'test'
  /** How to run the kit's CLI; default `npx sso-bridge-sandbox`. */
  readonly sandboxCommand?: string
  /** How long each server may take to answer, in ms; default 60 000. */
  readonly timeout?: number
}

/** A `webServer` entry of a Playwright config. */
export interface SandboxWebServer {
  readonly name: string
  readonly command: string
  readonly url: string
  readonly cwd?: string
  readonly env: Record<string, string>
  readonly reuseExistingServer: boolean
  readonly timeout: number
  readonly stdout: 'ignore' | 'pipe'
  readonly stderr: 'ignore' | 'pipe'
}

export interface SandboxConfig {
  readonly workers: number
  readonly webServer: SandboxWebServer[]
  readonly use: { readonly baseURL: string }
}

/** `value` as one POSIX shell word (Playwright runs a webServer command through a shell). */
function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`
}

/**
 * `workers`, `webServer` and `use.baseURL` for a host's playwright.config.ts: spread them in.
 * Servers already running are reused outside CI (`CI` unset) and never under it.
 */
export function sandboxConfig(options: SandboxConfigOptions): SandboxConfig {
  const { app, workers = 1, mode = 'test', timeout = 60_000 } = options
  if (!Number.isInteger(workers) || workers < 1 || workers > 9) {
    throw new Error(`sandboxConfig: workers must be a whole number from 1 to 9, got ${workers}`)
  }
  const registered = hostApp({
    name: app.name,
    origin: `http://${HOST}:${app.port}`,
    callbackPath: app.callbackPath,
    signInPath: app.signInPath,
  })
  const sandboxCommand = options.sandboxCommand ?? 'npx sso-bridge-sandbox'
  const reuseExistingServer = (process.env['CI'] ?? '') === ''
  const common = { reuseExistingServer, timeout }
  const webServer = Array.from({ length: workers }, (_, k) => {
    const ports = stackPorts(k)
    const onStack = appOnStack(registered, k)
    const sandbox: SandboxWebServer = {
      ...common,
      name: `sandbox ${k}`,
      command: [
        sandboxCommand,
        '--mode',
        mode,
        '--stack',
        String(k),
        '--app',
        shellWord(appSpecOf(registered)),
      ].join(' '),
      // The CLI starts the BFF last: its health check answers once everything does.
      url: `http://${HOST}:${ports.bff}/healthz`,
      env: {},
      stdout: 'ignore',
      stderr: 'pipe',
    }
    const server: SandboxWebServer = {
      ...common,
      name: `${app.name} ${k}`,
      command: app.command,
      ...(app.cwd === undefined ? {} : { cwd: app.cwd }),
      url: onStack.origin,
      env: {
        ...app.env,
        [STACK_VARIABLE]: String(k),
        [APP_PORT_VARIABLE]: new URL(onStack.origin).port,
      },
      stdout: 'ignore',
      stderr: 'pipe',
    }
    return [sandbox, server]
  }).flat()
  return { workers, webServer, use: { baseURL: registered.origin } }
}
