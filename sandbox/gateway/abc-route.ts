// /api/abc/cmnsrv/user/generate-sso-token → ABC's GenerateSSOToken (DESIGN.md §4). ABC verifies
// the session token itself, so the gateway passes it on (bare, as ABC documents it) and adds only
// its client id. The browser's x-api-version and Content-Type go through as sent, so ABC's own 400s
// still reach the app. The upstream Host stays loopback and no X-Forwarded-For is sent: ABC
// answers 406 to callers outside its allowlist.
import { readBody } from '../lib/http.ts'
import { ABC_SANDBOX_CREDENTIALS } from '../vendors/abc/credentials.ts'
import { browserHeaders, forwardToVendor, signedInRoute } from './signed-in-route.ts'

const GENERATE_PATH = 'cmnsrv/user/generate-sso-token'

export const abcRoute = signedInRoute({
  prefix: '/api/abc/',
  path: GENERATE_PATH,
  sessionScheme: 'bearer-or-raw',
  async handle({ req, res, context, sessionJwt }) {
    const body = await readBody(req)
    await forwardToVendor(res, 'ABC', {
      url: `${context.upstreams.abc}/${GENERATE_PATH}`,
      method: 'POST',
      headers: {
        ...browserHeaders(req, ['content-type', 'x-api-version', 'accept']),
        authorization: sessionJwt,
        'x-lob-client-id': ABC_SANDBOX_CREDENTIALS.clientId,
      },
      body,
    })
  },
})
