// The people of the chaos run (scripts/topology/chaos.ts): sandbox users signed in through nginx
// without a browser, each with a cookie jar of their own (sandbox/lib/test-browser.ts). They call
// /api as the app does (JSON POSTs with the app's Origin), and every call through nginx is timed
// and recorded, a network error or a timeout as status 0.
import { z } from 'zod'
import {
  API_PREFIX,
  AUTH_ROUTES,
  PARTNER_PATHS,
  type InitiateAnswer,
} from '../../packages/contract/src/contract.ts'
import { callbackUrlFor } from '../../sandbox/idp/client-registration.ts'
import { TestBrowser } from '../../sandbox/lib/test-browser.ts'
import type { SandboxUser } from '../../sandbox/users.ts'
import type { RequestKind, RequestRecord } from './chaos-report.ts'

/** A request still unanswered after this long counts as failed (status 0). */
const REQUEST_TIMEOUT_MS = 15_000

/** Where the chaos run's requests go, and where each one is written down. */
export interface ChaosTarget {
  /** nginx's origin: the app's origin in the production shape. */
  readonly appOrigin: string
  /** Milliseconds since the run began (every record's clock). */
  readonly now: () => number
  readonly record: (record: RequestRecord) => void
}

/** One signed-in person: the jar holds the session cookie. */
export interface ChaosSession {
  readonly id: number
  readonly user: SandboxUser
  readonly browser: TestBrowser
  /** When its sign-in was answered (run clock). */
  readonly createdAt: number
  /** False once the load saw it answer 401: it is no longer used, only checked. */
  alive: boolean
}

let nextSessionId = 1

/** Sends one request through nginx with `browser`'s cookies, timed and recorded. */
async function timed(
  target: ChaosTarget,
  browser: TestBrowser,
  kind: RequestKind,
  path: string,
  body?: unknown,
): Promise<{ readonly status: number; readonly json: unknown }> {
  const start = target.now()
  let status: number
  let json: unknown
  try {
    const init: RequestInit = { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }
    const response =
      body === undefined
        ? await browser.fetch(`${target.appOrigin}${path}`, init)
        : await browser.fetch(`${target.appOrigin}${path}`, {
            ...init,
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: target.appOrigin },
            body: JSON.stringify(body),
          })
    const text = await response.text()
    status = response.status
    json = text === '' ? undefined : safeJson(text)
  } catch {
    status = 0
  }
  target.record({ kind, start, end: target.now(), status })
  return { status, json }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

const initiateAnswerSchema: z.ZodType<InitiateAnswer> = z.object({
  state: z.string(),
  nonce: z.string(),
  redirect: z.string(),
})

/**
 * Signs `user` in through nginx as the app does: initiate, the identity provider's form, the
 * callback, login. Resolves to the session, or undefined when a step through nginx failed (it is
 * recorded); a failure at the identity provider itself (not behind nginx) throws.
 */
export async function signIn(
  target: ChaosTarget,
  user: SandboxUser,
): Promise<ChaosSession | undefined> {
  const browser = new TestBrowser()
  const started = await timed(target, browser, 'initiate', API_PREFIX + AUTH_ROUTES.initiate, {
    email: user.email,
  })
  const answer = initiateAnswerSchema.safeParse(started.json)
  if (started.status !== 200 || !answer.success) return undefined
  const { state, nonce, redirect } = answer.data
  const callback = await browser.signInAtIdp(redirect, callbackUrlFor(target.appOrigin), {
    email: user.email,
    password: user.password,
    action: 'login',
  })
  const code = callback.searchParams.get('code')
  if (code === null) throw new Error(`no code on the callback for ${user.email}`)
  const login = await timed(target, browser, 'login', API_PREFIX + AUTH_ROUTES.login, {
    state: callback.searchParams.get('state') ?? state,
    nonce,
    email: user.email,
    code,
  })
  if (login.status !== 200) return undefined
  return { id: nextSessionId++, user, browser, createdAt: target.now(), alive: true }
}

/** GET /api/session with `session`'s cookie; resolves to the status (0: no answer). */
export async function checkSession(target: ChaosTarget, session: ChaosSession): Promise<number> {
  return (await timed(target, session.browser, 'session', API_PREFIX + AUTH_ROUTES.session)).status
}

/** The AssureSign hand-off (its body is empty: the person is the session's). */
export async function handOff(target: ChaosTarget, session: ChaosSession): Promise<number> {
  return (
    await timed(target, session.browser, 'handoff', API_PREFIX + PARTNER_PATHS.assuresign, {})
  ).status
}

/** GET /api/session without recording it: the sessions-lost check before and after a fault. */
export async function sessionStatus(appOrigin: string, session: ChaosSession): Promise<number> {
  try {
    const response = await session.browser.fetch(
      `${appOrigin}${API_PREFIX}${AUTH_ROUTES.session}`,
      {
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      },
    )
    await response.body?.cancel()
    return response.status
  } catch {
    return 0
  }
}
