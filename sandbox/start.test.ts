// The kit's start API with a host app registered from code: the identity provider, the auth
// backend and the BFF (a child process, as the kit runs it) all accept a sign-in started from the
// host app's origin and send the browser back to its own callback path.
import http from 'node:http'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { TestBrowser } from './lib/test-browser.ts'
import { startSandbox, type RunningSandbox } from './start.ts'
import { SANDBOX_USERS } from './users.ts'

const ACME = 'http://127.0.0.1:4180'
const FREE = { idp: 0, indee: 0, assuresign: 0, aimbase: 0, abc: 0, lob: 0, control: 0, bff: 0 }

let sandbox: RunningSandbox

beforeAll(async () => {
  sandbox = await startSandbox({
    apps: [{ name: 'Acme CRM', callbackUrl: `${ACME}/login/complete` }],
    ports: FREE,
    quiet: true,
    // The BFF from source: the unit tests run before the build.
    bffCommand: [process.execPath, '--import', 'tsx', 'packages/bff/src/main.ts'],
  })
}, 60_000)

afterAll(async () => {
  await sandbox.close()
})

/** A POST to the BFF as the browser on `origin` sends it (Host and Origin of the app). */
function postFrom(origin: string, path: string, body: unknown) {
  const bff = new URL(sandbox.urls.bff ?? expect.fail('no BFF'))
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: bff.hostname,
        port: bff.port,
        path,
        method: 'POST',
        headers: {
          host: new URL(origin).host,
          origin,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/json',
        },
      },
      (response) => {
        let text = ''
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }))
      },
    )
    request.on('error', reject)
    request.end(JSON.stringify(body))
  })
}

test("starts a sign-in from the registered host app's origin back to its own callback", async () => {
  const alice = SANDBOX_USERS.alice
  const started = await postFrom(ACME, '/api/sso/initiate', { email: alice.email })
  expect(started.status, started.body).toBe(200)
  const { redirect, state } = JSON.parse(started.body) as { redirect: string; state: string }
  expect(new URL(redirect).searchParams.get('redirect_uri')).toBe(`${ACME}/login/complete`)

  const browser = new TestBrowser()
  const { url: page, response } = await browser.followUntil(redirect, `${ACME}/login/complete`)
  expect(await response.text()).toContain('to continue to <strong>Acme CRM</strong>')
  const posted = await browser.submitForm(page, {
    email: alice.email,
    password: alice.password,
    action: 'login',
  })
  const next = new URL(posted.headers.get('location') ?? expect.fail('no redirect'), page).href
  const callback = next.startsWith(`${ACME}/login/complete`)
    ? next
    : (await browser.followUntil(next, `${ACME}/login/complete`)).url
  expect(new URL(callback).searchParams.get('state')).toBe(state)
})

test('refuses a sign-in from an origin nobody registered', async () => {
  const refused = await postFrom('http://127.0.0.1:4999', '/api/sso/initiate', {
    email: SANDBOX_USERS.alice.email,
  })
  expect(refused.status).toBe(403)
})

test('lists the host app under both loopback names and tells where every party is', () => {
  expect(sandbox.apps.filter((app) => app.name === 'Acme CRM').map((app) => app.origin)).toEqual([
    ACME,
    'http://localhost:4180',
  ])
  expect(sandbox.urls.control).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/__sandbox$/)
  expect(sandbox.parties.at(-1)).toEqual({
    description: 'BFF (sso-bridge-bff)',
    url: sandbox.urls.bff,
  })
})
