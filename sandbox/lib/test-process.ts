// Test support for the start-up tests: free loopback ports, and a command run to its exit with
// its output. Test support only; no party imports it.
import { spawn } from 'node:child_process'
import net from 'node:net'
import { HOST, portVariable, type PartyPort } from '../ports.ts'
import { freePort } from './free-port.ts'

export { freePort }

/** Holds a port (0: one the OS picks) the way another program would, until `close`. */
export async function occupy(port: number): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => resolve())
  })
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * SSO_PORT_* for `names`, each on a free port of its own: every port is held until all are
 * picked, so the OS cannot hand the same one out twice.
 */
export async function portEnvironment(
  names: readonly PartyPort[],
): Promise<{ env: Record<string, string>; ports: Record<string, number> }> {
  const env: Record<string, string> = {}
  const ports: Record<string, number> = {}
  const held: { close(): Promise<void> }[] = []
  try {
    for (const name of names) {
      const hold = await occupy(0)
      held.push(hold)
      env[portVariable(name)] = String(hold.port)
      ports[name] = hold.port
    }
  } finally {
    await Promise.all(held.map((hold) => hold.close()))
  }
  return { env, ports }
}

export interface Exited {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

export interface RunOptions {
  /** Sent SIGTERM after this long (npm start and the sandbox then stop cleanly); default 15 s. */
  readonly timeoutMs?: number
  /** Sent SIGTERM once its standard output contains this. */
  readonly stopWhen?: string
}

/** Runs node with `args` in the repository root until it exits. */
export function runNode(
  args: readonly string[],
  env: Record<string, string>,
  options: RunOptions = {},
): Promise<Exited> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: new URL('../..', import.meta.url),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 15_000,
      killSignal: 'SIGTERM',
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (options.stopWhen !== undefined && stdout.includes(options.stopWhen)) child.kill('SIGTERM')
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}

/** The lines of `text` without the one warning oidc-provider prints on Node 20 (docs/qa.md). */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('oidc-provider WARNING:'))
}
