// The BFF beside the sandbox, as the kit runs it: the real sso-bridge-bff, its package's bin as a
// child process under this Node (a host's test dependencies hold it; the kit never bundles it),
// with the sandbox's environment (bff-env.ts). Started when its /healthz answers; a BFF that
// exits first, or never answers, fails the start with what it printed.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { HOST } from './ports.ts'

export interface StartBffOptions {
  /** The SSO_BFF_* variables; SSO_BFF_PORT names its port. */
  readonly env: Readonly<Record<string, string>>
  /** Program and arguments; default this Node running sso-bridge-bff's bin. */
  readonly command?: readonly string[]
  /** Do not pass on what the BFF prints. */
  readonly quiet?: boolean
  /** How long it may take to answer /healthz, in ms; default 30 000. */
  readonly timeoutMs?: number
}

export interface RunningBff {
  readonly url: string
  /** Stops the BFF (SIGTERM: it finishes requests in flight) and waits until it is gone. */
  close(): Promise<void>
}

/** The file of sso-bridge-bff's `bin`, as installed beside the kit. */
export function bffBin(): string {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve('sso-bridge-bff/package.json')
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: Record<string, string> }
  const file = bin?.['sso-bridge-bff']
  if (file === undefined) throw new Error('sso-bridge-bff has no "sso-bridge-bff" bin')
  return join(dirname(manifest), file)
}

/** The BFF exited, or did not answer in time; the message ends with what it printed. */
export class BffStartError extends Error {
  override readonly name = 'BffStartError'
}

const KEPT_OUTPUT = 4000

export async function startBff(options: StartBffOptions): Promise<RunningBff> {
  const [program, ...args] = options.command ?? [process.execPath, bffBin()]
  if (program === undefined) throw new Error('startBff: empty command')
  const url = `http://${HOST}:${options.env['SSO_BFF_PORT'] ?? ''}`
  const child = spawn(program, args, {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT)
    if (options.quiet !== true) stream.write(chunk)
  }
  child.stdout.on('data', keep(process.stdout))
  child.stderr.on('data', keep(process.stderr))
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(`exit ${code ?? signal ?? '?'}`))
    child.once('error', (error) => resolve(String(error)))
  })
  let gone: string | undefined
  void exited.then((why) => (gone = why))

  const close = async () => {
    if (gone !== undefined) return
    child.kill('SIGTERM')
    const forced = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(forced)
  }

  const until = Date.now() + (options.timeoutMs ?? 30_000)
  while (gone === undefined && Date.now() < until) {
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })
      await response.body?.cancel()
      if (response.ok) return { url, close }
    } catch {
      // not listening yet
    }
    await delay(100)
  }
  await close()
  throw new BffStartError(
    `the BFF did not start (${gone ?? `no answer on ${url}/healthz`})${output === '' ? '' : `:\n${output.trim()}`}`,
  )
}
