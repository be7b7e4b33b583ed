// /api/assuresign over real HTTP: the whole sandbox, alice and bob signed in for real, a gateway
// of its own per test (empty login cache), the AssureSign emulator behind it.
import { expect, test } from 'vitest'
import { ASSURESIGN_SANDBOX_ENVELOPES } from '../vendors/assuresign/credentials.ts'
import { ASSURESIGN_SESSION_MINUTES } from './assuresign-route.ts'
import {
  ALICE,
  BOB,
  answerWithUpstreamDown,
  callsTo,
  expectSignInRequired,
  post,
  usePartnerSandbox,
} from './test-partners.ts'
import { LOGIN_RENEWAL_MARGIN_MS } from './upstream-logins.ts'

const SSO = '/api/assuresign/authentication/sso'
const ENVELOPE = ASSURESIGN_SANDBOX_ENVELOPES[0] ?? expect.fail('no envelope')

const fixture = usePartnerSandbox([ALICE, BOB])
const alice = () => fixture.sessionOf(ALICE)
const bob = () => fixture.sessionOf(BOB)

function handOff(sessionToken: string, headers: Readonly<Record<string, string>> = {}) {
  return post(fixture.gateway, SSO, { authorization: `Bearer ${sessionToken}`, ...headers })
}

const logins = () => callsTo(fixture.partners.control, 'assuresign', '/apiUserAuthentication')
const ssoCalls = () => callsTo(fixture.partners.control, 'assuresign', '/authentication/sso')

/** AssureSign answers the next call to `path` with `status` and FORBIDDEN; returns that body. */
function forbiddenOnce(path: string, status: number, summary: string): string {
  const body = JSON.stringify({ errorCode: 'FORBIDDEN', summary, details: [] })
  fixture.partners.control.addFault({ party: 'assuresign', path, status, body, times: 1 })
  return body
}

async function ssoTokenOf(response: Response): Promise<string> {
  expect(response.status).toBe(200)
  const body = (await response.json()) as { result: { ssoToken: string } }
  return body.result.ssoToken
}

test('gives alice an ssoToken that Simple Setup accepts for her', async () => {
  const ssoToken = await ssoTokenOf(await handOff(alice()))
  const page = await fetch(
    `${fixture.partners.sandbox.assuresign.url}/ui/simpleSetup/${ENVELOPE}?ssoToken=${encodeURIComponent(ssoToken)}`,
  )
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('Signed in as alice@example.com')
})

test('answers 401 Sign-in required without calling AssureSign for a missing, forged or expired session', async () => {
  const refused = [
    await post(fixture.gateway, SSO, {}),
    await post(fixture.gateway, SSO, { authorization: 'Bearer not-a-jwt' }),
    await post(fixture.gateway, SSO, { authorization: alice() }), // AssureSign's route wants Bearer
  ]
  fixture.partners.control.advanceClock(15 * 60_000 + 1_000)
  refused.push(await handOff(alice()))
  await expectSignInRequired(refused)
  expect(fixture.partners.control.log('assuresign')).toEqual([])
})

test('refuses bob, who has no AssureSign permission, with 403 FORBIDDEN and no AssureSign call', async () => {
  const response = await handOff(bob())
  expect(response.status).toBe(403)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(await response.json()).toEqual({
    errorCode: 'FORBIDDEN',
    summary: 'The signed-in user may not use AssureSign.',
    details: [],
  })
  expect(logins()).toBe(0)
  expect(fixture.partners.control.log('assuresign')).toEqual([])
})

test("passes AssureSign's own 403 FORBIDDEN back unchanged when it refuses the context user", async () => {
  const refusal = forbiddenOnce(
    '/apiUserAuthentication',
    403,
    'The context user is not a user of this account.',
  )
  const response = await handOff(alice())
  expect(response.status).toBe(403)
  expect(await response.text()).toBe(refusal)
  expect(ssoCalls()).toBe(0)
})

test('logs alice in once and reuses her AssureSign session for later hand-offs', async () => {
  for (let i = 0; i < 3; i += 1) await ssoTokenOf(await handOff(alice()))
  expect(logins()).toBe(1)
  expect(ssoCalls()).toBe(3)
})

test('logs in again when the AssureSign session nears its end on the sandbox clock', async () => {
  await ssoTokenOf(await handOff(alice()))
  fixture.partners.control.advanceClock(
    ASSURESIGN_SESSION_MINUTES * 60_000 - LOGIN_RENEWAL_MARGIN_MS,
  )
  await ssoTokenOf(await handOff(await fixture.partners.signIn(ALICE)))
  expect(logins()).toBe(2)
})

test('passes a 401 from the sso call back, drops the session, and logs in again next time', async () => {
  await ssoTokenOf(await handOff(alice()))
  const refusal = forbiddenOnce('/authentication/sso', 401, 'The session token is not valid.')
  const refused = await handOff(alice())
  expect(refused.status).toBe(401)
  expect(await refused.text()).toBe(refusal)
  expect(logins()).toBe(1) // no automatic retry
  await ssoTokenOf(await handOff(alice()))
  expect(logins()).toBe(2)
})

test('answers 405 to other methods and 404 to other paths, without calling AssureSign', async () => {
  const get = await fetch(`${fixture.gateway.url}${SSO}`, {
    headers: { authorization: `Bearer ${alice()}` },
  })
  expect(get.status).toBe(405)
  expect(get.headers.get('allow')).toBe('POST')
  for (const path of [
    '/api/assuresign/authentication/apiUserAuthentication',
    `${SSO}/`,
    '/api/assuresign/Authentication/SSO',
  ]) {
    const response = await post(fixture.gateway, path, { authorization: `Bearer ${alice()}` })
    expect(response.status).toBe(404)
  }
  expect(fixture.partners.control.log('assuresign')).toEqual([])
})

test('answers 502 when AssureSign cannot be reached', async () => {
  const answer = await answerWithUpstreamDown(fixture.partners, 'assuresign', (gateway) =>
    post(gateway, SSO, { authorization: `Bearer ${alice()}` }),
  )
  expect(answer).toEqual({ status: 502, body: { message: 'AssureSign is unreachable' } })
})
