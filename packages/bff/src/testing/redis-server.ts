// A real redis-server for tests: on a free loopback port, nothing saved to disk, in a temporary
// directory of its own, a primary or a replica. It can be stopped (or killed) and started again
// on the same port (Redis down, then back). Test support only; nothing that ships imports it.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { RedisTarget } from '../session/redis-target.ts'
import type { TestCertificates } from './tls-certificates.ts'
import { freePort } from './free-port.ts'

export const REDIS_SERVER = '/usr/bin/redis-server'
const READY = 'Ready to accept connections'
const START_TIMEOUT_MS = 10_000

export interface RunningRedis {
  readonly port: number
  /** `redis://127.0.0.1:<port>` (`rediss://` with TLS) */
  readonly url: string
  /** Stops the server (SIGTERM) and waits until it has exited. */
  stop(): Promise<void>
  /** Starts it again on the same port, after stop. */
  start(): Promise<void>
  /** Freezes it (SIGSTOP): connections stay open and nothing answers, as in a partition. */
  freeze(): void
  /** Lets a frozen server go on (SIGCONT). */
  thaw(): void
  /** Kills it (SIGKILL), as a crash does: nothing saved, no goodbye to its clients. */
  kill(): Promise<void>
  /** Stops it for good and removes its directory. */
  close(): Promise<void>
}

/** The store target of one Redis at `url`. */
export function single(url: string): RedisTarget {
  return { mode: 'single', url }
}

export interface RedisServerOptions {
  /** Starts it as a replica of the Redis on this loopback port. */
  readonly replicaOf?: number
  /** TLS only, with these certificates (also to its primary): no plain port at all. */
  readonly tls?: TestCertificates | undefined
  /** Its password (`requirepass`), which it also gives its primary (`masterauth`). */
  readonly password?: string | undefined
}

/** redis-server's (and redis-sentinel's) TLS settings, on `port`, with nothing in plain. */
export function tlsArgs(port: number, tls: TestCertificates): string[] {
  return [
    '--port',
    '0',
    '--tls-port',
    String(port),
    '--tls-cert-file',
    tls.certFile,
    '--tls-key-file',
    tls.keyFile,
    '--tls-ca-cert-file',
    tls.caFile,
    '--tls-auth-clients',
    'no',
    '--tls-replication',
    'yes',
  ]
}

/**
 * Starts `command` and resolves once its output says `ready`; rejects with that output when it
 * exits first or takes more than 10 s. Its output is dropped after that.
 */
export function spawnUntilReady(
  command: string,
  args: readonly string[],
  ready: string,
): Promise<ChildProcess> {
  const name = basename(command)
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${name} did not start in ${START_TIMEOUT_MS} ms:\n${output}`))
    }, START_TIMEOUT_MS)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      if (!output.includes(ready)) return
      clearTimeout(timer)
      child.stdout.off('data', read)
      resolve(child)
    }
    child.stdout.on('data', read)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`))
    })
  })
}

function launch(port: number, dir: string, options: RedisServerOptions): Promise<ChildProcess> {
  const listen = options.tls === undefined ? ['--port', String(port)] : tlsArgs(port, options.tls)
  const args = [...listen, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']
  if (options.password !== undefined) {
    args.push('--requirepass', options.password, '--masterauth', options.password)
  }
  // A replica gets its first copy at once: no 5 s wait for more replicas to share it.
  args.push('--repl-diskless-sync-delay', '0')
  if (options.replicaOf !== undefined) {
    args.push('--replicaof', '127.0.0.1', String(options.replicaOf))
  }
  return spawnUntilReady(REDIS_SERVER, [...args, '--dir', dir], READY)
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RunningRedis> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(
      `redis-server is missing (${REDIS_SERVER}): apt-get install -y redis-server; .ci/run installs it`,
    )
  }
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'sso-bridge-redis-'))
  let child: ChildProcess | undefined = await launch(port, dir, options)

  const end = async (signal: 'SIGTERM' | 'SIGKILL') => {
    const running = child
    child = undefined
    if (running === undefined || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise((resolve) => running.once('exit', resolve))
    running.kill('SIGCONT')
    running.kill(signal)
    await exited
  }
  const stop = () => end('SIGTERM')
  return {
    port,
    url: `${options.tls === undefined ? 'redis' : 'rediss'}://127.0.0.1:${port}`,
    stop,
    async start() {
      if (child !== undefined) return
      // Back as it was started; a server that was primary comes back as one, with no data.
      child = await launch(port, dir, options)
    },
    freeze() {
      child?.kill('SIGSTOP')
    },
    thaw() {
      child?.kill('SIGCONT')
    },
    kill: () => end('SIGKILL'),
    async close() {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
