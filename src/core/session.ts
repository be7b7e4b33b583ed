// The signed-in session as the browser knows it (the BFF keeps the tokens): who, what
// they may use, until when. Nothing here can call a partner by itself; page script that reads it
// learns no credential.
import { z } from 'zod/mini'

export const sessionViewSchema = z.object({
  email: z.string().check(z.minLength(1), z.maxLength(320)),
  permissions: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(64)),
  ciiNo: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  /** When the session ends at the latest, in ms since the epoch. */
  expiresAt: z.number().check(z.int(), z.positive()),
  /** The session ends after this long without use. */
  idleTimeoutSeconds: z.number().check(z.int(), z.positive()),
})

export type SessionView = z.infer<typeof sessionViewSchema>
