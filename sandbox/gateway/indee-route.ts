// /api/indee/<rest> → the auth backend's /v1/admin/auth/<rest>, for the four calls the SPA
// makes. The browser's credentials never reach the backend; the gateway adds the API key.
import { indeeApiKey } from '../indee/api-key.ts'
import { INDEE_API_PREFIX } from '../indee/indee.ts'
import { sendIndee } from '../indee/status-codes.ts'
import { readBody } from '../lib/http.ts'
import { forwardToUpstream, pickHeaders } from './forward.ts'
import type { GatewayRoute } from './route.ts'

const INDEE_CALLS = new Set(['sso/initiate', 'sso/login', 'refresh', 'logout'])

/** Headers taken from the browser; Authorization and any other credential header are not. */
const FORWARDED_HEADERS = ['content-type', 'cookie', 'origin'] as const

export const indeeRoute: GatewayRoute = {
  prefix: '/api/indee/',
  async handle(req, res, rest, { upstreams }) {
    if (!INDEE_CALLS.has(rest)) return sendIndee(res, 'notFound')
    if (req.method !== 'POST') {
      return sendIndee(res, 'methodNotAllowed', { headers: { allow: 'POST' } })
    }
    const body = await readBody(req)
    await forwardToUpstream(
      res,
      {
        url: new URL(`${INDEE_API_PREFIX}${rest}`, upstreams.indee).href,
        method: 'POST',
        headers: {
          ...pickHeaders(req, FORWARDED_HEADERS),
          authorization: `Bearer ${indeeApiKey()}`,
        },
        body,
      },
      () => sendIndee(res, 'upstreamUnreachable'),
    )
  },
}
