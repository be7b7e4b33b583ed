// Test support for the partner routes: the whole sandbox on free ports, alice and bob signed in
// through the real sign-in chain, and gateways of their own (an empty login cache each) routed
// to that sandbox's parties. Test support only; no party imports it.
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import type { SandboxControl } from '../control/control.ts'
import { defaultAppOrigins } from '../idp/client-registration.ts'
import { listen, type RunningServer } from '../lib/http.ts'
import { startSandbox, type RunningSandbox } from '../start-sandbox.ts'
import { USERS, type SandboxUser } from '../users.ts'
import { startGateway } from './gateway.ts'
import type { GatewayUpstreams, UpstreamName } from './route.ts'
import { SIGN_IN_REQUIRED } from './signed-in-route.ts'
import { TestBrowser } from './test-browser.ts'
import { signIn } from './test-sign-in.ts'

export const ALICE: SandboxUser = USERS[0] ?? expect.fail('alice missing')
export const BOB: SandboxUser = USERS[1] ?? expect.fail('bob missing')

const FREE_PORTS = { idp: 0, indee: 0, gateway: 0, assuresign: 0, aimbase: 0, abc: 0, lob: 0 }

export interface PartnerSandbox {
  readonly sandbox: RunningSandbox
  readonly control: SandboxControl
  /** Signs `user` in through the sandbox's gateway; resolves to their session token. */
  signIn(user: SandboxUser): Promise<string>
  /** A gateway with an empty login cache, routed to this sandbox (or to `upstreams`). */
  startGateway(upstreams?: Partial<GatewayUpstreams>): Promise<RunningServer>
  close(): Promise<void>
}

export async function startPartnerSandbox(): Promise<PartnerSandbox> {
  const sandbox = await startSandbox({ mode: 'test', quiet: true, ports: FREE_PORTS })
  const appOrigin = defaultAppOrigins()[0] ?? expect.fail('no app origin')
  const parties = { ...sandbox, appOrigin }
  return {
    sandbox,
    control: sandbox.control,
    signIn: async (user) => (await signIn(parties, new TestBrowser(), user)).token,
    startGateway: (upstreams = {}) =>
      startGateway({
        control: sandbox.control,
        port: 0,
        mode: 'test',
        upstreams: {
          indee: sandbox.indee.url,
          assuresign: sandbox.assuresign.url,
          aimbase: sandbox.aimbase.url,
          abc: sandbox.abc.url,
          ...upstreams,
        },
      }),
    close: () => sandbox.close(),
  }
}

/** An origin where nothing listens (a port that was free a moment ago). */
export async function closedOrigin(): Promise<string> {
  const server = await listen(() => undefined, 0)
  await server.close()
  return server.url
}

/** POSTs to the gateway with exactly `headers` (bytes, so fetch adds no Content-Type). */
export function post(
  gateway: RunningServer,
  path: string,
  headers: Readonly<Record<string, string>>,
  body?: string,
): Promise<Response> {
  return fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers,
    ...(body !== undefined && { body: new TextEncoder().encode(body) }),
  })
}

/** How many requests `party` received whose path ends with `suffix` (since the last reset). */
export function callsTo(
  control: SandboxControl,
  party: 'assuresign' | 'aimbase' | 'abc',
  suffix: string,
): number {
  return control.log(party).filter((r) => r.path.endsWith(suffix)).length
}

export interface PartnerFixture {
  readonly partners: PartnerSandbox
  /** This test's own gateway (an empty login cache), routed to the sandbox. */
  readonly gateway: RunningServer
  /** Session token of one of the users signed in before the first test. */
  sessionOf(user: SandboxUser): string
}

/**
 * Registers the hooks of a partner-route test file: one sandbox with `users` signed in for the
 * file, and before each test a reset of faults, log and clock and a fresh gateway.
 */
export function usePartnerSandbox(users: readonly SandboxUser[]): PartnerFixture {
  let partners: PartnerSandbox | undefined
  let gateway: RunningServer | undefined
  const sessions = new Map<string, string>()
  beforeAll(async () => {
    partners = await startPartnerSandbox()
    for (const user of users) sessions.set(user.email, await partners.signIn(user))
  })
  afterAll(async () => {
    await partners?.close()
  })
  beforeEach(async () => {
    const running = partners ?? expect.fail('the partner sandbox did not start')
    running.control.reset()
    gateway = await running.startGateway()
  })
  afterEach(async () => {
    await gateway?.close()
  })
  return {
    get partners() {
      return partners ?? expect.fail('the partner sandbox did not start')
    },
    get gateway() {
      return gateway ?? expect.fail('no gateway outside a test')
    },
    sessionOf: (user) => sessions.get(user.email) ?? expect.fail(`${user.email} is not signed in`),
  }
}

/** Each answer is the gateway's own 401 Sign-in required, with no vendor field in it. */
export async function expectSignInRequired(responses: readonly Response[]): Promise<void> {
  for (const response of responses) {
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual(SIGN_IN_REQUIRED)
  }
}

/** The answer of a gateway whose `upstream` is an origin where nothing listens. */
export async function answerWithUpstreamDown(
  partners: PartnerSandbox,
  upstream: Exclude<UpstreamName, 'indee'>,
  send: (gateway: RunningServer) => Promise<Response>,
): Promise<{ readonly status: number; readonly body: unknown }> {
  const gateway = await partners.startGateway({ [upstream]: await closedOrigin() })
  try {
    const response = await send(gateway)
    return { status: response.status, body: await response.json() }
  } finally {
    await gateway.close()
  }
}
