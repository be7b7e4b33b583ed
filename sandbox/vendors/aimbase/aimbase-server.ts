// Aimbase emulator (docs/emulators.md): API login, Sign On Account (JSON or XML),
// Account Search, and the SingleSignOn landing page that redeems the 15 s session token.
import { randomUUID } from 'node:crypto'
import type http from 'node:http'
import type { SandboxControl } from '../../control/control.ts'
import { listen, sendJson, type RunningServer } from '../../lib/http.ts'
import { LastLanding, type DebugEndpointsOption } from '../shared/last-landing.ts'
import { OneTimeTokens, REDEEM_FAILURE_TEXT } from '../shared/one-time-tokens.ts'
import { sameSecret } from '../shared/same-secret.ts'
import { VendorPages, type AppOriginOption } from '../shared/vendor-pages.ts'
import { AIMBASE_ACCOUNTS, findAimbaseAccount, type AimbaseAccount } from './accounts.ts'
import { AIMBASE_SANDBOX_CREDENTIALS, type AimbaseCredentials } from './credentials.ts'
import { isRelativeLandingPath } from './landing-path.ts'
import {
  readFields,
  sendMessage,
  sendRecordResult,
  sendStringResult,
  wireFormatOf,
  type WireFormat,
} from './wire-format.ts'

const VENDOR = 'Aimbase'

/** Aimbase Authentication: the API token "is valid for twenty minutes". */
export const AIMBASE_API_TOKEN_TTL_MS = 20 * 60_000
/** Aimbase Sign On Account: "The session token will expire 15 seconds after being issued". */
export const AIMBASE_SESSION_TOKEN_TTL_MS = 15_000

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const MAX_LOGIN_FIELD = 50
const DENIED = 'Authorization has been denied for this request.'

export interface AimbaseOptions extends DebugEndpointsOption, AppOriginOption {
  readonly control: SandboxControl
  readonly port: number
  /** Accepted API user; default AIMBASE_SANDBOX_CREDENTIALS. */
  readonly credentials?: AimbaseCredentials
}

interface SignOn {
  readonly account: AimbaseAccount
  /** The LandingPageUrl the token was issued for, when one was given. */
  readonly landing: string | undefined
}

/** `ApiToken: user:token`, or the documented `Authenticate: Avala-Api user:token`. */
function apiTokenOf(req: http.IncomingMessage): string | undefined {
  const direct = req.headers.apitoken
  if (typeof direct === 'string' && direct.trim() !== '') return direct.trim()
  const authenticate = req.headers.authenticate
  if (typeof authenticate !== 'string') return undefined
  return /^Avala-Api[ \t]+(\S+)[ \t]*$/i.exec(authenticate)?.[1]
}

/** The sandbox request log never holds a sign-on token: its path segment is logged as {token}. */
export function redactLandingToken(path: string): string {
  return path.replace(/^(\/Account\/SingleSignOn\/)[^/]+/i, '$1{token}')
}

