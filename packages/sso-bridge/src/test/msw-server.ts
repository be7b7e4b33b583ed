// The MSW server of one test file. A request no handler answers fails the test
// (docs/architecture.md §5: network in unit tests through MSW, unhandled requests failing), and
// each test's handlers end with it.
import { delay, http, HttpResponse } from 'msw'
import { setupServer, type SetupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

/** Starts a server for the calling test file, with no handlers; tests add theirs with `use`. */
export function mswServer(): SetupServer {
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}

/** Makes POST `url` hold every request open, so only the caller's own timeout ends it. */
export function silentPost(server: SetupServer, url: string): void {
  server.use(
    http.post(url, async () => {
      await delay('infinite')
      return HttpResponse.error()
    }),
  )
}
