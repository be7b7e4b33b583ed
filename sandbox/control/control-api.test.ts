// The control API refuses what a web page or a rebound DNS name could send, and still answers
// loopback tools: curl, Node's fetch, and the journeys' Playwright client.
import http from 'node:http'
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { SandboxControlClient } from '../playwright/control-client.ts'
import { listen, sendJson, type RunningServer } from '../lib/http.ts'
import { originOf } from '../ports.ts'
import { CONTROL_PREFIX, handleControl } from './control-api.ts'
import { DEFAULT_SETTINGS, SandboxControl } from './control.ts'

let control: SandboxControl
let server: RunningServer

beforeEach(async () => {
  control = new SandboxControl()
  server = await listen(async (req, res) => {
    if (!(await handleControl(control, req, res))) sendJson(res, 404, { message: 'not control' })
  }, 0)
})

afterEach(async () => {
  await server.close()
})

const JSON_TYPE = { 'content-type': 'application/json' }
const DEFAULT_TTL = DEFAULT_SETTINGS.accessTokenTtlSeconds
/** Whether a refused request changed nothing: the settings POST below would set this to 30. */
const ttl = () => control.settings.accessTokenTtlSeconds

interface RawAnswer {
  readonly status: number
  readonly body: unknown
}

/** A request with exactly these headers, Host included (Node's fetch would replace it). */
function raw(
  method: string,
  path: string,
  headers: http.OutgoingHttpHeaders,
  body?: string,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: `${CONTROL_PREFIX}${path}`,
        headers,
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({
            status: res.statusCode ?? 0,
            body: text === '' ? '' : (JSON.parse(text) as unknown),
          })
        })
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

const postSettings = (headers: http.OutgoingHttpHeaders) =>
  raw(
    'POST',
    '/settings',
    { host: `127.0.0.1:${server.port}`, ...headers },
    JSON.stringify({ accessTokenTtlSeconds: 30 }),
  )

test('accepts a JSON POST from a loopback tool without Origin', async () => {
  const answer = await postSettings(JSON_TYPE)
  expect(answer.status).toBe(200)
  expect(ttl()).toBe(30)
})

test('refuses a text/plain POST, the kind a web page sends without a preflight, with 415', async () => {
  for (const type of [
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
  ]) {
    const answer = await postSettings({ 'content-type': type })
    expect(answer).toEqual({
      status: 415,
      body: { message: 'control requests with a body must be application/json' },
    })
  }
  control.advanceClock(60_000)
  const none = await raw('POST', '/reset', { host: `127.0.0.1:${server.port}` })
  expect(none.status).toBe(415)
  expect(control.now() - Date.now()).toBeGreaterThan(50_000)
  expect(ttl()).toBe(DEFAULT_TTL)
})

test('accepts application/json with parameters, in any case', async () => {
  const answer = await postSettings({ 'content-type': 'Application/JSON; charset=utf-8' })
  expect(answer.status).toBe(200)
  expect(ttl()).toBe(30)
})

test('refuses a request from another origin with 403, even when it is JSON', async () => {
  for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1.evil.example']) {
    const answer = await postSettings({ ...JSON_TYPE, origin })
    expect(answer).toEqual({
      status: 403,
      body: { message: 'the control API refuses requests from other origins' },
    })
  }
  const read = await raw('GET', '/log', {
    host: `127.0.0.1:${server.port}`,
    origin: 'https://evil.example',
  })
  expect(read.status).toBe(403)
  expect(ttl()).toBe(DEFAULT_TTL)
})

test('accepts a loopback Origin on any port', async () => {
  for (const origin of ['http://127.0.0.1:5173', 'http://localhost:4173', 'http://[::1]:8080']) {
    expect((await postSettings({ ...JSON_TYPE, origin })).status).toBe(200)
  }
})

test('refuses a Host that is not a loopback name with 403 (DNS rebinding)', async () => {
  const hosts = ['evil.example', 'evil.example:4020', '127.0.0.1.nip.io:4020', '127.0.0.1:80x']
  for (const host of hosts) {
    const answer = await raw('GET', '/settings', { host })
    expect(answer).toEqual({
      status: 403,
      body: { message: 'the control API answers loopback Host names only' },
    })
  }
  const post = await postSettings({ ...JSON_TYPE, host: 'evil.example:4020' })
  expect(post.status).toBe(403)
  expect(ttl()).toBe(DEFAULT_TTL)
})

test('accepts the loopback Host names on any port', async () => {
  for (const host of ['127.0.0.1', 'localhost:4020', 'LOCALHOST', '[::1]:4020']) {
    expect((await raw('GET', '/settings', { host })).status).toBe(200)
  }
})

test('still answers 404 to paths outside the control API, whatever the headers', async () => {
  const answer = await raw('POST', '/../api/x', { host: 'evil.example', origin: 'null' })
  expect(answer.status).toBe(404)
  expect(answer.body).toEqual({ message: 'not control' })
})

test("drives the control API through the journeys' client (Playwright, JSON, no Origin)", async () => {
  const context = await playwrightRequest.newContext()
  try {
    // The client talks to the default control API origin; send its requests to this server instead.
    const toServer = (url: string) => url.replace(originOf('control'), server.url)
    const redirected = {
      post: (url: string, options?: object) => context.post(toServer(url), options),
      get: (url: string, options?: object) => context.get(toServer(url), options),
    } as unknown as APIRequestContext
    const client = new SandboxControlClient(redirected)
    await client.fault({ party: 'abc', status: 502 })
    await client.advanceClock(60)
    expect(await client.release('abc')).toBe(0)
    await client.settings({ accessTokenTtlSeconds: 30 })
    expect(control.now() - Date.now()).toBeGreaterThan(50_000)
    expect(ttl()).toBe(30)
    expect(await client.log('abc')).toEqual([])
    await client.reset()
    expect(ttl()).toBe(DEFAULT_TTL)
  } finally {
    await context.dispose()
  }
})

test('release answers how many held requests it let go, and names a party it does not know', async () => {
  const host = { host: `127.0.0.1:${server.port}`, ...JSON_TYPE }
  expect(await raw('POST', '/release', host, '{}')).toEqual({ status: 200, body: { released: 0 } })
  const unknown = await raw('POST', '/release', host, JSON.stringify({ party: 'nobody' }))
  expect(unknown.status).toBe(400)
  expect(JSON.stringify(unknown.body)).toContain('"path":"party"')
  const held = await raw('POST', '/faults', host, JSON.stringify({ party: 'abc', hold: 'yes' }))
  expect(held.status).toBe(400)
  expect(JSON.stringify(held.body)).toContain('"path":"hold"')
})
