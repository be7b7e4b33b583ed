// The kit's Vite plugin on a journey stack: the app's port, the /api proxy and the runtime config
// with every sandbox origin moved to the stack's ports, served by a real dev server.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type Plugin, type UserConfig } from 'vite'
import { afterEach, expect, test } from 'vitest'
import { appPortOnStack, runtimeConfigOnStack, ssoSandbox } from './vite.ts'

const CONFIG = JSON.stringify({
  apiBase: '/api',
  identityProvider: { issuer: 'http://127.0.0.1:4010' },
  partners: {
    assuresign: { origin: 'http://127.0.0.1:4030' },
    abc: { lobs: [{ portalUrl: 'http://127.0.0.1:4060/lob/ABSLI/sso' }] },
  },
  elsewhere: 'https://cdn.example:4010/x',
})

const saved = { ...process.env }
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  process.env = { ...saved }
  await Promise.all(closers.splice(0).map((close) => close()))
})

/** Only SSO_SANDBOX_STACK (and the given variables) set, none of the shell's SSO_* ones. */
function useEnvironment(vars: Record<string, string>): void {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('SSO_')) Reflect.deleteProperty(process.env, name)
  }
  Object.assign(process.env, vars)
}

test('moves every sandbox origin of the runtime config to stack k, and nothing else', () => {
  const moved = JSON.parse(runtimeConfigOnStack(CONFIG, { SSO_SANDBOX_STACK: '2' })) as {
    identityProvider: { issuer: string }
    partners: { assuresign: { origin: string }; abc: { lobs: { portalUrl: string }[] } }
    elsewhere: string
  }
  expect(moved.identityProvider.issuer).toBe('http://127.0.0.1:4210')
  expect(moved.partners.assuresign.origin).toBe('http://127.0.0.1:4230')
  expect(moved.partners.abc.lobs[0]?.portalUrl).toBe('http://127.0.0.1:4260/lob/ABSLI/sso')
  expect(moved.elsewhere).toBe('https://cdn.example:4010/x')
  expect(runtimeConfigOnStack(CONFIG, {})).toBe(CONFIG)
})

test('reads the SSO_PORT_* variables of the environment it is given, each time', () => {
  const text = '{"issuer":"http://127.0.0.1:4010"}'
  expect(runtimeConfigOnStack(text, { SSO_PORT_IDP: '5010' })).toBe(
    '{"issuer":"http://127.0.0.1:5010"}',
  )
  expect(runtimeConfigOnStack(text, {})).toBe(text)
  expect(runtimeConfigOnStack(text, { SSO_PORT_IDP: '5010', SSO_SANDBOX_STACK: '1' })).toBe(
    '{"issuer":"http://127.0.0.1:5110"}',
  )
})

test('puts the app on its base port + 100·k, or on SSO_SANDBOX_APP_PORT when it is set', () => {
  expect(appPortOnStack(4180, {})).toBe(4180)
  expect(appPortOnStack(4180, { SSO_SANDBOX_STACK: '3' })).toBe(4480)
  expect(appPortOnStack(4180, { SSO_SANDBOX_STACK: '3', SSO_SANDBOX_APP_PORT: '4999' })).toBe(4999)
  expect(() => appPortOnStack(4180, { SSO_SANDBOX_APP_PORT: 'x' })).toThrow(
    'SSO_SANDBOX_APP_PORT must be a TCP port, got "x"',
  )
})

function configOf(plugin: Plugin, given: UserConfig = {}): UserConfig {
  const hook = plugin.config
  if (typeof hook !== 'function') return expect.fail('the plugin has no config hook')
  return hook.call({} as never, given, { command: 'serve', mode: 'development' }) as UserConfig
}

test("listens on the stack's app port on 127.0.0.1 and proxies /api to the stack's BFF unchanged", () => {
  useEnvironment({ SSO_SANDBOX_STACK: '1' })
  const config = configOf(ssoSandbox({ port: 4180 }))
  expect(config.server).toMatchObject({
    host: '127.0.0.1',
    port: 4280,
    strictPort: true,
    proxy: { '/api': { target: 'http://127.0.0.1:4120', changeOrigin: false } },
  })
  expect(config.preview).toMatchObject({ port: 4280, strictPort: true })
})

test("leaves the port and proxy an app's own config already gives", () => {
  useEnvironment({})
  const config = configOf(ssoSandbox({ port: 4180, previewPort: 4181 }), {
    server: { port: 0, strictPort: false, proxy: { '/api': 'http://elsewhere.invalid' } },
  })
  expect(config.server).toEqual({ host: '127.0.0.1', port: 0, strictPort: false })
  expect(config.preview).toMatchObject({ port: 4181 })
})

test('the dev server serves public/sso.config.json on the stack, never cached', async () => {
  useEnvironment({ SSO_SANDBOX_STACK: '1' })
  const root = mkdtempSync(join(tmpdir(), 'sso-kit-vite-'))
  mkdirSync(join(root, 'public'))
  writeFileSync(join(root, 'public', 'sso.config.json'), CONFIG)
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [ssoSandbox({ port: 4180 })],
    server: { port: 0, strictPort: false },
  })
  await server.listen()
  closers.push(async () => {
    await server.close()
    rmSync(root, { recursive: true, force: true })
  })
  const { port } = server.httpServer?.address() as AddressInfo
  const response = await fetch(`http://127.0.0.1:${port}/sso.config.json`)
  expect(response.headers.get('cache-control')).toBe('no-store')
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(await response.text()).toBe(runtimeConfigOnStack(CONFIG, { SSO_SANDBOX_STACK: '1' }))
})
