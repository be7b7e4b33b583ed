import { expect, test } from 'vitest'
import { listen } from './lib/http.ts'
import { indeeApiKey } from './indee/api-key.ts'
import { startSandbox } from './start-sandbox.ts'

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
  const sandbox = await startSandbox({ mode: 'test', quiet: true, ports: FREE_PORTS })
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
  const sandbox = await startSandbox({ mode: 'production', quiet: true, ports: FREE_PORTS })
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
    const failing = startSandbox({
      mode: 'test',
      quiet: true,
      ports: { ...FREE_PORTS, aimbase: taken.port },
    })
    await expect(failing).rejects.toThrow('could not start the Aimbase emulator')
  } finally {
    await taken.close()
  }
})
