// `npm run sandbox` / `tsx sandbox/main.ts [--mode dev|test|production]`: starts the sandbox,
// prints where each of its parties is and who can sign in, and stops cleanly on Ctrl-C or
// SIGTERM. It prints only what it runs: the BFF and the app are not part of the sandbox (npm
// start runs them beside it and prints them). A part that cannot start prints one line.
import { CONTROL_PREFIX } from './control/control-api.ts'
import { portProblem } from './ports.ts'
import { SandboxStartError, startSandbox, type SandboxMode } from './start-sandbox.ts'
import { USERS } from './users.ts'

const WHO = 'sso-bridge sandbox'

/** A wrong command line: printed as one line, no stack. */
class UsageError extends Error {}

const MODES: readonly SandboxMode[] = ['dev', 'test', 'production']

function isMode(value: string): value is SandboxMode {
  return (MODES as readonly string[]).includes(value)
}

function readMode(argv: readonly string[]): SandboxMode {
  const index = argv.findIndex((arg) => arg === '--mode' || arg.startsWith('--mode='))
  const fromArgs = index === -1 ? undefined : (argv[index]?.split('=')[1] ?? argv[index + 1] ?? '')
  const raw = fromArgs ?? process.env['SANDBOX_MODE'] ?? 'dev'
  if (!isMode(raw)) {
    throw new UsageError(`unknown sandbox mode "${raw}": use one of ${MODES.join(', ')}`)
  }
  return raw
}

async function main(): Promise<void> {
  const mode = readMode(process.argv.slice(2))
  const sandbox = await startSandbox({ mode })

  // Listening for signals before saying "Press Ctrl-C" means a quick Ctrl-C closes cleanly too.
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping the sandbox…`)
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)

  const rows: (readonly [string, string])[] = [
    ...sandbox.parties.map((p) => [p.description, p.url] as const),
    sandbox.controlApi === undefined
      ? ['control API', 'off (production mode)']
      : ['control API', `${sandbox.controlApi.url}${CONTROL_PREFIX}  (docs/qa.md)`],
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  const emailWidth = Math.max(...USERS.map((u) => u.email.length))
  const passwordWidth = Math.max(...USERS.map((u) => u.password.length))
  const lines = [
    '',
    `${WHO}, mode ${mode}`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
    'Sandbox users (sandbox-only passwords):',
    ...USERS.map(
      (u) =>
        `  ${u.email.padEnd(emailWidth)}  password ${u.password.padEnd(passwordWidth)}  permissions: ${u.permissions.join(', ') || 'none'}`,
    ),
    '',
    'Press Ctrl-C to stop.',
  ]
  console.log(lines.join('\n'))
}

function oneLine(error: unknown): string | undefined {
  if (error instanceof SandboxStartError) {
    if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
      return portProblem(WHO, error.part, error.port, error.code)
    }
    return `${WHO}: ${error.message} on port ${error.port}: ${String(error.cause)}`
  }
  if (error instanceof UsageError) return `${WHO}: ${error.message}`
  return undefined
}

main().catch((error: unknown) => {
  // Expected failures get one line; anything else is a bug, printed whole.
  console.error(oneLine(error) ?? error)
  process.exit(1)
})
