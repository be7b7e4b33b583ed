// What the partner tests stand on: the sandbox, a BFF against it with its users signed in, and, for
// what the BFF sends a vendor (the emulators log only paths), a recording stand-in for that vendor
// with a second BFF that calls it. One per test file, started in beforeAll: a BFF keeps state
// (vendor logins, tokens) from one test to the next, which some tests count on. Test support only.
import { expect } from 'vitest'
import type { PartnerName } from '../../../contract/src/contract.ts'
import type { RunningParties } from '../../../../sandbox/start-parties.ts'
import { USERS, type SandboxUser } from '../../../../sandbox/users.ts'
import type { PartnerSettings } from '../config.ts'
import {
  AppBrowser,
  signIn,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from './bff-sandbox.ts'
import {
  startRecordingUpstream,
  type CannedAnswer,
  type RecordingUpstream,
} from './recording-upstream.ts'

const [ALICE] = USERS as [SandboxUser]

export interface RecordedPartner {
  /** The BFF variable that points it at the stand-in instead of the sandbox's emulator. */
  readonly variable: `SSO_BFF_${Uppercase<PartnerName>}_URL`
  readonly answers: Readonly<Record<string, CannedAnswer>>
}

export interface BenchOptions {
  /** Signed in on the bench's BFF before any test, each in a browser of their own. */
  readonly users: readonly SandboxUser[]
  readonly recorded?: RecordedPartner
}

/** An 'upstream failure' the BFF logged. */
export interface LoggedFailure {
  readonly code?: string | undefined
  readonly reason?: string | undefined
}

export interface PartnerBench {
  readonly sandbox: RunningParties
  readonly bff: RunningBff
  /** A BFF of the test's own against the sandbox, logging where `failures` reads; it closes it. */
  startBff(overrides?: Readonly<Record<string, string>>): Promise<RunningBff>
  as(user: SandboxUser): AppBrowser
  /** The requests the sandbox's `party` got since the test began, whose path ends with `suffix`. */
  calls(party: PartnerName, suffix: string): number
  /** What the bench's BFFs logged as failed since the test began. */
  failures(): LoggedFailure[]
  /** For beforeEach: the sandbox's faults and log, and the log lines, back to none. */
  reset(): void
  close(): Promise<void>
}

export interface RecordedPartnerBench extends PartnerBench {
  readonly recorder: RecordingUpstream
  readonly recordedBff: RunningBff
  /** alice, signed in on the recorded BFF. */
  readonly recordedAlice: AppBrowser
  /** A partner's settings as the recorded BFF read them (the sandbox configures every partner). */
  settingsOf<Name extends PartnerName>(name: Name): NonNullable<PartnerSettings[Name]>
}

export function startPartnerBench(
  options: BenchOptions & { readonly recorded: RecordedPartner },
): Promise<RecordedPartnerBench>
export function startPartnerBench(options: BenchOptions): Promise<PartnerBench>
export async function startPartnerBench({
  users,
  recorded,
}: BenchOptions): Promise<PartnerBench | RecordedPartnerBench> {
  const lines: string[] = []
  const logTo = { logger: true, logStream: { write: (line: string) => lines.push(line) } }
  // Closed last started first; also on a failed start, which would otherwise leave servers open.
  const started: { close(): Promise<void> }[] = []
  const hold = <Part extends { close(): Promise<void> }>(part: Part) => {
    started.unshift(part)
    return part
  }
  const close = async () => {
    for (const part of started.splice(0)) await part.close()
  }
  try {
    const sandbox = hold(await startTestSandbox())
    const bff = hold(await startTestBff(sandbox, {}, logTo))
    const browsers = new Map<string, AppBrowser>()
    for (const user of users) {
      const browser = new AppBrowser(bff)
      expect((await signIn(browser, user)).status).toBe(200)
      browsers.set(user.email, browser)
    }
    const bench: PartnerBench = {
      sandbox,
      bff,
      startBff: (overrides = {}) => startTestBff(sandbox, overrides, logTo),
      as: (user) => browsers.get(user.email) ?? expect.fail(`${user.email} is out`),
      calls: (party, suffix) =>
        sandbox.control.log(party).filter((r) => r.path.endsWith(suffix)).length,
      failures: () =>
        lines
          .map((line) => JSON.parse(line) as LoggedFailure & { readonly msg: string })
          .filter((line) => line.msg === 'upstream failure')
          .map(({ code, reason }) => ({ code, reason })),
      reset: () => {
        sandbox.control.reset()
        lines.length = 0
      },
      close,
    }
    if (recorded === undefined) return bench
    const recorder = hold(await startRecordingUpstream(recorded.answers))
    const recordedBff = hold(await startTestBff(sandbox, { [recorded.variable]: recorder.url }))
    const recordedAlice = new AppBrowser(recordedBff)
    expect((await signIn(recordedAlice, ALICE)).status).toBe(200)
    return {
      ...bench,
      recorder,
      recordedBff,
      recordedAlice,
      settingsOf: (name) =>
        recordedBff.config.partners[name] ?? expect.fail(`${name} is not configured`),
    }
  } catch (error) {
    await close()
    throw error
  }
}
