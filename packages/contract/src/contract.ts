// The wire contract between sso-bridge (the browser package) and sso-bridge-bff (its BFF): every
// /api route's request and answer, the BFF's error codes and their statuses, the bounds both sides
// check, and the partner names. Both packages import this one file and nothing else of each other;
// each build bundles it (Vite into the browser package's lib/, tsc into the BFF's dist/), so it is
// never installed on its own. It imports nothing and does nothing: a shape or code changed here
// fails the type check of whichever side no longer agrees.

// ---------------------------------------------------------------------------------------------
// Bounds

/** The longest value of each field that crosses /api; both sides refuse anything longer. */
export const LIMITS = {
  /** A sign-in's `state`, issued by the backend, echoed by the callback (RFC 6749 §4.1.1). */
  state: 512,
  /** A sign-in's `nonce` (OpenID Connect Core §3.1.2.1), issued and echoed like the state. */
  nonce: 512,
  /** The authorization code the callback brings back. */
  code: 2048,
  /** An email address: RFC 5321's 256-octet path less its angle brackets. */
  email: 254,
  /** The identity provider's authorize URL in the sso/initiate answer. */
  redirect: 4096,
  /** A provider's `error` code on the callback. */
  providerError: 256,
  /** A provider's `error_description` on the callback. */
  providerErrorDescription: 1024,
  /** Permissions in a session view. */
  permissions: 64,
  /** One permission's length. */
  permission: 64,
  /** The CII number of a session view (ABC's customer number). */
  ciiNo: 64,
  /** Bytes of a vendor's error body the BFF passes on in a {@link PartnerRefusedBody}. */
  vendorBody: 8192,
} as const

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * Every error code the BFF answers, with its HTTP status: `{"error": code, "message", "detail"?}`,
 * always with the {@link BFF_ERROR_HEADER} header. The browser maps each to a view (a `Record` over
 * these, so a new or renamed code does not compile there until it is mapped).
 */
export const BFF_ERROR_STATUS = {
  invalid_request: 400,
  signed_out: 401,
  session_expired: 401,
  /** Indee no longer knows the sign-in (expired, already used): a new sign-in will do. */
  sign_in_expired: 401,
  forbidden: 403,
  sign_in_not_bound: 403,
  /** The session lacks the partner's permission (or, for ABC, a CII number). */
  handoff_not_permitted: 403,
  /** The Aimbase account asked for is not one the session's person owns. */
  handoff_account_not_owned: 403,
  not_found: 404,
  payload_too_large: 413,
  rate_limited: 429,
  login_failed: 401,
  backend_unavailable: 502,
  partner_unavailable: 502,
  partner_refused: 502,
  upstream_timeout: 504,
  internal: 500,
} as const satisfies Record<string, number>

export type BffErrorCode = keyof typeof BFF_ERROR_STATUS

/**
 * The one status other than the table's: `backend_unavailable` while the BFF's own session store
 * is down. The code tells the person "try again"; the 503 tells a load balancer it is this
 * instance's dependency, not the sign-in service (502).
 */
export const SESSION_STORE_UNAVAILABLE_STATUS = 503

/**
 * The header the BFF sets on every error it answers itself (its value is the body's code), and on
 * nothing else. A vendor's answer is relayed as status, Content-Type and body only, so no vendor
 * can send it: an answer with it is the BFF's own words, one without it the vendor's.
 */
export const BFF_ERROR_HEADER = 'sso-bridge-error'

/** The body of every error the BFF answers itself. */
export interface BffErrorBody {
  readonly error: BffErrorCode
  readonly message: string
  /** Words of the sign-in service, for the person to read (never a credential problem). */
  readonly detail?: string
}

/**
 * A vendor's error answer (status 400 to 599) on a partner route, wrapped so that it can never
 * pass for one of the BFF's own: the browser unwraps `vendor` before the partner's adapter reads
 * it. Its Content-Type is one the partner's module allows.
 */
