// Rotating SSO_BFF_SIGNIN_SECRET on running instances: a sign-in started before the rotation
// (its cookie made with the old key) finishes on an instance that lists the old key after the
// new one, and only there.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import type { RunningParties } from '../../../sandbox/start-parties.ts'
import { USERS, type SandboxUser } from '../../../sandbox/users.ts'
import {
  APP_ORIGIN,
  AppBrowser,
  loginBody,
  reachCallback,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from './testing/bff-sandbox.ts'

const ALICE: SandboxUser = USERS[0] ?? expect.fail('no alice')
const KEY_A = 'the-sign-in-key-before-the-rotation-0123'
const KEY_B = 'the-sign-in-key-after-the-rotation-45678'

let sandbox: RunningParties
/** Before the rotation: A only. */
let before: RunningBff
/** During: B signs, A is still accepted. */
let during: RunningBff
/** After: B only. */
let after: RunningBff

beforeAll(async () => {
  sandbox = await startTestSandbox()
  before = await startTestBff(sandbox, { SSO_BFF_SIGNIN_SECRET: KEY_A })
  during = await startTestBff(sandbox, { SSO_BFF_SIGNIN_SECRET: `${KEY_B},${KEY_A}` })
  after = await startTestBff(sandbox, { SSO_BFF_SIGNIN_SECRET: KEY_B })
})
afterAll(async () => {
  await Promise.all([before, during, after].map((bff) => bff.close()))
  await sandbox.close()
})
beforeEach(() => {
  sandbox.control.reset()
})

/** A sign-in started on `start` up to the callback, whose sso/login then goes to `finish`. */
async function signInAcross(start: RunningBff, finish: RunningBff): Promise<Response> {
  const browser = new AppBrowser(start)
  const callback = await reachCallback(browser, ALICE)
  return browser.postJson(
    `${finish.url}/api/sso/login`,
    loginBody(callback, ALICE.email),
    APP_ORIGIN,
  )
}

test('a sign-in started with key A finishes on an instance with keys B,A', async () => {
  const answer = await signInAcross(before, during)
  expect(answer.status).toBe(200)
  expect(await answer.json()).toMatchObject({ email: ALICE.email })
})

test('a sign-in started with key A does not finish on an instance with key B only', async () => {
  const answer = await signInAcross(before, after)
  expect(answer.status).toBe(403)
  expect(await answer.json()).toMatchObject({ error: 'sign_in_not_bound' })
})

test('an instance with keys B,A starts sign-ins with B', async () => {
  expect((await signInAcross(during, after)).status).toBe(200)
  expect((await signInAcross(during, before)).status).toBe(403)
})
