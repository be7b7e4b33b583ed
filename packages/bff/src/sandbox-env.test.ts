// The BFF configured for the sandbox (sandbox/bff-env.ts) serves the host app as it serves ours: its
// Host and Origin pass the BFF's guard, and a sign-in started there comes back to the host app's
// own callback path.
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { bffEnvironment } from '../../../sandbox/bff-env.ts'
import { originOf } from '../../../sandbox/ports.ts'
import { startSandbox, type RunningSandbox } from '../../../sandbox/start-sandbox.ts'
import { buildBff } from './app.ts'
import { readConfig } from './config.ts'

const FREE_PORTS = { idp: 0, indee: 0, assuresign: 0, aimbase: 0, abc: 0, lob: 0, control: 0 }

let sandbox: RunningSandbox
let bff: FastifyInstance

beforeAll(async () => {
  sandbox = await startSandbox({ mode: 'test', quiet: true, ports: FREE_PORTS })
  const env = bffEnvironment({
    indee: sandbox.indee.url,
    assuresign: sandbox.assuresign.url,
    aimbase: sandbox.aimbase.url,
    abc: sandbox.abc.url,
  })
  const config = readConfig(env)
  if (!config.ok) expect.fail(config.problems.join('; '))
  bff = await buildBff({ config: config.config, logger: false })
})

afterAll(async () => {
  await bff.close()
  await sandbox.close()
})

function initiateFrom(origin: string) {
  return bff.inject({
    method: 'POST',
    url: '/api/sso/initiate',
    headers: { host: new URL(origin).host, origin, 'content-type': 'application/json' },
    payload: { email: 'alice@example.com' },
  })
}

test.each([originOf('hostApp'), originOf('hostApp').replace('127.0.0.1', 'localhost')])(
  'starts a sign-in from the host app at %s back to its /auth/callback',
  async (hostApp) => {
    const response = await initiateFrom(hostApp)
    expect(response.statusCode).toBe(200)
    const { redirect } = response.json<{ redirect: string }>()
    expect(new URL(redirect).searchParams.get('redirect_uri')).toBe(`${hostApp}/auth/callback`)
  },
)

test('still starts our app on /sso/callback, and refuses an origin nobody registered', async () => {
  const ours = await initiateFrom(originOf('appPreview'))
  expect(ours.statusCode).toBe(200)
  const { redirect } = ours.json<{ redirect: string }>()
  expect(new URL(redirect).searchParams.get('redirect_uri')).toBe(
    `${originOf('appPreview')}/sso/callback`,
  )
  const stranger = await initiateFrom('http://127.0.0.1:4999')
  expect(stranger.statusCode).toBe(403)
})
