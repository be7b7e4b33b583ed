import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { callUpstream, MAX_UPSTREAM_BODY_BYTES } from './upstream-call.ts'

let server: http.Server
let base = ''
let seenHeaders: http.IncomingHttpHeaders = {}
let connections = 0

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seenHeaders = req.headers
    if (req.url === '/big') {
      res.end(Buffer.alloc(MAX_UPSTREAM_BODY_BYTES + 1, 'a'))
    } else if (req.url === '/hang') {
      // never answers
    } else if (req.url === '/timed') {
      res
        .writeHead(200, { 'content-type': 'application/json', 'server-timing': 'db;dur=1.5' })
        .end('{}')
    } else if (req.url === '/redirect') {
      res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end()
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    }
  })
  server.on('connection', () => (connections += 1))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

test('reads an answer and sends only the headers named', async () => {
  const result = await callUpstream(
    { url: `${base}/ok`, headers: { 'content-type': 'application/json' }, body: '{}' },
    1000,
  )
  expect(result).toMatchObject({ ok: true, answer: { status: 200 } })
  expect(seenHeaders['content-type']).toBe('application/json')
  expect(seenHeaders['cookie']).toBeUndefined()
  expect(seenHeaders['authorization']).toBeUndefined()
})

test('an answer over the cap is a failure, not read to the end', async () => {
  expect(await callUpstream({ url: `${base}/big`, headers: {} }, 2000)).toEqual({
    ok: false,
    reason: 'too_large',
  })
})

test('an upstream that does not answer is dropped at the timeout', async () => {
  const started = Date.now()
  expect(await callUpstream({ url: `${base}/hang`, headers: {} }, 300)).toEqual({
    ok: false,
    reason: 'timeout',
  })
  expect(Date.now() - started).toBeLessThan(2000)
})

test('a redirect is not followed', async () => {
  const result = await callUpstream({ url: `${base}/redirect`, headers: {} }, 1000)
  expect(result).toMatchObject({ ok: true, answer: { status: 302 } })
})

test('an upstream where nothing listens is unreachable', async () => {
  expect(await callUpstream({ url: 'http://127.0.0.1:1/x', headers: {} }, 1000)).toEqual({
    ok: false,
    reason: 'unreachable',
  })
})

test("an answer's Server-Timing header is kept as sent, and absent when it sent none", async () => {
  const timed = await callUpstream({ url: `${base}/timed`, headers: {} }, 1000)
  expect(timed).toMatchObject({ ok: true, answer: { serverTiming: 'db;dur=1.5' } })
  const plain = await callUpstream({ url: `${base}/ok`, headers: {} }, 1000)
  expect(plain.ok && plain.answer).not.toHaveProperty('serverTiming')
})

// Node's fetch (undici) keeps connections open; a call made in the very tick the previous answer
// ended may find that socket not yet idle and open one more, once. Nothing ever closes them.
test('calls to one upstream, one after the other, reuse kept-alive connections', async () => {
  const before = connections
  for (let i = 0; i < 6; i += 1) {
    const result = await callUpstream({ url: `${base}/ok`, headers: {}, body: '{}' }, 1000)
    expect(result).toMatchObject({ ok: true })
    expect(seenHeaders['connection']).not.toBe('close')
  }
  expect(connections - before).toBeLessThanOrEqual(2)
})

test('a signal that aborts drops the call as unreachable, before the timeout', async () => {
  const controller = new AbortController()
  const call = callUpstream({ url: `${base}/hang`, headers: {} }, 5000, controller.signal)
  controller.abort()
  expect(await call).toEqual({ ok: false, reason: 'unreachable' })
  const already = AbortSignal.abort()
  expect(await callUpstream({ url: `${base}/ok`, headers: {} }, 5000, already)).toEqual({
    ok: false,
    reason: 'unreachable',
  })
})

test('a URL of another scheme, or none, is unreachable and nothing is sent', async () => {
  for (const url of ['file:///etc/passwd', 'not a url']) {
    expect(await callUpstream({ url, headers: {} }, 1000)).toEqual({
      ok: false,
      reason: 'unreachable',
    })
  }
})

test('the body goes out as UTF-8 with its length, and the answer comes back whole', async () => {
  const result = await callUpstream(
    { url: `${base}/ok`, headers: { 'content-type': 'application/json' }, body: '{"name":"Zoë"}' },
    1000,
  )
  expect(seenHeaders['content-length']).toBe(String(Buffer.byteLength('{"name":"Zoë"}')))
  expect(result).toMatchObject({
    ok: true,
    answer: { status: 200, contentType: 'application/json' },
  })
  expect(result.ok && result.answer.body.toString()).toBe('{"ok":true}')
})

/** A server of its own (no pooled connection yet), resetting the requests `reset` picks. */
async function resettingServer(reset: (served: number) => boolean) {
  let served = 0
  let resets = 0
  const upstream = http.createServer((req, res) => {
    if (reset(served)) {
      resets += 1
      req.socket.resetAndDestroy()
      return
    }
    served += 1
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
  })
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/ok`,
    counts: () => ({ served, resets }),
    close: async () => {
      upstream.closeAllConnections()
      await new Promise((resolve) => upstream.close(resolve))
    },
  }
}

test('a request reset on a kept-alive connection the upstream closed is sent again, and answered', async () => {
  // The second request finds its kept-alive connection reset, as when the upstream closed it idle.
  let first = true
  const upstream = await resettingServer((served) => {
    if (served !== 1 || !first) return false
    first = false
    return true
  })
  try {
    expect(await callUpstream({ url: upstream.url, headers: {} }, 2000)).toMatchObject({ ok: true })
    const again = await callUpstream({ url: upstream.url, headers: {} }, 2000)
    expect(again).toMatchObject({ ok: true, answer: { status: 200 } })
    expect(upstream.counts()).toEqual({ served: 2, resets: 1 })
  } finally {
    await upstream.close()
  }
})

test('a request reset on a new connection is not sent again: the upstream may have read it', async () => {
  const upstream = await resettingServer(() => true)
  try {
    expect(await callUpstream({ url: upstream.url, headers: {} }, 2000)).toEqual({
      ok: false,
      reason: 'unreachable',
    })
    expect(upstream.counts()).toEqual({ served: 0, resets: 1 })
  } finally {
    await upstream.close()
  }
})
