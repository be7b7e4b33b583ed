// Unsigned JWT-shaped tokens for unit tests of code that only reads the payload.

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** A token whose payload is `payload` (header and signature are placeholders). */
export function fakeJwt(payload: unknown): string {
  return `${base64url(JSON.stringify({ alg: 'RS256', kid: 'test' }))}.${base64url(JSON.stringify(payload))}.c2ln`
}
