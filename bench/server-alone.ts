// The BFF's side of the exchange with no browser beside it: sign-ins driven over HTTP through
// the app's origin (vite preview proxies /api, as the browser's requests go), one after the
// other, each login's Server-Timing kept. Against the in-browser figures, it shows what the
// browser's own work on the same two cores costs the servers.
import { AppBrowser, loginBody, reachCallback } from '../packages/bff/src/testing/bff-sandbox.ts'
import type { SandboxUser } from '../sandbox/users.ts'

export interface AloneRun {
  /** From sending POST /api/sso/login to its whole answer, as this client saw it. */
  readonly client: number
  readonly serverTiming: Readonly<Record<string, number>>
}

const ENTRY = /^\s*([\w-]+)(?:;[^,]*?)?;dur=([\d.]+)/

function parseServerTiming(header: string | null): Record<string, number> {
  const timings: Record<string, number> = {}
  for (const part of (header ?? '').split(',')) {
    const match = ENTRY.exec(part)
    if (match?.[1] !== undefined && match[2] !== undefined) timings[match[1]] = Number(match[2])
  }
  return timings
}

/** `runs` sign-ins of `user` through `appOrigin`, `gapMs` apart (about a browser run's pace). */
export async function signInsAlone(
  appOrigin: string,
  user: SandboxUser,
  runs: number,
  gapMs: number,
): Promise<AloneRun[]> {
  const results: AloneRun[] = []
  for (let i = 0; i < runs; i += 1) {
    const browser = new AppBrowser({ url: appOrigin })
    const start = await reachCallback(browser, user)
    await new Promise((resolve) => setTimeout(resolve, gapMs))
    const sent = performance.now()
    const answer = await browser.post('/api/sso/login', loginBody(start, user.email))
    await answer.arrayBuffer()
    const client = performance.now() - sent
    if (answer.status !== 200) throw new Error(`sign-in alone: HTTP ${answer.status}`)
    results.push({ client, serverTiming: parseServerTiming(answer.headers.get('server-timing')) })
  }
  return results
}
