// Child processes of the local production shape (scripts/topology/topology.ts): each one's output
// goes to a log file of its own, it is ready when a check passes, and it can be stopped gently
// (SIGTERM, as an orchestrator does) or killed (SIGKILL, as a crash does).
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { request } from 'node:http'
import { setTimeout as delay } from 'node:timers/promises'

export interface ServiceSpec {
  /** For messages: "BFF a", "redis-server", "nginx". */
  readonly name: string
  readonly command: string
  /** Its arguments, or how to work them out at each start (a Redis server's role). */
  readonly args: readonly string[] | (() => Promise<readonly string[]>)
  readonly env?: Readonly<Record<string, string>>
  /** stdout and stderr are appended here. */
  readonly logFile: string
  /** Resolves true once the service answers. */
  readonly ready: () => Promise<boolean>
  readonly readyTimeoutMs?: number
}

/** One service that can be started, stopped and killed again and again. */
export class Service {
  #child: ChildProcess | undefined
  #exited: Promise<void> = Promise.resolve()

  constructor(readonly spec: ServiceSpec) {}

  get running(): boolean {
    return this.#child !== undefined
  }

  get pid(): number | undefined {
    return this.#child?.pid
  }

  /** Starts the service and waits until it is ready (its log's last lines on failure). */
  async start(): Promise<void> {
    if (this.#child !== undefined) return
    const { name, command, env, logFile, ready, readyTimeoutMs = 20_000 } = this.spec
    const args = typeof this.spec.args === 'function' ? await this.spec.args() : this.spec.args
    const log = createWriteStream(logFile, { flags: 'a' })
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.pipe(log)
    child.stderr.pipe(log)
    let exitCode: number | string | undefined
    this.#child = child
    // Should this process end without stopping it (a crashed test worker), it goes too.
    const orphan = () => child.kill('SIGKILL')
    process.once('exit', orphan)
    this.#exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        process.off('exit', orphan)
        exitCode = code ?? signal ?? undefined
        if (this.#child === child) this.#child = undefined
        resolve()
      })
      child.on('error', (error) => {
        exitCode = error.message
        if (this.#child === child) this.#child = undefined
        resolve()
      })
    })
    const deadline = Date.now() + readyTimeoutMs
    while (Date.now() < deadline) {
      if (this.#child !== child) {
        throw new Error(`${name} exited (${String(exitCode)}) before it was ready; see ${logFile}`)
      }
      if (await ready().catch(() => false)) return
      await delay(100)
    }
    await this.kill()
    throw new Error(`${name} was not ready after ${readyTimeoutMs} ms; see ${logFile}`)
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  async stop(graceMs = 5_000): Promise<void> {
    const child = this.#child
    if (child === undefined) return
    // A paused process would not act on SIGTERM until it goes on.
    child.kill('SIGCONT')
    child.kill('SIGTERM')
    const gone = await Promise.race([this.#exited.then(() => true), delay(graceMs, false)])
    if (!gone) child.kill('SIGKILL')
    await this.#exited
  }

  /** SIGSTOP: the process stays, its connections open, and answers nothing until `resume`. */
  pause(): void {
    this.#child?.kill('SIGSTOP')
  }

  /** SIGCONT after `pause`. */
  resume(): void {
    this.#child?.kill('SIGCONT')
  }

  /** SIGKILL: the process dies at once, as in a crash; resolves once it is gone. */
  async kill(): Promise<void> {
    const child = this.#child
    if (child === undefined) return
    child.kill('SIGKILL')
    await this.#exited
  }
}

/** Whether an HTTP GET of `url` answers with `status` (default any status below 500). */
export async function answers(url: string, status?: number): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1_000) })
  await response.body?.cancel()
  return status === undefined ? response.status < 500 : response.status === status
}

/**
 * GET `url` with `headers`, which may name the Host (fetch may not): a BFF instance asked as
 * nginx asks it, with the app's Host.
 */
export function get(
  url: string,
  headers: Readonly<Record<string, string>> = {},
): Promise<{ readonly status: number; readonly body: string }> {
  const target = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        headers,
        timeout: 5_000,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      },
    )
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer in 5 s`)))
    req.on('error', reject)
    req.end()
  })
}
