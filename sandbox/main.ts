#!/usr/bin/env node
// The kit's CLI, `sso-bridge-sandbox` (`npm run sandbox` here): starts the sandbox and the BFF for
// the registered apps on a journey stack (cli-args.ts), prints where each of them is, which apps
// may sign in and who can, and stops cleanly on Ctrl-C or SIGTERM. With --no-bff it runs the
// sandbox alone (npm start runs the BFF from source beside it). A part that cannot start, or a
// wrong argument, prints one line.
import { AppRegistrationError } from './apps.ts'
import { BffStartError } from './bff-process.ts'
import { UsageError, parseArguments } from './cli-args.ts'
import { portProblem } from './ports.ts'
import { SandboxStartError } from './start-parties.ts'
import { startSandbox } from './start.ts'
import { USERS } from './users.ts'

const WHO = 'sso-bridge sandbox'

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2))
  const sandbox = await startSandbox(args)

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
    sandbox.urls.control === undefined
      ? ['control API', 'off (production mode)']
      : ['control API', `${sandbox.urls.control}  (docs/qa.md)`],
  ]
  const width = Math.max(...rows.map(([label]) => label.length))
  const emailWidth = Math.max(...USERS.map((u) => u.email.length))
  const passwordWidth = Math.max(...USERS.map((u) => u.password.length))
  const lines = [
    '',
    `${WHO}, mode ${sandbox.mode}, stack ${sandbox.stack}`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
    'Registered apps (sign-in starts from these origins, comes back to these callbacks):',
    ...sandbox.apps.map((app) => `  ${app.name}  ${app.origin}${app.callbackPath}`),
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
  if (
    error instanceof UsageError ||
    error instanceof AppRegistrationError ||
    error instanceof BffStartError
  ) {
    return `${WHO}: ${error.message}`
  }
  return undefined
}

main().catch((error: unknown) => {
  // Expected failures get one line; anything else is a bug, printed whole.
  console.error(oneLine(error) ?? error)
  process.exit(1)
})
