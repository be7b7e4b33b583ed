// The server's timeouts and connection cap, with real sockets (node:net) against a real BFF on
// loopback. Each wait is on the socket's own events, bounded far above the configured limit.
import { connect, type Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterEach, expect, test } from 'vitest'
import { buildBff } from './app.ts'
import { readConfig } from './config.ts'
import { createMetrics, type BffMetrics } from './telemetry/metrics.ts'

const APP_ORIGIN = 'http://127.0.0.1:5173'
const HOST = 'bff.test'
/** Far above every limit under test: a connection still open then is never closed. */
const UPPER_BOUND_MS = 10_000

const running: FastifyInstance[] = []
const sockets: Socket[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await Promise.all(running.splice(0).map((app) => app.close()))
})

/** A BFF (no upstream is called here) with `limits` (SSO_BFF_* variables), on a free port. */
async function startBff(limits: Readonly<Record<string, string>>, metrics?: BffMetrics) {
  const result = readConfig({
    SSO_BFF_APP_ORIGINS: APP_ORIGIN,
    SSO_BFF_ALLOWED_HOSTS: HOST,
    SSO_BFF_INDEE_URL: 'http://127.0.0.1:9',
    SSO_BFF_INDEE_API_KEY: 'k',
    ...limits,
  })
  if (!result.ok) expect.fail(result.problems.join('; '))
  const app = await buildBff({
    config: result.config,
    logger: false,
    ...(metrics !== undefined && { metrics }),
  })
  running.push(app)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  if (address === null || typeof address === 'string') return expect.fail('no port')
  return { app, port: address.port }
}

interface RawClient {
  readonly socket: Socket
  /** Everything the server sent so far. */
  received(): string
  /** Resolves once the server has sent text matching `pattern`. */
  receives(pattern: RegExp): Promise<void>
  /** 'closed' once the connection closes, or 'open' if it still is after UPPER_BOUND_MS. */
  closed(): Promise<'closed' | 'open'>
}

async function rawClient(port: number): Promise<RawClient> {
  const socket = connect(port, '127.0.0.1')
  sockets.push(socket)
  let text = ''
  socket.setEncoding('utf8')
  socket.on('data', (chunk: string) => (text += chunk))
  socket.on('error', () => undefined)
  const close = new Promise<'closed'>((resolve) => socket.once('close', () => resolve('closed')))
  await new Promise<void>((resolve) => socket.once('connect', resolve))
  return {
    socket,
    received: () => text,
    receives: (pattern) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(text)) return
          socket.off('data', check)
          resolve()
        }
        socket.on('data', check)
        socket.once('close', () => reject(new Error(`closed before ${pattern}: ${text}`)))
        check()
      }),
    closed: () => {
      let timer: NodeJS.Timeout | undefined
      const open = new Promise<'open'>((resolve) => {
        timer = setTimeout(() => resolve('open'), UPPER_BOUND_MS)
      })
      return Promise.race([close, open]).finally(() => clearTimeout(timer))
    },
  }
}

const HEALTH_REQUEST = `GET /healthz HTTP/1.1\r\nHost: ${HOST}\r\n\r\n`

test('a body sent one byte at a time is cut off at the request timeout with 408', async () => {
  const { port } = await startBff({
    SSO_BFF_REQUEST_TIMEOUT_MS: '500',
    SSO_BFF_HEADERS_TIMEOUT_MS: '300',
  })
  const client = await rawClient(port)
  client.socket.write(
    'POST /api/sso/initiate HTTP/1.1\r\n' +
      `Host: ${HOST}\r\nOrigin: ${APP_ORIGIN}\r\nContent-Type: application/json\r\n` +
      'Content-Length: 1000\r\n\r\n',
  )
  // Always something in flight, so it is the request timeout that ends it, not an idle socket.
  const drip = setInterval(() => client.socket.write('a'), 50)
  try {
    expect(await client.closed()).toBe('closed')
  } finally {
    clearInterval(drip)
  }
  expect(client.received()).toMatch(/^HTTP\/1\.1 408 /)
})

test('a connection that never sends its headers is cut off at the headers timeout with 408', async () => {
  const { port } = await startBff({
    SSO_BFF_REQUEST_TIMEOUT_MS: '1000',
    SSO_BFF_HEADERS_TIMEOUT_MS: '300',
  })
  const client = await rawClient(port)
  client.socket.write(`GET /healthz HTTP/1.1\r\nHost: ${HOST}\r\n`)
  expect(await client.closed()).toBe('closed')
  expect(client.received()).toMatch(/^HTTP\/1\.1 408 /)
})

test('an idle kept-alive connection is closed after the keep-alive timeout', async () => {
  const { port } = await startBff({ SSO_BFF_KEEP_ALIVE_TIMEOUT_MS: '300' })
  const client = await rawClient(port)
  client.socket.write(HEALTH_REQUEST)
  await client.receives(/\{"status":"ok"\}/)
  expect(client.received()).toMatch(/^HTTP\/1\.1 200 /)
  expect(await client.closed()).toBe('closed')
  // Closed quietly: one answer, no 408.
  expect(client.received().match(/HTTP\/1\.1/g)).toHaveLength(1)
})

test('a connection over the cap is closed unanswered and counted; the cap frees as connections close', async () => {
  const metrics = createMetrics({ processMetrics: false })
  const { app, port } = await startBff({ SSO_BFF_MAX_CONNECTIONS: '2' }, metrics)
  const held = [await rawClient(port), await rawClient(port)]
  for (const client of held) {
    client.socket.write(HEALTH_REQUEST)
    await client.receives(/\{"status":"ok"\}/)
  }
  const third = await rawClient(port)
  third.socket.write(HEALTH_REQUEST)
  expect(await third.closed()).toBe('closed')
  expect(third.received()).toBe('')
  expect((await metrics.connectionsDropped.get()).values[0]?.value).toBe(1)

  held[0]?.socket.destroy()
  await expect
    .poll(() => new Promise<number>((resolve) => app.server.getConnections((_, n) => resolve(n))))
    .toBe(1)
  const next = await rawClient(port)
  next.socket.write(HEALTH_REQUEST)
  await next.receives(/\{"status":"ok"\}/)
})

test('the server gets every limit, and checks deadlines every tenth of the shorter one', async () => {
  const { app } = await startBff({
    SSO_BFF_REQUEST_TIMEOUT_MS: '20000',
    SSO_BFF_HEADERS_TIMEOUT_MS: '4000',
    SSO_BFF_KEEP_ALIVE_TIMEOUT_MS: '75000',
    SSO_BFF_CONNECTION_TIMEOUT_MS: '45000',
    SSO_BFF_MAX_CONNECTIONS: '300',
  })
  const server = app.server as typeof app.server & { connectionsCheckingInterval?: number }
  expect(server).toMatchObject({
    requestTimeout: 20_000,
    headersTimeout: 4_000,
    keepAliveTimeout: 75_000,
    timeout: 45_000,
    maxConnections: 300,
    connectionsCheckingInterval: 400,
  })
})
