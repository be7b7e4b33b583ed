// The kit's CLI (sandbox/main.ts, `npm run sandbox`): a taken port or a bad argument stops it with
// one line naming the value, and a non-zero exit, having closed what it had started.
import { expect, test } from 'vitest'
import { linesOf, occupy, portEnvironment, runNode } from './lib/test-process.ts'
import { SANDBOX_PORTS } from './ports.ts'

test('a taken party port stops the sandbox with one line naming it and its variable', async () => {
  const { env, ports } = await portEnvironment(SANDBOX_PORTS)
  const port = ports['aimbase'] ?? expect.fail('no port')
  const taken = await occupy(port)
  try {
    const run = await runNode(['--import', 'tsx', 'sandbox/main.ts', '--mode', 'test'], env)
    expect(linesOf(run.stderr)).toEqual([
      `sso-bridge sandbox: port ${port} (Aimbase emulator) is taken; set SSO_PORT_AIMBASE to use another.`,
    ])
    expect(run.stdout).toBe('')
    expect(run.code).toBe(1)
  } finally {
    await taken.close()
  }
  // The parties started before it are closed again: their ports are free.
  const again = await occupy(ports['idp'] ?? expect.fail('no port'))
  await again.close()
})

test('a host app that is not http(s) stops it with one line naming the value, before any party starts', async () => {
  const run = await runNode(
    [
      '--import',
      'tsx',
      'sandbox/main.ts',
      '--app',
      'Acme CRM=http://127.0.0.1:4180/ok',
      '--app',
      'Bad=httpx://nowhere/cb',
    ],
    {},
  )
  expect(linesOf(run.stderr)).toEqual([
    'sso-bridge sandbox: app "Bad": "httpx://nowhere/cb" is not an http(s) URL',
  ])
  expect(run.stdout).toBe('')
  expect(run.code).toBe(1)
})

test('with --no-bff prints its own parties, the registered apps and users, and not the BFF it does not run', async () => {
  const { env } = await portEnvironment([...SANDBOX_PORTS, 'bff', 'appDev', 'appPreview'])
  const run = await runNode(
    [
      '--import',
      'tsx',
      'sandbox/main.ts',
      '--mode',
      'test',
      '--no-bff',
      '--app',
      'Acme CRM=http://127.0.0.1:4180/login/complete',
    ],
    env,
    { stopWhen: 'Press Ctrl-C to stop.' },
  )
  // Its stderr and exit code name the cause when it printed nothing (a port taken meanwhile).
  expect(run.stdout, `exit ${run.code}: ${run.stderr}`).toContain(
    `identity provider (OpenID Connect issuer)  http://127.0.0.1:${env['SSO_PORT_IDP']}`,
  )
  expect(run.stdout).toContain('alice@example.com')
  expect(run.stdout).toContain('Acme CRM  http://127.0.0.1:4180/login/complete')
  expect(run.stdout).toContain('Acme CRM  http://localhost:4180/login/complete')
  expect(run.stdout).not.toContain(`:${env['SSO_PORT_BFF']}`)
  // The app's origins are registered, not run.
  expect(run.stdout).toContain(
    `Northwind Partner Hub  http://127.0.0.1:${env['SSO_PORT_APP_PREVIEW']}/sso/callback`,
  )
  expect(run.stdout).not.toMatch(/BFF/)
  expect(run.code).toBe(0)
})
