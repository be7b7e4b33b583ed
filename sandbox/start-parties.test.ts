import { expect, test } from 'vitest'
import { listen } from './lib/http.ts'
import { indeeApiKey } from './indee/api-key.ts'
import { originOf } from './ports.ts'
import { startParties, type SandboxMode } from './start-parties.ts'

const FREE_PORTS = {
  idp: 0,
  indee: 0,
  control: 0,
  assuresign: 0,
  aimbase: 0,
  abc: 0,
  lob: 0,
} as const

test('starts every party wired together and stops them all', async () => {
  const sandbox = await startParties({ mode: 'test', quiet: true, ports: FREE_PORTS })
  try {
    expect(sandbox.parties.map((p) => p.name)).toEqual([
      'idp',
      'indee',
      'assuresign',
      'aimbase',
      'abc',
      'lob',
    ])
    const discovery = await fetch(`${sandbox.idp.issuer}/.well-known/openid-configuration`)
    expect(discovery.status).toBe(200)
    const initiate = await fetch(`${sandbox.indee.url}/v1/admin/auth/sso/initiate`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://127.0.0.1:5173',
        authorization: `Bearer ${indeeApiKey()}`,
      },
      body: JSON.stringify({ username: 'alice@example.com' }),
    })
    const body = (await initiate.json()) as { redirect: string }
    expect(new URL(body.redirect).origin).toBe(sandbox.idp.issuer)
    const settings = await fetch(`${sandbox.controlApi?.url ?? ''}/__sandbox/settings`)
    expect(settings.status).toBe(200)
    for (const emulator of [sandbox.assuresign, sandbox.aimbase, sandbox.lob]) {
      const record = await fetch(`${emulator.url}/__emulator/last-landing`)
      expect(await record.json()).toEqual({ message: 'no landing request yet' })
    }
  } finally {
    await sandbox.close()
  }
  for (const party of sandbox.parties) await expect(fetch(party.url)).rejects.toThrow()
  await expect(fetch(sandbox.controlApi?.url ?? '')).rejects.toThrow()
})

test('serves no control API and no emulator debug endpoint in production mode', async () => {
  const sandbox = await startParties({ mode: 'production', quiet: true, ports: FREE_PORTS })
  try {
    expect(sandbox.controlApi).toBeUndefined()
    for (const party of sandbox.parties) {
      const settings = await fetch(`${party.url}/__sandbox/settings`)
      expect(settings.status).not.toBe(200)
    }
    for (const emulator of [sandbox.assuresign, sandbox.aimbase, sandbox.lob]) {
      const record = await fetch(`${emulator.url}/__emulator/last-landing`)
      expect(record.status).toBe(404)
      expect(await record.text()).not.toContain('no landing request yet')
    }
  } finally {
    await sandbox.close()
  }
})

test('fails naming the party whose port is taken', async () => {
  const taken = await listen(() => undefined, 0)
  try {
    const failing = startParties({
      mode: 'test',
      quiet: true,
      ports: { ...FREE_PORTS, aimbase: taken.port },
    })
    await expect(failing).rejects.toThrow('could not start the Aimbase emulator')
  } finally {
    await taken.close()
  }
})

/** The href of the link back to the app on the portal's 404 page and on the IdP's error page. */
async function linksBack(mode: SandboxMode, appOrigin?: string): Promise<string[]> {
  const options = appOrigin === undefined ? {} : { appOrigin }
  const sandbox = await startParties({ mode, quiet: true, ports: FREE_PORTS, ...options })
  try {
    const pages = [`${sandbox.lob.url}/nowhere`, `${sandbox.idp.url}/auth`]
    return await Promise.all(
      pages.map(async (url) => {
        const html = await (await fetch(url)).text()
        return /<a href="([^"]*)">Back to Northwind Partner Hub<\/a>/.exec(html)?.[1] ?? 'none'
      }),
    )
  } finally {
    await sandbox.close()
  }
}

test('its pages link back to the Vite dev server in dev mode', async () => {
  expect(await linksBack('dev')).toEqual([`${originOf('appDev')}/`, `${originOf('appDev')}/`])
})

test('its pages link back to vite preview in test and production mode', async () => {
  const preview = `${originOf('appPreview')}/`
  expect(await linksBack('test')).toEqual([preview, preview])
  expect(await linksBack('production')).toEqual([preview, preview])
})

test('its pages link back to the app origin it is given', async () => {
  expect(await linksBack('dev', 'http://127.0.0.1:4180')).toEqual([
    'http://127.0.0.1:4180/',
    'http://127.0.0.1:4180/',
  ])
})
