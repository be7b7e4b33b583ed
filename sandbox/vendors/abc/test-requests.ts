// Test support: GenerateSSOToken requests as ABC documents them, for the emulator's own tests and
// the fidelity suite. The body goes out as bytes, so fetch adds no Content-Type of its own and a
// test can leave any documented header out. No party imports it.
import type { RunningServer } from '../../lib/http.ts'
import { ABC_GENERATE_PATH } from './abc-server.ts'
import { ABC_SANDBOX_CREDENTIALS } from './credentials.ts'

/** Header name → value, or undefined to leave the documented header out. */
export type HeaderOverrides = Readonly<Record<string, string | undefined>>

/** The documented headers with `authorization` (the session JWT), changed by `overrides`. */
export function documentedHeaders(
  authorization: string,
  overrides: HeaderOverrides = {},
): Record<string, string> {
  const all: Record<string, string | undefined> = {
    'x-api-version': '1.0.0',
    'x-lob-client-id': ABC_SANDBOX_CREDENTIALS.clientId,
    'content-type': 'application/json',
    authorization,
    ...Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k.toLowerCase(), v])),
  }
  return Object.fromEntries(
    Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined),
  )
}

/** POSTs `body` as JSON to `server`'s GenerateSSOToken with the documented headers. */
export function postGenerate(
  server: RunningServer,
  authorization: string,
  body: unknown,
  overrides: HeaderOverrides = {},
): Promise<Response> {
  return fetch(`${server.url}${ABC_GENERATE_PATH}`, {
    method: 'POST',
    headers: documentedHeaders(authorization, overrides),
    body: new TextEncoder().encode(JSON.stringify(body)),
  })
}
