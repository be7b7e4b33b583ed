// What the partners share, through a BFF against the sandbox's emulators: the session a hand-off
// needs, the vendors refusing the BFF's credentials or token, and one partner's hung call not
// holding up another's. Each partner's own tests are next to it (partners/<name>.test.ts).
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import { USERS, type SandboxUser } from '../../../../sandbox/users.ts'
import { AppBrowser, signIn } from '../testing/bff-sandbox.ts'
import { startPartnerBench, type PartnerBench } from '../testing/partner-bench.ts'

const [ALICE, , CAROL] = USERS as [SandboxUser, SandboxUser, SandboxUser]
const ALICES_ACCOUNT = ALICE.aimbaseAccounts[0] ?? ''
const ASSURESIGN_SSO = '/api/assuresign/authentication/sso'
const SIGN_ON = '/api/aimbase/Security/SignOnAccount'

let bench: PartnerBench
beforeAll(async () => {
  bench = await startPartnerBench({ users: [ALICE] })
  // A hand-off first, so that this BFF holds an Aimbase token for the vendors to refuse.
  expect((await bench.as(ALICE).post(SIGN_ON, { AccountUid: ALICES_ACCOUNT })).status).toBe(200)
})
afterAll(() => bench.close())
beforeEach(() => bench.reset())

test('a bearer token without the session cookie is ignored', async () => {
  const stranger = new AppBrowser(bench.bff)
  const answer = await stranger.post(
    ASSURESIGN_SSO,
    {},
    {
      authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl',
    },
  )
  expect(answer.status).toBe(401)
  expect(await answer.json()).toMatchObject({ error: 'signed_out' })
  expect(bench.sandbox.control.log('assuresign')).toEqual([])
})

test("a vendor refusing the BFF's own credentials reaches the browser as a plain 502", async () => {
  const fresh = await bench.startBff()
  try {
    const browser = new AppBrowser(fresh)
    await signIn(browser, ALICE)
    bench.sandbox.control.addFault({
      party: 'assuresign',
      path: '/apiUserAuthentication',
      status: 401,
      body: '{"errorCode":"UNAUTHORIZED","summary":"API key sso-bridge-sandbox is revoked","details":[]}',
      times: 1,
    })
    const answer = await browser.post(ASSURESIGN_SSO, {})
    expect(answer.status).toBe(502)
    const text = await answer.text()
    expect(JSON.parse(text)).toMatchObject({ error: 'partner_unavailable' })
    expect(text).not.toMatch(/API key|revoked|UNAUTHORIZED/)
    expect(bench.failures()).toEqual([
      { code: 'partner_unavailable', reason: 'AssureSign login refused' },
    ])
  } finally {
    await fresh.close()
  }
})

test("a hung Aimbase login does not hold up another person's AssureSign hand-off", async () => {
  const fresh = await bench.startBff({ SSO_BFF_UPSTREAM_TIMEOUT_MS: '2000' })
  try {
    const alice = new AppBrowser(fresh)
    const carol = new AppBrowser(fresh)
    await signIn(alice, ALICE)
    await signIn(carol, CAROL)
    bench.sandbox.control.addFault({
      party: 'aimbase',
      path: '/api/Security/Login',
      delayMs: 40_000,
      times: 1,
    })
    const started = Date.now()
    let aimbaseDone = false
    const hung = alice.post(SIGN_ON, { AccountUid: ALICES_ACCOUNT }).then((response) => {
      aimbaseDone = true
      return response
    })
    const assureSign = await carol.post(ASSURESIGN_SSO, {})
    expect(assureSign.status).toBe(200)
    expect(aimbaseDone).toBe(false)
    const dropped = await hung
    expect(dropped.status).toBe(504)
    expect(await dropped.json()).toMatchObject({ error: 'upstream_timeout' })
    // Dropped at the BFF's upstream timeout, not after the 40 s the login would take.
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(bench.failures()).toEqual([
      { code: 'upstream_timeout', reason: 'Aimbase login timed out' },
    ])
  } finally {
    await fresh.close()
  }
})

test('a vendor refusing the BFF token once gets a fresh login, and the hand-off goes through', async () => {
  bench.sandbox.control.addFault({
    party: 'aimbase',
    path: '/api/Security/SignOnAccount',
    status: 401,
    body: '{"Message":"Authorization has been denied for this request."}',
    times: 1,
  })
  const answer = await bench.as(ALICE).post(SIGN_ON, { AccountUid: ALICES_ACCOUNT })
  expect(answer.status).toBe(200)
  expect(bench.calls('aimbase', '/Security/SignOnAccount')).toBe(2)
  expect(bench.calls('aimbase', '/Security/Login')).toBe(1)
})

test('a vendor refusing the BFF token twice is a plain 502 without its words', async () => {
  bench.sandbox.control.addFault({
    party: 'aimbase',
    path: '/api/Security/SignOnAccount',
    status: 401,
    body: '{"Message":"Authorization has been denied for this request."}',
    times: 2,
  })
  const answer = await bench.as(ALICE).post(SIGN_ON, { AccountUid: ALICES_ACCOUNT })
  expect(answer.status).toBe(502)
  const text = await answer.text()
  expect(JSON.parse(text)).toMatchObject({ error: 'partner_unavailable' })
  expect(text).not.toContain('denied')
  expect(bench.failures()).toEqual([
    { code: 'partner_unavailable', reason: "Aimbase refused the BFF's token twice" },
  ])
})
