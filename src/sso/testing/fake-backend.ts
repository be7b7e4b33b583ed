// An AuthBackend whose answers each test sets; every method is a vi.fn, so calls can be counted.
import { vi } from 'vitest'
import type {
  AuthBackend,
  InitiateResult,
  LoginParams,
  ProviderErrorReport,
  SessionTokens,
} from '../auth-backend.ts'
import { SsoError } from '../errors.ts'

export interface FakeBackend extends AuthBackend {
  readonly initiate: ReturnType<typeof vi.fn<(email: string) => Promise<InitiateResult>>>
  readonly login: ReturnType<typeof vi.fn<(params: LoginParams) => Promise<SessionTokens>>>
  readonly reportProviderError: ReturnType<
    typeof vi.fn<(report: ProviderErrorReport) => Promise<void>>
  >
  readonly refresh: ReturnType<
    typeof vi.fn<(refreshToken: string) => Promise<{ readonly token: string }>>
  >
  readonly logout: ReturnType<typeof vi.fn<(refreshToken: string) => Promise<void>>>
}

const unexpected = (name: string) => () =>
  Promise.reject(new SsoError('backend_unavailable', `unexpected ${name} call`))

export function fakeBackend(): FakeBackend {
  return {
    provider: 'indee',
    initiate: vi.fn(unexpected('initiate')),
    login: vi.fn(unexpected('login')),
    reportProviderError: vi.fn(() => Promise.resolve()),
    refresh: vi.fn(unexpected('refresh')),
    logout: vi.fn(() => Promise.resolve()),
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
