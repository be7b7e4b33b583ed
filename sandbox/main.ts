// `npm run sandbox` / `tsx sandbox/main.ts [--mode dev|test|production]`: starts the sandbox,
// prints where everything is and who can sign in, and stops cleanly on Ctrl-C or SIGTERM.
import { CONTROL_PREFIX } from './control/control-api.ts'
import { originOf } from './ports.ts'
import { startSandbox, type SandboxMode } from './start-sandbox.ts'
import { USERS } from './users.ts'

const MODES: readonly SandboxMode[] = ['dev', 'test', 'production']

function isMode(value: string): value is SandboxMode {
  return (MODES as readonly string[]).includes(value)
}

function readMode(argv: readonly string[]): SandboxMode {
  const index = argv.findIndex((arg) => arg === '--mode' || arg.startsWith('--mode='))
  const fromArgs = index === -1 ? undefined : (argv[index]?.split('=')[1] ?? argv[index + 1] ?? '')
  const raw = fromArgs ?? process.env['SANDBOX_MODE'] ?? 'dev'
  if (!isMode(raw)) {
    throw new Error(`unknown sandbox mode "${raw}": use one of ${MODES.join(', ')}`)
  }
  return raw
}

async function main(): Promise<void> {
  const mode = readMode(process.argv.slice(2))
  const sandbox = await startSandbox({ mode })

  const rows: (readonly [string, string])[] = [
    ...sandbox.parties.map((p) => [p.description, p.url] as const),
    sandbox.controlApi === undefined
      ? ['control API', 'off (production mode)']
      : ['control API', `${sandbox.controlApi.url}${CONTROL_PREFIX}  (docs/qa.md)`],
    // The product runs in processes of its own: npm start starts the BFF and the dev server.
    ['sso-bridge BFF (/api/*), its own process', originOf('bff')],
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  const emailWidth = Math.max(...USERS.map((u) => u.email.length))
  const passwordWidth = Math.max(...USERS.map((u) => u.password.length))
  const lines = [
    '',
    `sso-bridge sandbox, mode ${mode}`,
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
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
