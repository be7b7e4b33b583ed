// Small helpers over node:http shared by every sandbox party. No framework: each party is a
// plain request handler, so the control harness can wrap any of them the same way.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { HOST } from '../ports.ts'

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>

const MAX_BODY_BYTES = 64 * 1024

export async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new Error('request body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The request's Content-Type without parameters, in lower case ('' when absent). */
export function mediaTypeOf(req: http.IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
}

/** Parses a JSON body; returns undefined when it is not JSON (the caller answers 400). */
export async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const text = await readBody(req)
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export function send(
  res: http.ServerResponse,
  status: number,
  body: string,
  contentType: string,
  headers: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  })
  res.end(body)
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  value: unknown,
  headers: http.OutgoingHttpHeaders = {},
): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', headers)
}

/** Escapes text for HTML; every landing page renders untrusted values through this. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

export interface RunningServer {
  readonly url: string
  readonly port: number
  close(): Promise<void>
}

/**
 * Listens on 127.0.0.1 only. Port 0 picks a free port (tests); the actual URL is returned.
 * Errors thrown by the handler become a 500 so one bad request never stops a party.
 */
export async function listen(handler: Handler, port: number): Promise<RunningServer> {
  const server = http.createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      console.error(error)
      if (!res.headersSent) sendJson(res, 500, { message: 'sandbox internal error' })
      else res.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => resolve())
  })
  const actual = (server.address() as AddressInfo).port
  return {
    url: `http://${HOST}:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
