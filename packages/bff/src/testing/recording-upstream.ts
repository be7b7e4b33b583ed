// A stand-in upstream (Indee or a vendor) for the BFF's tests: it records every request it gets
// (method, path, headers, body) and answers from a table of canned answers by path suffix. For
// what the BFF sends, which the sandbox's emulators accept but do not log. Test support only.
import { createServer, type IncomingHttpHeaders } from 'node:http'

export interface RecordedRequest {
  readonly method: string
  readonly path: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

export interface CannedAnswer {
  readonly status?: number
  readonly contentType?: string
  readonly body: string
}

export interface RecordingUpstream {
  readonly url: string
  /** The requests received so far whose path ends with `suffix` (all when absent). */
  requests(suffix?: string): readonly RecordedRequest[]
  close(): Promise<void>
}

/** Listens on a free loopback port; a path no entry of `answers` ends with gets 404. */
export async function startRecordingUpstream(
  answers: Readonly<Record<string, CannedAnswer>>,
): Promise<RecordingUpstream> {
  const received: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://upstream.invalid').pathname
      received.push({
        method: req.method ?? 'GET',
        path,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      })
      const entry = Object.entries(answers).find(([suffix]) => path.endsWith(suffix))
      const answer = entry?.[1] ?? { status: 404, body: '' }
      res.writeHead(answer.status ?? 200, {
        'content-type': answer.contentType ?? 'application/json; charset=utf-8',
      })
      res.end(answer.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('no address')
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests: (suffix = '') => received.filter((r) => r.path.endsWith(suffix)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
