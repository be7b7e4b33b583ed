/**
 * Reads a JWT's payload WITHOUT verifying it. Only for what the browser needs to know about its
 * own session (expiry for scheduling, email, CII number): the gateway and the vendors verify
 * the signature. Returns undefined for anything that is not a compact JWT with a JSON payload.
 */
export function unverifiedJwtPayload(token: string): unknown {
  const [, payload, ...rest] = token.split('.')
  if (payload === undefined || rest.length !== 1 || !/^[A-Za-z0-9_-]+$/.test(payload)) {
    return undefined
  }
  try {
    const base64 = payload.replaceAll('-', '+').replaceAll('_', '/')
    const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown
  } catch {
    return undefined
  }
}
