// The BFF configured for the sandbox (sandbox/bff-env.ts) serves a host app registered by
// configuration as it serves ours: its Host and Origin pass the BFF's guard, and a sign-in started
// there comes back to the host app's own callback path.
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { bffEnvironment } from '../../../sandbox/bff-env.ts'
import { appClientsOf } from '../../../sandbox/idp/client-registration.ts'
import { originOf } from '../../../sandbox/ports.ts'
import { startParties, type RunningParties } from '../../../sandbox/start-parties.ts'
import { buildBff } from './app.ts'
import { readConfig } from './config.ts'

const HOST_APP = { name: 'Acme CRM', callbackUrl: 'http://127.0.0.1:4180/login/complete' }
const FREE_PORTS = { idp: 0, indee: 0, assuresign: 0, aimbase: 0, abc: 0, lob: 0, control: 0 }

let sandbox: RunningParties
let bff: FastifyInstance

beforeAll(async () => {
  sandbox = await startParties({ mode: 'test', quiet: true, ports: FREE_PORTS, apps: [HOST_APP] })
  const env = bffEnvironment(
    {
      indee: sandbox.indee.url,
      assuresign: sandbox.assuresign.url,
      aimbase: sandbox.aimbase.url,
      abc: sandbox.abc.url,
    },
    undefined,
    undefined,
    sandbox.appClients,
  )
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

test.each(['http://127.0.0.1:4180', 'http://localhost:4180'])(
  'starts a sign-in from the registered host app at %s back to its /login/complete',
  async (hostApp) => {
    const response = await initiateFrom(hostApp)
    expect(response.statusCode).toBe(200)
    const { redirect } = response.json<{ redirect: string }>()
    expect(new URL(redirect).searchParams.get('redirect_uri')).toBe(`${hostApp}/login/complete`)
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

test('our loopback apps alone need no SSO_BFF_ALLOW_INSECURE; beside an https host app they do', () => {
  const ours = readConfig(bffEnvironment())
  expect(ours.ok && ours.warnings).toEqual([])
  const beta = { name: 'Beta', origin: 'https://beta.example', callbackPath: '/cb' }
  const env = bffEnvironment(undefined, undefined, undefined, appClientsOf([beta]))
  expect(env['SSO_BFF_ALLOW_INSECURE']).toBe('true')
  const mixed = readConfig(env)
  expect(mixed.ok && mixed.warnings.map((warning) => warning.split(':')[0])).toEqual([
    'SSO_BFF_APP_ORIGINS',
  ])
})
