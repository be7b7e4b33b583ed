// Test support for the BFF: the whole sandbox on free ports, a BFF built from the sandbox's
// environment (sandbox/bff-env.ts) on a free port of its own, and the browser's side of a
// sign-in through it. Test support only; nothing that ships imports it.
import { expect } from 'vitest'
import { bffEnvironment } from '../../../../sandbox/bff-env.ts'
import { callbackUrlFor, defaultAppOrigins } from '../../../../sandbox/idp/client-registration.ts'
import { TestBrowser } from '../../../../sandbox/lib/test-browser.ts'
import { startParties, type RunningParties } from '../../../../sandbox/start-parties.ts'
import type { SandboxUser } from '../../../../sandbox/users.ts'
import { buildBff, type BuildOptions } from '../app.ts'
import { readConfig, type BffConfig } from '../config.ts'
import { freePort } from './free-port.ts'

const FREE_PORTS = { idp: 0, indee: 0, assuresign: 0, aimbase: 0, abc: 0, lob: 0, control: 0 }

/** A registered app origin: what the browser sends as Origin. */
export const APP_ORIGIN = defaultAppOrigins()[0] ?? 'http://127.0.0.1:5173'

export function startTestSandbox(): Promise<RunningParties> {
  return startParties({ mode: 'test', quiet: true, ports: FREE_PORTS })
}

export { freePort } from './free-port.ts'

/** The BFF configuration for `sandbox`, with `overrides` (SSO_BFF_* variables) on top. */
export function configFor(
  sandbox: RunningParties,
  port: number,
  overrides: Readonly<Record<string, string>> = {},
): BffConfig {
  const env = {
    ...bffEnvironment(
      {
        indee: sandbox.indee.url,
        assuresign: sandbox.assuresign.url,
        aimbase: sandbox.aimbase.url,
        abc: sandbox.abc.url,
      },
      port,
    ),
    // Requests come straight to the BFF here, not through the app's origin.
    SSO_BFF_ALLOWED_HOSTS: `127.0.0.1:${port}`,
    ...overrides,
  }
  const result = readConfig(env)
  if (!result.ok) expect.fail(result.problems.join('; '))
  return result.config
}

export interface RunningBff {
  readonly url: string
  readonly config: BffConfig
  close(): Promise<void>
}

/** A BFF for `sandbox` on a free port, logging nothing unless `logger` is set. */
export async function startTestBff(
  sandbox: RunningParties,
  overrides: Readonly<Record<string, string>> = {},
  options: Omit<BuildOptions, 'config'> = {},
): Promise<RunningBff> {
  const port = await freePort()
  const config = configFor(sandbox, port, overrides)
  const app = await buildBff({ logger: false, ...options, config })
  await app.listen({ host: '127.0.0.1', port })
  return { url: `http://127.0.0.1:${port}`, config, close: () => app.close() }
}

/**
 * A browser of the app: JSON POSTs with the app's Origin, GETs with its cookies, to `bff.url` (a
 * BFF, or the app's origin that proxies /api to one).
 */
export class AppBrowser extends TestBrowser {
  constructor(readonly bff: Pick<RunningBff, 'url'>) {
    super()
  }

  post(path: string, body: unknown, headers: Readonly<Record<string, string>> = {}) {
    return this.postJson(`${this.bff.url}${path}`, body, APP_ORIGIN, headers)
  }

  get(path: string) {
    return this.fetch(`${this.bff.url}${path}`)
  }
}

export interface SignInStart {
  readonly state: string
  readonly nonce: string
  /** The callback URL the identity provider sent the browser to (with code and state). */
  readonly callback: URL
}

/** Initiate through the BFF and the identity provider's sign-in, up to the callback. */
export async function reachCallback(browser: AppBrowser, user: SandboxUser): Promise<SignInStart> {
  const started = await browser.post('/api/sso/initiate', { email: user.email })
  expect(started.status).toBe(200)
  const { state, nonce, redirect } = (await started.json()) as Record<string, string>
  const callback = await browser.signInAtIdp(redirect ?? '', callbackUrlFor(APP_ORIGIN), {
    email: user.email,
    password: user.password,
    action: 'login',
  })
  return { state: state ?? '', nonce: nonce ?? '', callback }
}

/** The login body the app sends for `start`. */
export function loginBody(start: SignInStart, email: string) {
  return {
    state: start.callback.searchParams.get('state') ?? start.state,
    nonce: start.nonce,
    email,
    code: start.callback.searchParams.get('code') ?? expect.fail('no code on the callback'),
  }
}

/** The whole sign-in; resolves to the login answer (the session cookie is in the jar). */
export async function signIn(browser: AppBrowser, user: SandboxUser): Promise<Response> {
  const start = await reachCallback(browser, user)
  return browser.post('/api/sso/login', loginBody(start, user.email))
}

/** A callback `browser` did not start, for `email`: the BFF refuses it (403) before Indee is asked. */
export async function unboundLogin(browser: AppBrowser, email: string): Promise<Response> {
  const refused = await browser.post('/api/sso/login', {
    state: 'not-started-here',
    nonce: 'n',
    email,
    code: 'c',
  })
  expect(refused.status).toBe(403)
  return refused
}
