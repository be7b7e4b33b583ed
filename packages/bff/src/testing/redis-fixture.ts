// A test file's own Redis: Debian's redis-server on a free port for the whole file, a plain
// client on it (what a dump, a replica or a backup holds, and a way to change it), and the
// session stores a test opened, closed after each test.
import { Redis } from 'ioredis'
import { afterAll, afterEach, beforeAll } from 'vitest'
import type { SessionStore } from '../session/session-store.ts'
import { startRedisServer, type RunningRedis } from './redis-server.ts'

export function redisForThisFile() {
  let server: RunningRedis | undefined
  let client: Redis | undefined
  const stores: SessionStore[] = []
  beforeAll(async () => {
    server = await startRedisServer()
    client = new Redis(server.url, { lazyConnect: true })
    await client.connect()
  })
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()))
  })
  afterAll(async () => {
    client?.disconnect()
    await server?.close()
  })
  return {
    get redis(): RunningRedis {
      if (server === undefined) throw new Error('Redis is not started yet (beforeAll)')
      return server
    },
    get raw(): Redis {
      if (client === undefined) throw new Error('Redis is not started yet (beforeAll)')
      return client
    },
    /** Stores opened by the running test; each is closed after it. */
    stores,
  }
}
