import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { bffEnvironment, defaultSandboxUrls } from '../../../sandbox/bff-env.ts'
import { freePort } from './testing/bff-sandbox.ts'

/** Runs the BFF's entry point as its own process, as `node packages/bff/dist/bff/src/main.js` would. */
function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/bff/src/main.ts'], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { child, exited, output: () => output }
}

test('a bad environment stops the BFF with every bad variable named', async () => {
  const env = bffEnvironment(defaultSandboxUrls(), await freePort())
  const { exited, output } = run({
    ...env,
    SSO_BFF_APP_ORIGINS: 'https://app.example.com/login',
    SSO_BFF_INDEE_API_KEY: '',
  })
  expect(await exited).toBe(2)
  expect(output()).toContain('SSO_BFF_APP_ORIGINS')
  expect(output()).toContain('SSO_BFF_INDEE_API_KEY')
  expect(output()).toContain('docs/deployment.md')
})

test('the metrics listen on their own port with the package version; SIGTERM closes both listeners and exits 0', async () => {
  const port = await freePort()
  const metricsPort = await freePort()
  const { child, exited, output } = run({
    ...bffEnvironment(defaultSandboxUrls(), port),
    SSO_BFF_LOG_LEVEL: 'info',
    SSO_BFF_METRICS_PORT: String(metricsPort),
  })
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/healthz`)).status
        } catch {
          return 0
        }
      },
      { timeout: 15_000 },
    )
    .toBe(200)
  const { version } = JSON.parse(readFileSync('packages/bff/package.json', 'utf8')) as {
    version: string
  }
  const scraped = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()
  expect(scraped).toContain(`sso_bridge_bff_build_info{version="${version}"} 1`)
  expect(scraped).toContain('process_resident_memory_bytes')
  child.kill('SIGTERM')
  expect(await exited).toBe(0)
  expect(output()).toContain('"msg":"closing"')
  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow()
  await expect(fetch(`http://127.0.0.1:${metricsPort}/metrics`)).rejects.toThrow()
})

test('with Redis down the BFF starts anyway, is not ready, names its store without the password, and stops', async () => {
  const port = await freePort()
  const nowhere = `redis://bff:hunter2-redis-password@127.0.0.1:${await freePort()}/3`
  const { child, exited, output } = run({
    ...bffEnvironment(defaultSandboxUrls(), port),
    SSO_BFF_LOG_LEVEL: 'info',
    SSO_SESSION_STORE: nowhere,
    SSO_BFF_SIGNIN_SECRET: 'a-secret-every-instance-shares-0123456789',
  })
  const readiness = async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/readyz`)).status
    } catch {
      return 0
    }
  }
  await expect.poll(readiness, { timeout: 15_000 }).toBe(503)
  await expect.poll(output).toContain('"msg":"session store unreachable')
  expect(output()).toContain('"sessionStore":"redis://bff:***@127.0.0.1:')
  child.kill('SIGTERM')
  expect(await exited).toBe(0)
  expect(output()).not.toContain('hunter2')
})

test('a plain http Indee on another host stops the BFF, naming it and SSO_BFF_ALLOW_INSECURE', async () => {
  const { exited, output } = run({
    ...bffEnvironment(defaultSandboxUrls(), await freePort()),
    SSO_BFF_INDEE_URL: 'http://indee.internal',
  })
  expect(await exited).toBe(2)
  expect(output()).toMatch(/SSO_BFF_INDEE_URL: is plain http.*SSO_BFF_ALLOW_INSECURE=true/)
})

test('with SSO_BFF_ALLOW_INSECURE=true the BFF starts and logs a warning for each insecure setting', async () => {
  const port = await freePort()
  const { child, exited, output } = run({
    ...bffEnvironment(defaultSandboxUrls(), port),
    SSO_BFF_INDEE_URL: 'http://indee.internal',
    SSO_BFF_APP_ORIGINS: 'https://app.example.com,http://app.example.com',
    SSO_BFF_ALLOW_INSECURE: 'true',
  })
  const warnings = () =>
    output()
      .split('\n')
      .filter((line) => line.includes('"level":40'))
      .map((line) => (JSON.parse(line) as { msg: string }).msg.split(':')[0])
  await expect
    .poll(warnings, { timeout: 15_000 })
    .toEqual(['SSO_BFF_APP_ORIGINS', 'SSO_BFF_INDEE_URL'])
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
  child.kill('SIGTERM')
  expect(await exited).toBe(0)
})
