// Sessions at rest: every record is sealed (AES-256-GCM) before a store sees it, with a key
// derived from the cookie's session id. A store holds only the SHA-256 of the id, so neither the
// key nor the record can be had from a dump, a replica or a backup of it. The store key is bound
// as additional authenticated data: a value moved under another key does not open there.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { SessionRecord } from './session-store.ts'

/** Starts every sealed value, so that the format can change later. */
const VERSION = 'v1.'
/** RFC 5869 §3.2: `info` binds the derived key to this one purpose (and format version). */
const INFO = 'sso-bridge session v1'
// NIST SP 800-38D §8.2.2, §8.3: a random 96-bit IV at every write is safe up to 2^32 writes under
// one key; a key seals the writes of one session only.
const IV_BYTES = 12
const TAG_BYTES = 16

const recordSchema = z.object({
  token: z.string().min(1),
  tokenExpiresAt: z.number(),
  refreshAt: z.number(),
  refreshToken: z.string().min(1),
  subject: z.string(),
  email: z.string(),
  permissions: z.array(z.string()),
  ciiNo: z.string().optional(),
  createdAt: z.number(),
  lastSeenAt: z.number(),
  absoluteExpiresAt: z.number(),
})

/** The record in `text`, or undefined when it is not JSON or not a session record. */
function recordOf(text: string): SessionRecord | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  const parsed = recordSchema.safeParse(value)
  if (!parsed.success) return undefined
  return { ...parsed.data, ciiNo: parsed.data.ciiNo }
}

export interface SessionSeal {
  /** `record` sealed, as the store keeps it: `v1.` and base64url of IV, ciphertext and tag. */
  seal(record: SessionRecord): string
  /** The record in `value`; undefined when it does not open (changed, moved, another format). */
  open(value: string): SessionRecord | undefined
}

/**
 * HKDF-Expand with SHA-256 (RFC 5869 §2.3) for one 32-byte block, keyed with `prk`. RFC 5869 §3.3:
 * the extract step may be skipped when the input is already a cryptographically strong key, as
 * the session id is (32 random bytes): one HMAC per request instead of two.
 */
export function hkdfExpandSha256(prk: string | Uint8Array, info: string | Uint8Array): Buffer {
  return createHmac('sha256', prk).update(info).update(EXPAND_COUNTER).digest()
}

const EXPAND_COUNTER = Uint8Array.of(1)

/** The seal of session `id`, stored under `storeKey`; derive it once per request. */
export function createSessionSeal(id: string, storeKey: string): SessionSeal {
  // Derived when first needed: a request whose session this process already opened needs none.
  let derived: Buffer | undefined
  const keyOf = () => (derived ??= hkdfExpandSha256(id, INFO))
  const aad = Buffer.from(storeKey)
  return {
    seal(record) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', keyOf(), iv, { authTagLength: TAG_BYTES })
      cipher.setAAD(aad)
      const body = cipher.update(JSON.stringify(record), 'utf8')
      const sealed = Buffer.concat([iv, body, cipher.final(), cipher.getAuthTag()])
      return VERSION + sealed.toString('base64url')
    },
    open(value) {
      if (!value.startsWith(VERSION)) return undefined
      const sealed = Buffer.from(value.slice(VERSION.length), 'base64url')
      if (sealed.length < IV_BYTES + TAG_BYTES) return undefined
      const iv = sealed.subarray(0, IV_BYTES)
      const decipher = createDecipheriv('aes-256-gcm', keyOf(), iv, { authTagLength: TAG_BYTES })
      decipher.setAAD(aad)
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES))
      try {
        const body = decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES))
        return recordOf(Buffer.concat([body, decipher.final()]).toString('utf8'))
      } catch {
        return undefined
      }
    },
  }
}
