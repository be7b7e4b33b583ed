// The backend checks the ID token's own nonce, not only the one in the login request: driven by a
// real identity provider whose token answer is altered in flight, swapping in the ID token of
// another real sign-in (valid signature, issuer and audience; another nonce).
import { afterEach, expect, test, vi } from 'vitest'
import { outbound } from '../lib/kept-alive-fetch.ts'
import { USERS, type SandboxUser } from '../users.ts'
import { INDEE_STATUS } from './status-codes.ts'
import { reachLogin, useIndeeParties } from './test-sign-in.ts'

const alice: SandboxUser = USERS[0] ?? expect.fail('no alice')

const parties = useIndeeParties()
afterEach(() => {
  vi.restoreAllMocks()
})

/**
 * Wraps the backend's calls so that the identity provider's token answers pass through `alter`;
 * resolves the ID tokens that went by.
 */
function interceptTokenAnswers(alter: (idToken: string) => string): string[] {
  const seen: string[] = []
  const realFetch = outbound.fetch
  vi.spyOn(outbound, 'fetch').mockImplementation(async (url, init) => {
    const response = await realFetch(url, init)
    if (!url.startsWith(parties.idp.issuer) || !url.endsWith('/token')) return response
    const body = (await response.json()) as { id_token: string }
    seen.push(body.id_token)
    return Response.json({ ...body, id_token: alter(body.id_token) }, { status: response.status })
  })
  return seen
}

test('an ID token of another sign-in, swapped into the token answer, is refused', async () => {
  const first = interceptTokenAnswers((idToken) => idToken)
  const one = await reachLogin(parties, alice)
  expect((await parties.call('sso/login', one.body)).status).toBe(200)
  const otherIdToken = first[0] ?? expect.fail('no ID token went by')
  vi.restoreAllMocks()

  const swapped = interceptTokenAnswers(() => otherIdToken)
  const two = await reachLogin(parties, alice)
  const answer = await parties.call('sso/login', two.body)
  expect(swapped).toHaveLength(1)
  expect(answer.status).toBe(INDEE_STATUS.exchangeFailed.http)
  const body = (await answer.json()) as Record<string, unknown>
  expect(body).toMatchObject({ status_code: INDEE_STATUS.exchangeFailed.code })
  expect(body).not.toHaveProperty('token')
})

test('the same sign-in with its own ID token passes (the interception changes nothing else)', async () => {
  interceptTokenAnswers((idToken) => idToken)
  const { body } = await reachLogin(parties, alice)
  const answer = await parties.call('sso/login', body)
  expect(answer.status).toBe(200)
})
