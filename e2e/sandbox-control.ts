// Typed client of the sandbox control API (docs/qa.md), used by the journeys' fixture.
import type { APIRequestContext } from '@playwright/test'
import type {
  Fault,
  LoggedRequest,
  PartyName,
  SandboxSettings,
} from '../sandbox/control/control.ts'
import { originOf } from './stack.ts'

const base = `${originOf('control')}/__sandbox`

export type FaultRequest = Omit<Fault, 'times'> & { times?: number }

export class SandboxControlClient {
  constructor(private readonly request: APIRequestContext) {}

  async #post(path: string, data: unknown): Promise<unknown> {
    const response = await this.request.post(`${base}${path}`, { data })
    if (!response.ok())
      throw new Error(`control ${path}: ${response.status()} ${await response.text()}`)
    return response.json()
  }

  async reset(): Promise<void> {
    await this.#post('/reset', {})
  }

  async fault(fault: FaultRequest): Promise<void> {
    await this.#post('/faults', fault)
  }

  async advanceClock(seconds: number): Promise<void> {
    await this.#post('/clock', { advanceSeconds: seconds })
  }

  async settings(settings: Partial<SandboxSettings>): Promise<void> {
    await this.#post('/settings', settings)
  }

  async log(party: PartyName): Promise<LoggedRequest[]> {
    const response = await this.request.get(`${base}/log?party=${party}`)
    const body = (await response.json()) as { requests: LoggedRequest[] }
    return body.requests
  }

  /** How many requests the party received whose path contains `pathPart`. */
  async count(party: PartyName, pathPart: string): Promise<number> {
    return (await this.log(party)).filter((r) => r.path.includes(pathPart)).length
  }
}
