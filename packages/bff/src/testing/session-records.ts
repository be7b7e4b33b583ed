// What the session tests keep and read back: one session record of alice, the opaque sealed
// values a store keeps, and a wait for a store that connects in the background.
import { expect } from 'vitest'
import type { SessionRecord, SessionStore } from '../session/session-store.ts'

/** The tests' clock at the start, in ms since the epoch. */
export const START = 1_700_000_000_000

/** alice's session as the BFF stores it, created at {@link START}. */
export const RECORD: SessionRecord = {
  token: 'session-token',
  tokenExpiresAt: START + 900_000,
  refreshAt: START + 840_000,
  refreshToken: 'refresh-token',
  subject: 'alice-sub',
  email: 'alice@example.com',
  permissions: ['assuresign', 'abc'],
  ciiNo: undefined,
  createdAt: START,
  lastSeenAt: START,
  absoluteExpiresAt: START + 86_400_000,
}

/** What a store keeps of a session: a sealed value it never opens (here just a string). */
export const SEALED = 'v1.the-sealed-session-of-alice'
/** The same session written again (used, renewed): another sealed value. */
export const SEALED_AGAIN = 'v1.the-session-of-alice-sealed-again'

/** Resolves once `store` answers: a new store connects in the background and fails till then. */
export async function connected(store: SessionStore): Promise<void> {
  await expect
    .poll(
      () =>
        store.ping().then(
          () => 'up',
          () => 'down',
        ),
      { timeout: 10_000, interval: 20 },
    )
    .toBe('up')
}
