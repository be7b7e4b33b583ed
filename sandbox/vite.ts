// The kit's Vite plugin (`sso-bridge-sandbox/vite`), for an app's vite.config.ts under `vite` and
// `vite preview`: on the journey stack its environment names (SSO_SANDBOX_STACK, set by
// `sandboxConfig`; 0 when unset) it listens on the app's port of that stack (127.0.0.1, strict),
// proxies the BFF's path to that stack's BFF without changing Host or Origin (the BFF checks both,
// as behind the production reverse proxy), and serves the app's runtime config with every
// sandbox origin moved to that stack's ports, never cached. The file on disk keeps stack 0's.
import { readFileSync } from 'node:fs'
import { Agent, type IncomingMessage, type ServerResponse } from 'node:http'
import { join, resolve } from 'node:path'
import type { Plugin, UserConfig } from 'vite'
import {
  APP_PORT_VARIABLE,
  DEFAULT_PORTS,
  HOST,
  STACK_PORT_OFFSET,
  STACK_VARIABLE,
  moveOrigins,
  parseStack,
  portsOf,
  stackPorts,
  type Ports,
} from './ports.ts'

export interface SsoSandboxOptions {
  /** The app's port on stack 0 (dev server and preview); stack k listens on port + 100·k. */
  readonly port: number
  /** The app's `vite preview` port on stack 0 when it differs from `port`. */
  readonly previewPort?: number
  /** Where the BFF answers on the app's origin; default `/api`. */
  readonly apiBase?: string
  /** The runtime config's path on the site; default `/sso.config.json`. */
  readonly configPath?: string
  /** A further change to the served config's text, after its origins are moved. */
  readonly transformConfig?: (text: string) => string
}

type Environment = Readonly<Record<string, string | undefined>>

/** The stack the environment names and its ports (SSO_PORT_* name stack 0's). */
export function stackOfEnvironment(env: Environment = process.env): {
  readonly index: number
  readonly ports: Ports
} {
  const index = parseStack(env[STACK_VARIABLE])
  // Read now, not when this module loaded: a process may load Vite configs under other ports.
  return { index, ports: stackPorts(index, portsOf(env)) }
}

/** The runtime config's text with every sandbox origin on the environment's stack. */
export function runtimeConfigOnStack(text: string, env: Environment = process.env): string {
  return moveOrigins(text, stackOfEnvironment(env).ports, DEFAULT_PORTS)
}

/** The app's port on the environment's stack (SSO_SANDBOX_APP_PORT when set). */
export function appPortOnStack(base: number, env: Environment = process.env): number {
  const given = env[APP_PORT_VARIABLE]
  if (given !== undefined && given !== '') {
    const port = Number(given)
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
      throw new Error(`${APP_PORT_VARIABLE} must be a TCP port, got "${given}"`)
    }
    return port
  }
  return base + STACK_PORT_OFFSET * stackOfEnvironment(env).index
}

/**
 * The server or preview settings for the stack; settings the app's own config (or the command
 * line) already gives win.
 */
function serverSettings(
  given: UserConfig['server'] | UserConfig['preview'],
  port: number,
  apiBase: string,
  bff: string,
  agent: Agent,
) {
  return {
    host: given?.host ?? HOST,
    port: given?.port ?? port,
    strictPort: given?.strictPort ?? true,
    ...(given?.proxy?.[apiBase] === undefined
      ? {
          proxy: {
            // Kept-alive connections: a reverse proxy does not open one per request either.
            [apiBase]: { target: bff, changeOrigin: false, agent },
          },
        }
      : {}),
  }
}

/** The Vite plugin; see the file's header. */
export function ssoSandbox(options: SsoSandboxOptions): Plugin {
  const apiBase = options.apiBase ?? '/api'
  const configPath = options.configPath ?? '/sso.config.json'
  const agent = new Agent({ keepAlive: true })
  const served = (text: string) => {
    const moved = runtimeConfigOnStack(text)
    return options.transformConfig === undefined ? moved : options.transformConfig(moved)
  }
  const serve = (file: string) => (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const read = req.method === 'GET' || req.method === 'HEAD'
    if (!read || req.url?.split('?')[0] !== configPath) return next()
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      return next() // no config file: Vite answers as it would without the plugin
    }
    res.statusCode = 200
    res.setHeader('Content-Type', 'application/json')
    res.setHeader('Cache-Control', 'no-store')
    res.end(req.method === 'HEAD' ? undefined : served(text))
  }
  return {
    name: 'sso-bridge-sandbox',
    config(config) {
      const bff = `http://${HOST}:${stackOfEnvironment().ports.bff}`
      const dev = appPortOnStack(options.port)
      const preview = appPortOnStack(options.previewPort ?? options.port)
      return {
        server: serverSettings(config.server, dev, apiBase, bff, agent),
        preview: serverSettings(config.preview, preview, apiBase, bff, agent),
      }
    },
    configureServer(server) {
      server.middlewares.use(serve(join(server.config.publicDir, configPath)))
    },
    configurePreviewServer(server) {
      const { root, build } = server.config
      server.middlewares.use(serve(resolve(root, build.outDir, `.${configPath}`)))
    },
  }
}
