// On moved sandbox ports (SSO_PORT_*: the journeys' second stack, `SSO_PORT_IDP=5010 npm start`)
// the dev and preview servers of our app serve /sso.config.json with the sandbox origins on the
// running ports, and preview's form-action follows; the file on disk keeps the defaults. The
// servers run in this process on free ports. (The example host app serves its config through the
// same plugin of the testing kit, from its installed package: sandbox/vite.test.ts tests the
// plugin, and the example's journeys on stack 1 use it for real.)
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer, preview, type InlineConfig } from 'vite'
import { afterEach, expect, test } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const MOVED = {
  SSO_PORT_IDP: '5010',
  SSO_PORT_ASSURESIGN: '5030',
  SSO_PORT_AIMBASE: '5040',
  SSO_PORT_LOB: '5060',
}

const saved = { ...process.env }
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  process.env = { ...saved }
  await Promise.all(closers.splice(0).map((close) => close()))
})

/** No SSO_PORT_* of the shell running the tests; then the four moved ones, when asked. */
function usePorts(moved: boolean): void {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('SSO_PORT_')) Reflect.deleteProperty(process.env, name)
  }
  if (moved) Object.assign(process.env, MOVED)
}

interface Served {
  readonly config: Record<string, unknown>
  readonly text: string
  readonly headers: Headers
}

async function fetchConfig(port: number): Promise<Served> {
  const response = await fetch(`http://127.0.0.1:${port}/sso.config.json`)
  expect(response.status).toBe(200)
  const text = await response.text()
  return { config: JSON.parse(text) as Record<string, unknown>, text, headers: response.headers }
}

/** The config file's origins, as the app reads them. */
function originsOf(config: Record<string, unknown>) {
  const c = config as {
    identityProvider: { issuer: string }
    partners: {
      assuresign: { origin: string }
      aimbase: { origin: string }
      abc: { lobs: { portalUrl: string }[] }
    }
  }
  return {
    issuer: c.identityProvider.issuer,
    assuresign: c.partners.assuresign.origin,
    aimbase: c.partners.aimbase.origin,
    portals: c.partners.abc.lobs.map((lob) => new URL(lob.portalUrl).origin),
  }
}

const MOVED_ORIGINS = {
  issuer: 'http://127.0.0.1:5010',
  assuresign: 'http://127.0.0.1:5030',
  aimbase: 'http://127.0.0.1:5040',
  portals: ['http://127.0.0.1:5060', 'http://127.0.0.1:5060'],
}

const inline = (root: string, extra: InlineConfig = {}): InlineConfig => ({
  root,
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'silent',
  ...extra,
})

async function devServer(root: string): Promise<number> {
  const server = await createServer(inline(root, { server: { port: 0, strictPort: false } }))
  await server.listen()
  closers.push(() => server.close())
  return (server.httpServer?.address() as AddressInfo).port
}

/** vite preview of a build that is only the runtime config (no `npm run build` needed). */
async function previewServer(root: string): Promise<number> {
  const outDir = mkdtempSync(join(tmpdir(), 'sso-preview-'))
  cpSync(join(root, 'public', 'sso.config.json'), join(outDir, 'sso.config.json'))
  const server = await preview(
    inline(root, { build: { outDir }, preview: { port: 0, strictPort: false } }),
  )
  closers.push(async () => {
    await server.close()
    rmSync(outDir, { recursive: true, force: true })
  })
  return (server.httpServer.address() as AddressInfo).port
}

for (const [app, root] of [['our app', ROOT]] as const) {
  const onDisk = readFileSync(join(root, 'public', 'sso.config.json'), 'utf8')

  test(`${app}: the dev server serves the config with the moved ports`, async () => {
    usePorts(true)
    const { config } = await fetchConfig(await devServer(root))
    expect(originsOf(config)).toEqual(MOVED_ORIGINS)
    expect(readFileSync(join(root, 'public', 'sso.config.json'), 'utf8')).toBe(onDisk)
  })

  test(`${app}: vite preview serves the config with the moved ports`, async () => {
    usePorts(true)
    const { config, headers } = await fetchConfig(await previewServer(root))
    expect(originsOf(config)).toEqual(MOVED_ORIGINS)
    expect(headers.get('content-type')).toMatch(/^application\/json/)
    expect(headers.get('cache-control')).toBe('no-store')
  })

  test(`${app}: on the default ports the file is served as it is`, async () => {
    usePorts(false)
    const { text } = await fetchConfig(await devServer(root))
    expect(text).toBe(onDisk)
  })
}

test("our preview's form-action names the moved portal origin", async () => {
  usePorts(true)
  const response = await fetch(`http://127.0.0.1:${await previewServer(ROOT)}/`)
  const csp = response.headers.get('content-security-policy') ?? ''
  expect(csp.split('; ')).toContain('form-action http://127.0.0.1:5060')
})
