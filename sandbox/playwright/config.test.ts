// sandboxConfig: per stack k the kit's CLI with the host app registered, and the host app's own
// server told its stack; baseURL names stack 0 (the fixtures move it to the worker's stack).
import { afterEach, expect, test } from 'vitest'
import { sandboxConfig } from './config.ts'

const saved = process.env['CI']
afterEach(() => {
  if (saved === undefined) Reflect.deleteProperty(process.env, 'CI')
  else process.env['CI'] = saved
})

const app = {
  name: 'Acme CRM',
  callbackPath: '/login/complete',
  port: 4180,
  command: 'npm run preview',
  cwd: 'web',
}

test('starts the CLI and the host app on every stack, each on its own ports', () => {
  Reflect.deleteProperty(process.env, 'CI')
  const config = sandboxConfig({ app, workers: 2 })
  expect(config.workers).toBe(2)
  expect(config.use).toEqual({ baseURL: 'http://127.0.0.1:4180' })
  expect(
    config.webServer.map(({ name, command, url, env, cwd }) => ({ name, command, url, env, cwd })),
  ).toEqual([
    {
      name: 'sandbox 0',
      command:
        "npx sso-bridge-sandbox --mode test --stack 0 --app 'Acme CRM=http://127.0.0.1:4180/login/complete'",
      url: 'http://127.0.0.1:4020/healthz',
      env: {},
      cwd: undefined,
    },
    {
      name: 'Acme CRM 0',
      command: 'npm run preview',
      url: 'http://127.0.0.1:4180',
      env: { SSO_SANDBOX_STACK: '0', SSO_SANDBOX_APP_PORT: '4180' },
      cwd: 'web',
    },
    {
      name: 'sandbox 1',
      command:
        "npx sso-bridge-sandbox --mode test --stack 1 --app 'Acme CRM=http://127.0.0.1:4180/login/complete'",
      url: 'http://127.0.0.1:4120/healthz',
      env: {},
      cwd: undefined,
    },
    {
      name: 'Acme CRM 1',
      command: 'npm run preview',
      url: 'http://127.0.0.1:4280',
      env: { SSO_SANDBOX_STACK: '1', SSO_SANDBOX_APP_PORT: '4280' },
      cwd: 'web',
    },
  ])
  expect(config.webServer.every((server) => server.reuseExistingServer)).toBe(true)
})

test('never reuses a running server under CI, and quotes a name the shell would split', () => {
  process.env['CI'] = '1'
  const config = sandboxConfig({
    app: { ...app, name: "O'Brien CRM" },
    sandboxCommand: 'npx tsx sandbox/main.ts',
  })
  expect(config.webServer.some((server) => server.reuseExistingServer)).toBe(false)
  expect(config.webServer[0]?.command).toBe(
    "npx tsx sandbox/main.ts --mode test --stack 0 --app 'O'\\''Brien CRM=http://127.0.0.1:4180/login/complete'",
  )
})

test('refuses a bad app or worker count with one line naming it', () => {
  expect(() => sandboxConfig({ app: { ...app, callbackPath: 'login' } })).toThrow(
    'app "Acme CRM": callback path "login" must start with a single "/"',
  )
  expect(() => sandboxConfig({ app, workers: 0 })).toThrow(
    'sandboxConfig: workers must be a whole number from 1 to 9, got 0',
  )
})
