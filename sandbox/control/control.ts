// The sandbox control harness (docs/architecture.md §1 "Parts and how they connect"): every party's
// handler is wrapped by `wrap`, which records each request in a log and applies injected faults.
// One instance is shared by all parties of a sandbox process; control-api.ts serves it over HTTP on
// a port of its own, in dev and test mode only.
import { setTimeout as delay } from 'node:timers/promises'
import type { ServerResponse } from 'node:http'
import type { Handler } from '../lib/http.ts'

export const PARTIES = ['idp', 'indee', 'assuresign', 'aimbase', 'abc', 'lob'] as const
export type PartyName = (typeof PARTIES)[number]

export interface Fault {
  readonly party: PartyName
  /** Only requests whose pathname contains this string; every request when absent. */
  readonly path?: string
  readonly method?: string
  /** Answer with this status instead of calling the party; pass through when absent. */
  readonly status?: number
  readonly body?: string
  readonly contentType?: string
  /** Wait this long before answering (or passing through). */
  readonly delayMs?: number
  /**
   * Hold each matching request until `release` (the control API's `POST /release`), then answer
   * (or pass through). A reset drops the requests still held: their connections are closed.
   */
  readonly hold?: boolean
  /** How many matching requests the fault applies to. */
  readonly times: number
}

export interface LoggedRequest {
  readonly seq: number
  readonly party: PartyName
  readonly method: string
  /** Pathname only: queries may carry tokens and never enter the log. */
  readonly path: string
  /** Sandbox clock (ms since epoch) when the request arrived. */
  readonly at: number
  /** The W3C trace context the caller sent (a BFF with tracing on), so journeys can follow it. */
  readonly traceparent?: string
  status?: number
  faulted: boolean
}

/** Tunables a journey may change at run time; reset restores these defaults. */
export interface SandboxSettings {
  /**
   * Lifetime of the auth backend's access token (docs/architecture.md §3 "Session": 15 minutes).
   */
  accessTokenTtlSeconds: number
  /** Lifetime of the auth backend's refresh token (about one day). */
  refreshTokenTtlSeconds: number
}

export const DEFAULT_SETTINGS: Readonly<SandboxSettings> = {
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlSeconds: 24 * 60 * 60,
}

export interface WrapOptions {
  readonly redactPath?: (path: string) => string
}

interface ActiveFault extends Fault {
  remaining: number
}

/** A request held by a `hold` fault: `release(true)` lets it go on, `release(false)` drops it. */
interface HeldRequest {
  readonly party: PartyName
  readonly release: (goOn: boolean) => void
}

export class SandboxControl {
  #offsetMs = 0
  #seq = 0
  #faults: ActiveFault[] = []
  #log: LoggedRequest[] = []
  #held = new Set<HeldRequest>()
  settings: SandboxSettings = { ...DEFAULT_SETTINGS }

  /** The sandbox clock: real time plus whatever a journey moved it forward. */
  now(): number {
    return Date.now() + this.#offsetMs
  }

  advanceClock(ms: number): number {
    this.#offsetMs += ms
    return this.now()
  }

  addFault(fault: Fault): void {
    this.#faults.push({ ...fault, remaining: fault.times })
  }

  log(party?: PartyName): readonly LoggedRequest[] {
    return party === undefined ? [...this.#log] : this.#log.filter((r) => r.party === party)
  }

  /** Lets the held requests (of `party`, or every party) go on; returns how many there were. */
  release(party?: PartyName): number {
    return this.#releaseHeld(party, true)
  }

  /** How many requests (of `party`, or of every party) a `hold` fault is holding now. */
  heldCount(party?: PartyName): number {
    return [...this.#held].filter((h) => party === undefined || h.party === party).length
  }

  #releaseHeld(party: PartyName | undefined, goOn: boolean): number {
    let released = 0
    for (const held of this.#held) {
      if (party !== undefined && held.party !== party) continue
      this.#held.delete(held)
      held.release(goOn)
      released += 1
    }
    return released
  }

  reset(): void {
    this.#releaseHeld(undefined, false)
    this.#offsetMs = 0
    this.#faults = []
    this.#log = []
    this.settings = { ...DEFAULT_SETTINGS }
  }

  #takeFault(party: PartyName, method: string, path: string): ActiveFault | undefined {
    const fault = this.#faults.find(
      (f) =>
        f.party === party &&
        f.remaining > 0 &&
        (f.path === undefined || path.includes(f.path)) &&
        (f.method === undefined || f.method.toUpperCase() === method),
    )
    if (fault !== undefined) fault.remaining -= 1
    this.#faults = this.#faults.filter((f) => f.remaining > 0)
    return fault
  }

  /**
   * Wraps a party's handler with the request log and fault injection. `redactPath` hides a
   * token carried in the path (Aimbase's landing) before the path is logged; faults still match
   * the real path.
   */
  wrap(party: PartyName, handler: Handler, options: WrapOptions = {}): Handler {
    const redact = options.redactPath ?? ((path: string) => path)
    return async (req, res) => {
      const method = (req.method ?? 'GET').toUpperCase()
      const path = new URL(req.url ?? '/', 'http://sandbox.invalid').pathname
      const fault = this.#takeFault(party, method, path)
      const entry: LoggedRequest = {
        seq: ++this.#seq,
        party,
        method,
        path: redact(path),
        at: this.now(),
        ...(typeof req.headers.traceparent === 'string' && {
          traceparent: req.headers.traceparent,
        }),
        faulted: fault !== undefined,
      }
      this.#log.push(entry)
      res.once('finish', () => {
        entry.status = res.statusCode
      })
      if (fault !== undefined && !(await this.#wait(party, fault, res))) {
        res.destroy() // the client gave up, or a reset dropped the held request
        return
      }
      if (fault?.status !== undefined) {
        res.writeHead(fault.status, {
          'content-type': fault.contentType ?? 'application/json; charset=utf-8',
          'cache-control': 'no-store',
        })
        res.end(fault.body ?? '')
        return
      }
      await handler(req, res)
    }
  }

  /**
   * Waits as the fault says (`delayMs`, then `hold`); false when the request must not go on:
   * the client closed the connection meanwhile, or a reset dropped it.
   */
  async #wait(party: PartyName, fault: Fault, res: ServerResponse): Promise<boolean> {
    const gone = new AbortController()
    const onClose = () => gone.abort()
    res.once('close', onClose)
    try {
      if (fault.delayMs !== undefined)
        await delay(fault.delayMs, undefined, { signal: gone.signal })
      if (fault.hold !== true) return true
      return await new Promise<boolean>((resolve) => {
        const held: HeldRequest = { party, release: resolve }
        this.#held.add(held)
        gone.signal.addEventListener('abort', () => {
          this.#held.delete(held)
          resolve(false)
        })
      })
    } catch {
      return false
    } finally {
      res.off('close', onClose)
    }
  }
}
