// The AssureSign ssoToken in the documented format: standard base64 (RFC 4648 §4, with `+`, `/`
// and `=`) of a JSON object {"validUntil","ssoTokenId","signature"}. The emulator keeps every
// token it issued server side, so the signature is never checked; it is opaque text.
import { randomBytes, randomUUID } from 'node:crypto'

export interface SsoTokenFields {
  readonly validUntil: string
  readonly ssoTokenId: string
  readonly signature: string
}

/**
 * Printable ASCII but `"` and `\` (no JSON escapes). Base64 of ASCII text holds `+` only where a
 * third byte is `>` or `~`, and `/` only where it is `?`: this alphabet makes both reachable.
 */
const SIGNATURE_ALPHABET = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) =>
  String.fromCharCode(0x21 + i),
).filter((c) => c !== '"' && c !== '\\')
const SIGNATURE_LENGTH = 43
const MAX_TRIES = 1000

function signature(): string {
  return [...randomBytes(SIGNATURE_LENGTH)]
    .map((byte) => SIGNATURE_ALPHABET[byte % SIGNATURE_ALPHABET.length] ?? '!')
    .join('')
}

export function encodeSsoToken(fields: SsoTokenFields): string {
  return Buffer.from(JSON.stringify(fields), 'utf8').toString('base64')
}

/**
 * A fresh token valid until `validUntilMs`. It is drawn again until it holds `+`, `/` and `=`
 * (a few tries on average), so a client that forgets to URL-encode it fails in the sandbox
 * every time, as it would against AssureSign some of the time.
 */
export function newSsoToken(validUntilMs: number): string {
  const validUntil = new Date(validUntilMs).toISOString()
  let token = ''
  for (let i = 0; i < MAX_TRIES; i += 1) {
    token = encodeSsoToken({ validUntil, ssoTokenId: randomUUID(), signature: signature() })
    if (token.includes('+') && token.includes('/') && token.endsWith('=')) return token
  }
  return token
}
