// The control harness's `hold` fault: a matching request waits, logged at arrival, until the control
// API releases it, so a journey can act (move the clock, press twice) while it is in flight without
// guessing how long that takes. A reset drops what is still held.
import { afterEach, beforeEach, expect, test } from 'vitest'
import { listen, sendJson, type RunningServer } from '../lib/http.ts'
import { SandboxControl } from './control.ts'

let control: SandboxControl
let server: RunningServer

beforeEach(async () => {
  control = new SandboxControl()
  // The party answers with the sandbox clock it sees when the request reaches it.
  server = await listen(
    control.wrap('assuresign', (_req, res) => sendJson(res, 200, { now: control.now() })),
    0,
  )
})

afterEach(async () => {
  await server.close()
})

/** Resolves once the party has logged `count` requests: a held request is logged on arrival. */
async function arrived(count: number): Promise<void> {
  while (control.log('assuresign').length < count) {
    await new Promise((resolve) => setImmediate(resolve))
  }
}

test('a held request reaches the party only when released, and sees what changed meanwhile', async () => {
  control.addFault({ party: 'assuresign', path: '/landing', hold: true, times: 1 })
  const answer = fetch(`${server.url}/landing`)
  await arrived(1)
  expect(control.heldCount('assuresign')).toBe(1)
  expect(control.log('assuresign')[0]).toMatchObject({ path: '/landing', faulted: true })
  expect(control.log('assuresign')[0]?.status).toBeUndefined()
  const moved = control.advanceClock(31_000)
  expect(control.release('assuresign')).toBe(1)
  const body = (await (await answer).json()) as { now: number }
  expect(body.now).toBeGreaterThanOrEqual(moved)
  expect(control.log('assuresign')[0]?.status).toBe(200)
})

test('a held request with a status answers that status once released', async () => {
  control.addFault({
    party: 'assuresign',
    hold: true,
    status: 503,
    body: '{"down":true}',
    times: 1,
  })
  const answer = fetch(`${server.url}/anything`)
  await arrived(1)
  expect(control.release()).toBe(1)
  const response = await answer
  expect(response.status).toBe(503)
  expect(await response.json()).toEqual({ down: true })
})

test('releasing another party, or when nothing is held, lets nothing go', async () => {
  expect(control.release()).toBe(0)
  control.addFault({ party: 'assuresign', hold: true, times: 1 })
  const answer = fetch(`${server.url}/landing`)
  await arrived(1)
  expect(control.release('aimbase')).toBe(0)
  expect(control.release('assuresign')).toBe(1)
  expect((await answer).status).toBe(200)
  // The fault was for one request: the next goes straight through.
  expect((await fetch(`${server.url}/landing`)).status).toBe(200)
})

test('a reset drops the requests still held: the connection closes without an answer', async () => {
  control.addFault({ party: 'assuresign', hold: true, times: 1 })
  const answer = fetch(`${server.url}/landing`)
  await arrived(1)
  control.reset()
  await expect(answer).rejects.toThrow()
  expect(control.release()).toBe(0)
})

test('a client that gives up while held is forgotten, not released later', async () => {
  control.addFault({ party: 'assuresign', hold: true, times: 1 })
  const gaveUp = new AbortController()
  const answer = fetch(`${server.url}/landing`, { signal: gaveUp.signal })
  await arrived(1)
  gaveUp.abort()
  await expect(answer).rejects.toThrow()
  // The server sees the close a moment after the client: wait for the hold to let go of it.
  await expect.poll(() => control.heldCount()).toBe(0)
  expect(control.release()).toBe(0)
  expect(control.log('assuresign')[0]?.status).toBeUndefined()
})
