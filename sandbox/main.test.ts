// `npm run sandbox` (sandbox/main.ts) on its own: a taken port stops it with one line naming the
// port and the variable that moves it, and a non-zero exit, having closed what it had started.
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

test('prints its own parties and users, and not the BFF or the app it does not run', async () => {
  const { env } = await portEnvironment([...SANDBOX_PORTS, 'bff', 'appDev', 'appPreview'])
  const run = await runNode(['--import', 'tsx', 'sandbox/main.ts', '--mode', 'test'], env, {
    stopWhen: 'Press Ctrl-C to stop.',
  })
  // Its stderr and exit code name the cause when it printed nothing (a port taken meanwhile).
  expect(run.stdout, `exit ${run.code}: ${run.stderr}`).toContain(
    `identity provider (OpenID Connect issuer)  http://127.0.0.1:${env['SSO_PORT_IDP']}`,
  )
  expect(run.stdout).toContain('alice@example.com')
  expect(run.stdout).not.toContain(`:${env['SSO_PORT_BFF']}`)
  expect(run.stdout).not.toContain(`:${env['SSO_PORT_APP_DEV']}`)
  expect(run.stdout).not.toContain(`:${env['SSO_PORT_APP_PREVIEW']}`)
  expect(run.stdout).not.toMatch(/BFF/)
  expect(run.code).toBe(0)
})
