import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { keptAliveFetch } from './kept-alive-fetch.ts'

let server: http.Server
let base = ''
let connections = 0
let lastBody = ''

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      lastBody = body
      if (req.url === '/empty') res.writeHead(204).end()
      else if (req.url !== '/hang') {
        res.writeHead(201, { 'content-type': 'application/json', 'x-seen': req.method ?? '' })
        res.end('{"ok":true}')
      }
    })
  })
  server.on('connection', () => (connections += 1))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

test('gives the status, headers and body as a Response, and sends the body with its length', async () => {
  const response = await keptAliveFetch(`${base}/x`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'code=é',
    timeoutMs: 1000,
  })
  expect(response.status).toBe(201)
  expect(response.headers.get('x-seen')).toBe('POST')
  expect(await response.json()).toEqual({ ok: true })
  expect(lastBody).toBe('code=é')
  expect((await keptAliveFetch(`${base}/empty`, { timeoutMs: 1000 })).status).toBe(204)
})

test('calls one after the other share kept-alive connections', async () => {
  const before = connections
  for (let i = 0; i < 5; i += 1) await (await keptAliveFetch(`${base}/x`, { timeoutMs: 1000 })).text()
  expect(connections - before).toBeLessThanOrEqual(1)
})

test('rejects at the timeout, and when nothing listens', async () => {
  await expect(keptAliveFetch(`${base}/hang`, { timeoutMs: 200 })).rejects.toThrow(/within 200 ms/)
  await expect(keptAliveFetch('http://127.0.0.1:1/', { timeoutMs: 1000 })).rejects.toThrow()
})

test('a call reset on a kept-alive connection the server closed is sent again, and answered', async () => {
  let served = 0
  let resets = 0
  const closing = http.createServer((req, res) => {
    // The second request finds its kept-alive connection reset, as when the server closed it idle.
    if (served === 1 && resets === 0) {
      resets += 1
      req.socket.resetAndDestroy()
      return
    }
    served += 1
    res.end('ok')
  })
  await new Promise<void>((resolve) => closing.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(closing.address() as AddressInfo).port}/`
  try {
    expect((await keptAliveFetch(url, { timeoutMs: 1000 })).status).toBe(200)
    expect(await (await keptAliveFetch(url, { timeoutMs: 1000 })).text()).toBe('ok')
    expect({ served, resets }).toEqual({ served: 2, resets: 1 })
  } finally {
    closing.closeAllConnections()
    await new Promise((resolve) => closing.close(resolve))
  }
})
