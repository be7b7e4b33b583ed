// An AuthBackend whose answers each test sets; every method is a vi.fn, so calls can be counted.
import { vi } from 'vitest'
import type { AuthBackend, SessionState } from '../core/auth-backend.ts'
import type { InitiateAnswer } from '../../../contract/src/contract.ts'
import { SsoError } from '../core/errors.ts'
import type { SessionView } from '../core/session.ts'
import type { CodeCallback, ErrorCallback } from '../core/validated-callback.ts'

export interface FakeBackend extends AuthBackend {
  readonly initiate: ReturnType<typeof vi.fn<(email: string) => Promise<InitiateAnswer>>>
  readonly login: ReturnType<typeof vi.fn<(callback: CodeCallback) => Promise<SessionView>>>
  readonly reportProviderError: ReturnType<typeof vi.fn<(callback: ErrorCallback) => Promise<void>>>
  readonly session: ReturnType<typeof vi.fn<() => Promise<SessionState>>>
  readonly signOut: ReturnType<typeof vi.fn<() => Promise<void>>>
}

/** What the BFF answers for alice after sign-in. */
export const ALICE_SESSION: SessionView = {
  email: 'alice@example.com',
  permissions: ['assuresign', 'aimbase', 'abc'],
  ciiNo: '1001234567',
  expiresAt: 2_000_000_000_000,
  idleTimeoutSeconds: 1800,
}

const unexpected = (name: string) => () =>
  Promise.reject(new SsoError('backend_unavailable', `unexpected ${name} call`))

export function fakeBackend(): FakeBackend {
  return {
    provider: 'bff',
    initiate: vi.fn(unexpected('initiate')),
    login: vi.fn(unexpected('login')),
    reportProviderError: vi.fn(() => Promise.resolve()),
    session: vi.fn(() => Promise.resolve<SessionState>({ signedIn: false, reason: 'signed_out' })),
    signOut: vi.fn(() => Promise.resolve()),
  }
}

/** A promise the test settles by hand, to hold a request open. */
export function deferred<T>(): {
  promise: Promise<T>
  resolve: (value: T) => void
  reject: (error: unknown) => void
} {
  let resolve: (value: T) => void = () => undefined
  let reject: (error: unknown) => void = () => undefined
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