export async function startAimbase(options: AimbaseOptions): Promise<RunningServer> {
  const { control } = options
  const credentials = options.credentials ?? AIMBASE_SANDBOX_CREDENTIALS
  const apiTokens = new Map<string, { readonly expiresAt: number }>()
  const signOns = new OneTimeTokens<SignOn>(AIMBASE_SESSION_TOKEN_TTL_MS, () => randomUUID())
  const lastLanding = new LastLanding(options.debugEndpoints)
  const pages = new VendorPages(VENDOR, options)

  function authorised(req: http.IncomingMessage): boolean {
    const token = apiTokenOf(req)
    const entry = token === undefined ? undefined : apiTokens.get(token)
    return entry !== undefined && control.now() <= entry.expiresAt
  }

  async function login(req: http.IncomingMessage, res: http.ServerResponse, format: WireFormat) {
    const read = await readFields(req, format, 'LoginRequest', [
      'Username',
      'Password',
      'Type',
      'DeviceCode',
    ])
    if (!read.ok) return sendMessage(res, format, 400, read.message)
    const username = read.fields.get('Username')
    const password = read.fields.get('Password')
    const type = read.fields.get('Type') ?? 'Api'
    for (const [name, value] of [
      ['Username', username],
      ['Password', password],
    ] as const) {
      if (value === undefined)
        return sendMessage(res, format, 400, `The ${name} field is required.`)
      if (value.length > MAX_LOGIN_FIELD) {
        return sendMessage(
          res,
          format,
          400,
          `The field ${name} must be a string with a maximum length of 50.`,
        )
      }
    }
    if (type !== 'Api') {
      return sendMessage(
        res,
        format,
        400,
        'The Type field must be Api (the sandbox has no mobile login).',
      )
    }
    const rightUser = sameSecret(username ?? '', credentials.username)
    const rightPassword = sameSecret(password ?? '', credentials.password)
    if (!rightUser || !rightPassword) {
      return sendMessage(res, format, 401, 'The username or password is incorrect.')
    }
    const now = control.now()
    for (const [token, entry] of apiTokens) if (now > entry.expiresAt) apiTokens.delete(token)
    const apiToken = `${credentials.username}:${randomUUID()}`
    apiTokens.set(apiToken, { expiresAt: now + AIMBASE_API_TOKEN_TTL_MS })
    sendStringResult(res, format, apiToken)
  }

  async function signOnAccount(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    format: WireFormat,
  ) {
    const read = await readFields(req, format, 'SignOnAccount', ['AccountUid', 'LandingPageUrl'])
    if (!read.ok) return sendMessage(res, format, 400, read.message)
    const uid = read.fields.get('AccountUid')
    const landing = read.fields.get('LandingPageUrl')
    // Sign On Account: a missing AccountUid is the documented 400; content that is present but
    // incorrect (not a GUID, no such account, a landing off the site) is the documented 500,
    // with a message that says what is wrong.
    if (uid === undefined) return sendMessage(res, format, 400, 'The AccountUid field is required.')
    if (!GUID.test(uid)) return sendMessage(res, format, 500, 'The AccountUid is not a GUID.')
    if (landing !== undefined && !isRelativeLandingPath(landing)) {
      return sendMessage(res, format, 500, 'The LandingPageUrl must be a relative path.')
    }
    const account = findAimbaseAccount(uid)
    if (account === undefined) {
      return sendMessage(res, format, 500, `No account was found for AccountUid ${uid}.`)
    }
    if (account.broken) return sendMessage(res, format, 500, 'An error has occurred.')
    sendStringResult(res, format, signOns.issue({ account, landing }, control.now()))
  }

  async function accountSearch(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    format: WireFormat,
  ) {
    const read = await readFields(req, format, 'AccountSearch', ['Name', 'Email', 'AccountUid'])
    if (!read.ok) return sendMessage(res, format, 400, read.message)
    const { fields } = read
    if (fields.size === 0) {
      return sendMessage(
        res,
        format,
        400,
        'One of the Name, Email or AccountUid fields is required.',
      )
    }
    const uid = fields.get('AccountUid')
    if (uid !== undefined && !GUID.test(uid)) {
      return sendMessage(res, format, 400, 'The AccountUid field is not a valid GUID.')
    }
    const same = (wanted: string | undefined, actual: string) =>
      wanted === undefined || wanted.toLowerCase() === actual.toLowerCase()
    const found = AIMBASE_ACCOUNTS.find(
      (a) =>
        same(fields.get('Name'), a.name) &&
        same(fields.get('Email'), a.ownerEmail) &&
        same(uid, a.uid),
    )
    if (found === undefined) return sendMessage(res, format, 404, 'No account was found.')
    sendRecordResult(res, format, 'AccountSearch', {
      AccountUid: found.uid,
      AccountId: found.accountId,
      Email: found.ownerEmail,
      FirstName: found.firstName,
      LastName: found.lastName,
      AccountIsActive: true,
    })
  }

  function singleSignOn(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    rawToken: string,
  ) {
    lastLanding.record(req, url, '/Account/SingleSignOn/{token}', control.now())
    const reject = (status: number, reason: string) =>
      pages.rejection(res, status, { heading: 'Sign-on rejected', lines: [reason] })
    const returnUrl = url.searchParams.get('returnUrl')
    if (returnUrl !== null && !isRelativeLandingPath(returnUrl)) {
      return reject(400, 'The returnUrl must be a relative path on this site.')
    }
    let token: string
    try {
      token = decodeURIComponent(rawToken).toLowerCase()
    } catch {
      token = ''
    }
    const redeemed = signOns.redeem(token, control.now())
    if (!redeemed.ok) return reject(401, REDEEM_FAILURE_TEXT[redeemed.reason])
    const { account, landing } = redeemed.value
    if (landing !== undefined && returnUrl !== null && returnUrl !== landing) {
      return reject(403, 'The returnUrl is not the landing page the session token was issued for.')
    }
    pages.landing(res, {
      heading: 'Aimbase',
      lines: [
        `Signed in as ${account.ownerEmail}`,
        `Account ${account.uid}`,
        `Account owner ${account.ownerEmail}`,
        `Landing page ${returnUrl ?? landing ?? '/'}`,
      ],
    })
  }

  const apiRoutes: Readonly<
    Record<string, { readonly run: typeof login; readonly authorised: boolean }>
  > = {
    '/api/security/login': { run: login, authorised: false },
    '/api/security/signonaccount': { run: signOnAccount, authorised: true },
    '/api/accountsearch': { run: accountSearch, authorised: true },
    '/api/account/accountsearch': { run: accountSearch, authorised: true },
  }

  const handler = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://aimbase.invalid')
    const method = (req.method ?? 'GET').toUpperCase()
    // ASP.NET routes are case-insensitive.
    const lowerPath = url.pathname.toLowerCase()
    const api = Object.hasOwn(apiRoutes, lowerPath) ? apiRoutes[lowerPath] : undefined
    if (api !== undefined) {
      if (method !== 'POST') {
        res.setHeader('allow', 'POST')
        return sendJson(res, 405, {
          Message: `The requested resource does not support http method '${method}'.`,
        })
      }
      const format = wireFormatOf(req)
      if (format === undefined) {
        return sendJson(res, 415, {
          Message:
            'The request Content-Type must be application/json, application/xml or text/xml.',
        })
      }
      // Authorization runs before the body is read, as in an ASP.NET Web API filter.
      if (api.authorised && !authorised(req)) return sendMessage(res, format, 401, DENIED)
      return api.run(req, res, format)
    }
    const landing = /^\/account\/singlesignon\/([^/]+)$/.exec(lowerPath)
    const rawToken = landing === null ? undefined : url.pathname.split('/')[3]
    if (rawToken !== undefined || lastLanding.isRequestFor(url.pathname)) {
      if (method !== 'GET') {
        res.setHeader('allow', 'GET')
        return sendJson(res, 405, {
          Message: `The requested resource does not support http method '${method}'.`,
        })
      }
      if (rawToken === undefined) return lastLanding.respond(res)
      return singleSignOn(req, res, url, rawToken)
    }
    sendJson(res, 404, { Message: 'No HTTP resource was found that matches the request URI.' })
  }

  return listen(control.wrap('aimbase', handler, { redactPath: redactLandingToken }), options.port)
}
