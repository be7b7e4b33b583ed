// Typed client of the sandbox control API (docs/qa.md), the `sandbox` fixture of the kit's
// Playwright entry. It drives the control API of this worker's own stack (stack.ts).
import type { APIRequestContext, APIResponse } from '@playwright/test'
import type { Fault, LoggedRequest, PartyName, SandboxSettings } from '../control/control.ts'
import { originOf } from './stack.ts'

export type { Fault, LoggedRequest, PartyName, SandboxSettings }

const base = `${originOf('control')}/__sandbox`

export type FaultRequest = Omit<Fault, 'times'> & { times?: number }

async function answer(path: string, response: APIResponse): Promise<unknown> {
  if (!response.ok()) {
    throw new Error(`control ${path}: ${response.status()} ${await response.text()}`)
  }
  return response.json()
}

export class SandboxControlClient {
  constructor(private readonly request: APIRequestContext) {}

  async #post(path: string, data: unknown): Promise<unknown> {
    return answer(path, await this.request.post(`${base}${path}`, { data }))
  }

  /** Removes every fault, clears the log, puts the clock and the settings back (the fixture does this first). */
  async reset(): Promise<void> {
    await this.#post('/reset', {})
  }

  /** Makes `party` answer something else, late or when released, for the next `times` (1) matching requests. */
  async fault(fault: FaultRequest): Promise<void> {
    await this.#post('/faults', fault)
  }

  /**
   * Lets the requests held by `hold` faults (of `party`, or of every party) go on; resolves to how
   * many were held. A journey that must act while a request waits holds it, acts, then releases.
   */
  async release(party?: PartyName): Promise<number> {
    const body = (await this.#post('/release', party === undefined ? {} : { party })) as {
      released: number
    }
    return body.released
  }

  /** Moves the sandbox clock forward (the parties' lifetimes; the BFF and the IdP keep real time). */
  async advanceClock(seconds: number): Promise<void> {
    await this.#post('/clock', { advanceSeconds: seconds })
  }

  /** Changes the auth backend's token lifetimes for tokens issued from now on. */
  async settings(settings: Partial<SandboxSettings>): Promise<void> {
    await this.#post('/settings', settings)
  }

  /** Every request `party` received since the reset, oldest first. */
  async log(party: PartyName): Promise<LoggedRequest[]> {
    const path = `/log?party=${party}`
    const body = (await answer(path, await this.request.get(`${base}${path}`))) as {
      requests: LoggedRequest[]
    }
    return body.requests
  }

  /** How many requests the party received whose path contains `pathPart`. */
  async count(party: PartyName, pathPart: string): Promise<number> {
    return (await this.log(party)).filter((r) => r.path.includes(pathPart)).length
  }
}
