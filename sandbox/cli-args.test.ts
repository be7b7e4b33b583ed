// The kit's command line: flags, their variables, and one line for anything wrong.
import { expect, test } from 'vitest'
import { UsageError, parseArguments } from './cli-args.ts'

const ACME = { name: 'Acme CRM', origin: 'http://127.0.0.1:4180', callbackPath: '/login/complete' }

test('defaults to dev mode on stack 0 with the BFF and no host app', () => {
  expect(parseArguments([], {})).toEqual({ mode: 'dev', stack: 0, apps: [], bff: true })
})

test('reads --mode, --stack, repeated --app (with or without "=") and --no-bff', () => {
  const args = parseArguments(
    [
      '--mode',
      'test',
      '--stack=2',
      '--app',
      'Acme CRM=http://127.0.0.1:4180/login/complete',
      '--app=Beta=https://beta.example/cb',
      '--no-bff',
    ],
    {},
  )
  expect(args).toEqual({
    mode: 'test',
    stack: 2,
    apps: [ACME, { name: 'Beta', origin: 'https://beta.example', callbackPath: '/cb' }],
    bff: false,
  })
})

test('takes SANDBOX_MODE, SSO_SANDBOX_STACK and SSO_SANDBOX_APPS as defaults; --app adds to the variable', () => {
  const env = {
    SANDBOX_MODE: 'test',
    SSO_SANDBOX_STACK: '1',
    SSO_SANDBOX_APPS: 'Acme CRM=http://127.0.0.1:4180/login/complete',
  }
  const args = parseArguments(['--app', 'Beta=https://beta.example/cb'], env)
  expect(args.mode).toBe('test')
  expect(args.stack).toBe(1)
  expect(args.apps.map((app) => app.name)).toEqual(['Acme CRM', 'Beta'])
  expect(parseArguments(['--stack', '0'], env).stack).toBe(0)
})

test.each([
  [['--mode', 'prod'], 'unknown sandbox mode "prod": use one of dev, test, production'],
  [['--stack', '-1'], '--stack must be a whole number from 0 to 99, got "-1"'],
  [['--stack', 'one'], '--stack must be a whole number from 0 to 99, got "one"'],
  [['--stack'], '--stack needs a value'],
  [['--app', '--no-bff'], '--app needs a value'],
  [
    ['--app', 'Acme=http://acme.example/cb'],
    'app "Acme": "http://acme.example" is http on a host that is not loopback: use https',
  ],
  [
    ['--app', 'Acme=http://127.0.0.1:4180/cb', '--app', 'Acme 2=http://127.0.0.1:4180/other'],
    'app "Acme 2": origin http://127.0.0.1:4180 is already registered for "Acme"',
  ],
  [
    ['--port', '1'],
    'unknown argument "--port"; usage: sso-bridge-sandbox [--mode dev|test|production] [--stack k] [--app "NAME=URL"]... [--no-bff]',
  ],
])('refuses %j with one line', (argv, message) => {
  expect(() => parseArguments(argv, {})).toThrow(new UsageError(message))
})

test('names SSO_SANDBOX_STACK when the variable is wrong', () => {
  expect(() => parseArguments([], { SSO_SANDBOX_STACK: '1.5' })).toThrow(
    new UsageError('SSO_SANDBOX_STACK must be a whole number from 0 to 99, got "1.5"'),
  )
})
