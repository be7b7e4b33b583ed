// Callbacks as validateCallback returns them, for tests of what consumes one (the backend's
// login and error report): made by the real check over a stored transaction, never by a cast.
import { TEST_ISSUER } from './runtime-config.ts'
import { createTransactionStore } from '../core/transaction-store.ts'
import {
  validateCallback,
  type CodeCallback,
  type ErrorCallback,
} from '../core/validated-callback.ts'

interface Sign {
  readonly state?: string
  readonly nonce?: string
  readonly email?: string
}

function checked(query: Record<string, string>, sign: Sign) {
  const state = sign.state ?? 's1'
  const now = () => 1_700_000_000_000
  const store = createTransactionStore({ storage: sessionStorage, now, ttlMs: 600_000 })
  store.save({
    flow: 'signin',
    provider: 'bff',
    state,
    nonce: sign.nonce ?? 'n1',
    email: sign.email ?? 'alice@example.com',
    returnTo: '/',
    issuer: TEST_ISSUER,
    createdAt: now(),
  })
  const search = new URLSearchParams({ ...query, state, iss: TEST_ISSUER })
  const callback = validateCallback(
    `http://127.0.0.1:5173/sso/callback?${search.toString()}`,
    store,
    {
      issuer: TEST_ISSUER,
    },
  )
  store.clear()
  return callback
}

/** A checked callback carrying `code`. */
export function codeCallback(code = 'c1', sign: Sign = {}): CodeCallback {
  const callback = checked({ code }, sign)
  if (callback.kind !== 'code') throw new Error('expected a code callback')
  return callback
}

/** A checked callback carrying the provider's `error`. */
export function errorCallback(
  error: string,
  errorDescription: string,
  sign: Sign = {},
): ErrorCallback {
  const callback = checked({ error, error_description: errorDescription }, sign)
  if (callback.kind !== 'error') throw new Error('expected an error callback')
  return callback
}
