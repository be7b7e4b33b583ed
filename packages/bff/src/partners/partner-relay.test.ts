import Fastify from 'fastify'
import { expect, test } from 'vitest'
import type { UpstreamAnswer } from '../upstream/upstream-call.ts'
import { relay } from './partner-relay.ts'

/** What the browser gets when a route relays `answer` (no other hook or plugin in between). */
async function relayed(answer: UpstreamAnswer) {
  const app = Fastify()
  app.get('/relayed', (_request, reply) => relay(reply, answer))
  try {
    return await app.inject({ method: 'GET', url: '/relayed' })
  } finally {
    await app.close()
  }
}

test("relays the vendor's status, Content-Type and body, never to be cached", async () => {
  const answer = await relayed({
    status: 201,
    contentType: 'application/xml; charset=utf-8',
    body: Buffer.from('<string>token</string>'),
  })
  expect(answer.statusCode).toBe(201)
  expect(answer.headers['content-type']).toBe('application/xml; charset=utf-8')
  expect(answer.headers['cache-control']).toBe('no-store')
  expect(answer.body).toBe('<string>token</string>')
})

test('an answer without a Content-Type goes out as bytes, not with an empty type', async () => {
  const answer = await relayed({ status: 500, contentType: undefined, body: Buffer.from('oops') })
  expect(answer.statusCode).toBe(500)
  expect(answer.headers['content-type']).toBe('application/octet-stream')
  expect(answer.headers['cache-control']).toBe('no-store')
  expect(answer.body).toBe('oops')
})
