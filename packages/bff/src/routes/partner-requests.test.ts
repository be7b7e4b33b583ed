// What the BFF sends the vendors, seen by a recording stand-in for all three (the sandbox's
// emulators accept more than the vendors document, and log only paths). Sign-in is the sandbox's.
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest'
import type { RunningSandbox } from '../../../../sandbox/start-sandbox.ts'
import { USERS, type SandboxUser } from '../../../../sandbox/users.ts'
import type { PartnerSettings } from '../config.ts'
import {
  AppBrowser,
  signIn,
  startTestBff,
  startTestSandbox,
  type RunningBff,
} from '../testing/bff-sandbox.ts'
import { startRecordingUpstream, type RecordingUpstream } from '../testing/recording-upstream.ts'

const ALICE: SandboxUser = USERS[0] ?? expect.fail('no alice')
const ALICES_ACCOUNT = ALICE.aimbaseAccounts[0] ?? ''
const JWT = /^[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}$/

let sandbox: RunningSandbox
let vendors: RecordingUpstream
let bff: RunningBff
let alice: AppBrowser

beforeAll(async () => {
  sandbox = await startTestSandbox()
  vendors = await startRecordingUpstream({
    '/api/Security/Login': { body: '"aimbase-api-token"' },
    '/api/Security/SignOnAccount': { body: '"aimbase-sso-token"' },
    '/apiUserAuthentication': { body: '{"result":{"token":"assuresign-session-token"}}' },
    '/authentication/sso': { body: '{"result":{"ssoToken":"assuresign-sso-token"}}' },
    '/generate-sso-token': { body: '{"ReturnCode":"1","TokenNo":"t","TokenRefNo":"r"}' },
  })
  bff = await startTestBff(sandbox, {
    SSO_BFF_ABC_URL: vendors.url,
    SSO_BFF_AIMBASE_URL: vendors.url,
    SSO_BFF_ASSURESIGN_URL: vendors.url,
  })
  alice = new AppBrowser(bff)
  expect((await signIn(alice, ALICE)).status).toBe(200)
})
afterAll(async () => {
  await bff.close()
  await vendors.close()
  await sandbox.close()
})
beforeEach(() => {
  sandbox.control.reset()
})

/** A partner's settings as the BFF read them (the sandbox configures every partner). */
function settingsOf<Name extends keyof PartnerSettings>(name: Name) {
  return bff.config.partners[name] ?? expect.fail(`${name} is not configured`)
}

const GENERATE = '/api/abc/cmnsrv/user/generate-sso-token'

test('ABC is asked for JSON with the session token, the client id and her own CII number', async () => {
  const before = vendors.requests('/generate-sso-token').length
  const answer = await alice.post(
    GENERATE,
    { LOBId: 'ABSLI', Functionality: 'POL' },
    { 'x-api-version': '1.0.0' },
  )
  expect(answer.status).toBe(200)
  const [sent] = vendors.requests('/generate-sso-token').slice(before)
  expect(sent?.headers).toMatchObject({
    'content-type': 'application/json',
    accept: 'application/json',
    'x-api-version': '1.0.0',
    'x-lob-client-id': settingsOf('abc').CLIENT_ID,
  })
  expect(sent?.headers.authorization).toMatch(JWT)
  expect(JSON.parse(sent?.body ?? '')).toEqual({
    CIINo: ALICE.ciiNo,
    LOBId: 'ABSLI',
    Functionality: 'POL',
  })
})

test('without an x-api-version from the browser, ABC gets none either', async () => {
  const before = vendors.requests('/generate-sso-token').length
  await alice.post(GENERATE, { LOBId: 'ABSLI', Functionality: 'POL' })
  const [sent] = vendors.requests('/generate-sso-token').slice(before)
  expect(sent).toBeDefined()
  expect(sent?.headers).not.toHaveProperty('x-api-version')
})

test('the BFF logs in at Aimbase as its API user, then signs on in the format asked for', async () => {
  const json = await alice.post('/api/aimbase/Security/SignOnAccount', {
    AccountUid: ALICES_ACCOUNT,
  })
  expect(json.status).toBe(200)
  const xml = await alice.post('/api/aimbase/Security/SignOnAccount', {
    AccountUid: ALICES_ACCOUNT,
    Format: 'xml',
  })
  expect(xml.status).toBe(200)
  const logins = vendors.requests('/api/Security/Login')
  expect(logins.map((r) => JSON.parse(r.body) as unknown)).toEqual([
    {
      Username: settingsOf('aimbase').API_USERNAME,
      Password: settingsOf('aimbase').API_PASSWORD,
      Type: 'Api',
    },
  ])
  const signOns = vendors.requests('/api/Security/SignOnAccount').slice(-2)
  expect(signOns.map((r) => r.headers)).toMatchObject([
    {
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json',
      apitoken: 'aimbase-api-token',
    },
    {
      'content-type': 'application/xml; charset=utf-8',
      accept: 'application/xml',
      apitoken: 'aimbase-api-token',
    },
  ])
})

test("the BFF logs in at AssureSign in the person's name, then asks for the ssoToken with it", async () => {
  const answer = await alice.post('/api/assuresign/authentication/sso', {})
  expect(answer.status).toBe(200)
  expect(await answer.json()).toEqual({ result: { ssoToken: 'assuresign-sso-token' } })
  const [login] = vendors.requests('/apiUserAuthentication')
  expect(JSON.parse(login?.body ?? '')).toEqual({
    request: {
      apiUsername: settingsOf('assuresign').API_USERNAME,
      key: settingsOf('assuresign').API_KEY,
      contextUsername: 'alice@example.com',
      sessionLengthInMinutes: 30,
    },
  })
  const [sso] = vendors.requests('/authentication/sso')
  expect(sso?.headers).toMatchObject({
    accept: 'application/json',
    authorization: 'bearer assuresign-session-token',
  })
  expect(sso?.body).toBe('')
})
