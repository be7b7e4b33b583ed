// npm start's pre-flight check (scripts/start.mjs): a port it needs that is taken, or one port
// given to two parts, stops it before it starts anything, with one line and a non-zero exit.
import { afterEach, expect, test } from 'vitest'
import { SANDBOX_PORTS, type PartyPort } from '../sandbox/ports.ts'
import { occupy, portEnvironment, runNode } from '../sandbox/lib/test-process.ts'

/** Every port npm start listens on. */
const NPM_START_PORTS: readonly PartyPort[] = [...SANDBOX_PORTS, 'bff', 'appDev']

const held: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => server.close()))
})

test.each([
  ['idp', 'identity provider', 'SSO_PORT_IDP'],
  ['control', 'control API', 'SSO_PORT_CONTROL'],
  ['bff', 'BFF', 'SSO_PORT_BFF'],
  ['appDev', 'Vite dev server', 'SSO_PORT_APP_DEV'],
] as const)(
  'a taken %s port stops npm start with one line naming it and its variable',
  async (name, label, variable) => {
    const { env, ports } = await portEnvironment(NPM_START_PORTS)
    const port = ports[name] ?? expect.fail('no port')
    held.push(await occupy(port))
    const run = await runNode(['scripts/start.mjs'], env)
    expect(run.stderr).toBe(
      `npm start: port ${port} (${label}) is taken; set ${variable} to use another.\n`,
    )
    expect(run.stdout).toBe('')
    expect(run.code).toBe(1)
  },
)

test('one port given to two parts stops npm start with one line naming both variables', async () => {
  const { env, ports } = await portEnvironment(NPM_START_PORTS)
  const run = await runNode(['scripts/start.mjs'], { ...env, SSO_PORT_BFF: String(ports['lob']) })
  expect(run.stderr).toBe(
    `npm start: port ${ports['lob']} is set for the line-of-business portal (SSO_PORT_LOB) and the BFF (SSO_PORT_BFF); give each its own.\n`,
  )
  expect(run.code).toBe(1)
})

test('a port variable that is not a port stops npm start with one line', async () => {
  const run = await runNode(['scripts/start.mjs'], { SSO_PORT_IDP: 'abc' })
  expect(run.stderr).toBe('npm start: SSO_PORT_IDP must be a TCP port, got "abc"\n')
  expect(run.code).toBe(1)
})