export interface PartnerRefusedBody extends BffErrorBody {
  readonly error: 'partner_refused'
  readonly partner: PartnerName
  readonly vendor: {
    readonly status: number
    readonly contentType: string
    /** The vendor's body as text, cut at {@link LIMITS}.vendorBody bytes. */
    readonly body: string
  }
}

/** The codes of a 401 that says the session is over. */
export type SessionEndedCode = Extract<BffErrorCode, 'signed_out' | 'session_expired'>

// ---------------------------------------------------------------------------------------------
// Sign-in, the session and sign-out

/** Where the BFF's routes live on the app's origin. */
export const API_PREFIX = '/api'

/** The sign-in and session routes, below {@link API_PREFIX}. */
export const AUTH_ROUTES = {
  /** POST {@link InitiateRequest} → 200 {@link InitiateAnswer}. */
  initiate: '/sso/initiate',
  /** POST {@link LoginRequest} → 200 {@link SessionView}; POST {@link ProviderErrorReport} → 204. */
  login: '/sso/login',
  /** GET → 200 {@link SessionView}, or 401 with a {@link SessionEndedCode}. */
  session: '/session',
  /** POST `{}` → 204; the session is gone at once. */
  signOut: '/session/sign-out',
} as const

export interface InitiateRequest {
  readonly email: string
}

export interface InitiateAnswer {
  readonly state: string
  readonly nonce: string
  /** The identity provider's authorize URL, carrying that state and nonce. */
  readonly redirect: string
}

/** The callback's code, exchanged once for a session. */
export interface LoginRequest {
  readonly state: string
  readonly nonce: string
  readonly email: string
  readonly code: string
}

/** The provider refused: the backend closes its sign-in; nothing is stored. */
export interface ProviderErrorReport {
  readonly state: string
  readonly nonce: string
  readonly email: string
  readonly error: string
  readonly errorDescription: string
}

/** What the browser may know of its session: never a token. */
export interface SessionView {
  readonly email: string
  readonly permissions: readonly string[]
  /** ABC's customer number, when the person has one. */
  readonly ciiNo?: string
  /** When the session ends at the latest, in ms since the epoch. */
  readonly expiresAt: number
  /** The session ends after this long without a request. */
  readonly idleTimeoutSeconds: number
}

// ---------------------------------------------------------------------------------------------
// Partners

/**
 * The JSON body the browser sends on each partner's hand-off route (POST). A 2xx answer is the
 * vendor's own, relayed as status, Content-Type and body; a vendor's error is a
 * `PartnerRefusedBody`. The BFF's own refusals (`handoff_not_permitted`,
 * `handoff_account_not_owned`, `invalid_request`, a session that is over, a partner it does not
 * serve: `not_found`) and its failures are a `BffErrorBody`, with {@link BFF_ERROR_HEADER}. A
 * session's permission to use a partner is the partner's name.
 */
export interface PartnerRequests {
  /** No field: the BFF asks for the signed-in person's token. */
  readonly assuresign: Readonly<Record<string, never>>
  readonly aimbase: {
    readonly AccountUid: string
    readonly LandingPageUrl?: string | undefined
    /** The body format Aimbase gets; its answer comes back in the same format. */
    readonly Format?: 'json' | 'xml' | undefined
  }
  /** The CII number is the session's, added by the BFF. */
  readonly abc: { readonly LOBId: string; readonly Functionality: string }
}

export type PartnerName = keyof PartnerRequests

/** Each partner's hand-off route below {@link API_PREFIX}, in the order the app lists them. */
export const PARTNER_PATHS = {
  assuresign: '/assuresign/authentication/sso',
  aimbase: '/aimbase/Security/SignOnAccount',
  abc: '/abc/cmnsrv/user/generate-sso-token',
} as const satisfies Record<PartnerName, `/${string}`>

/** Every partner either side knows, in the order the app lists them. */
export const PARTNER_NAMES = /* @__PURE__ */ Object.keys(PARTNER_PATHS) as readonly PartnerName[]

/** The body the browser sends on partner `Name`'s hand-off route. */
export type PartnerRequest<Name extends PartnerName> = PartnerRequests[Name]
