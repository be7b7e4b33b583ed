// The kit's command line, `sso-bridge-sandbox [--mode dev|test|production] [--stack k]
// [--app "NAME=URL"]... [--no-bff]`, with SANDBOX_MODE, SSO_SANDBOX_STACK and SSO_SANDBOX_APPS as
// defaults (an --app adds to SSO_SANDBOX_APPS). Anything wrong is one line naming the value.
import { appsFromEnvironment, checkApps, parseAppSpec, type HostApp } from './apps.ts'
import { STACK_VARIABLE, parseStack } from './ports.ts'
import type { SandboxMode } from './start-parties.ts'

/** A wrong command line: printed as one line, no stack. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export interface CliArguments {
  readonly mode: SandboxMode
  readonly stack: number
  readonly apps: readonly HostApp[]
  readonly bff: boolean
}

const MODES: readonly SandboxMode[] = ['dev', 'test', 'production']

export const USAGE =
  'usage: sso-bridge-sandbox [--mode dev|test|production] [--stack k] [--app "NAME=URL"]... [--no-bff]'

function isMode(value: string): value is SandboxMode {
  return (MODES as readonly string[]).includes(value)
}

/** Every flag of the command line; `env` gives the defaults. */
export function parseArguments(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): CliArguments {
  let mode: string | undefined
  let stack: string | undefined
  let bff = true
  const appSpecs: string[] = []
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? ''
    const [flag = '', inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg]
    const value = () => {
      if (inline !== undefined) return inline
      const next = argv[i + 1]
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`)
      i += 1
      return next
    }
    if (flag === '--mode') mode = value()
    else if (flag === '--stack') stack = value()
    else if (flag === '--app') appSpecs.push(value())
    else if (flag === '--no-bff' && inline === undefined) bff = false
    else throw new UsageError(`unknown argument "${arg}"; ${USAGE}`)
  }
  const chosenMode = mode ?? env['SANDBOX_MODE'] ?? 'dev'
  if (!isMode(chosenMode)) {
    throw new UsageError(`unknown sandbox mode "${chosenMode}": use one of ${MODES.join(', ')}`)
  }
  try {
    return {
      mode: chosenMode,
      stack: parseStack(
        stack ?? env[STACK_VARIABLE],
        stack === undefined ? STACK_VARIABLE : '--stack',
      ),
      apps: checkApps([...appsFromEnvironment(env), ...appSpecs.map(parseAppSpec)]),
      bff,
    }
  } catch (error) {
    throw error instanceof Error ? new UsageError(error.message) : error
  }
}
