// The one interface every partner implements (docs/architecture.md §5: one adapter per partner
// behind one interface). An adapter owns its whole partner: the hand-off link and its parsing, its
// part of the runtime config, the links the home page offers, its wire format and error table, and
// how the page leaves. Everything else (router, names, schema, runner) derives from the registry
// in src/partners/registry.ts, so adding a partner is one adapter file.
import type { z } from 'zod/mini'
import type { AllowedRedirect } from './allowed-redirect.ts'
import type { ErrorMessage } from './error-messages.ts'
import type { BffErrorCode } from '../../../contract/src/contract.ts'
import { isBffErrorCode, readBffError } from './bff-errors.ts'
import { SsoError, type SsoErrorCode } from './errors.ts'
import { parseJsonBody, type FetchLike, type HttpResponse } from './http.ts'
import { vendorDetail } from './vendor-detail.ts'

/** Where the browser goes next; only an allowlisted destination can be represented. */
export type HandoffTarget =
  | { readonly kind: 'redirect'; readonly url: AllowedRedirect }
  | {
      readonly kind: 'form-post'
      readonly action: AllowedRedirect
      /** Sent as hidden fields of an auto-submitted POST form, so the token stays out of URLs. */
      readonly fields: Readonly<Record<string, string>>
    }

/** The hand-off codes a partner may word in its own way (timeouts and outages name it). */
export type HandoffErrorCode = Extract<SsoErrorCode, `handoff_${string}` | 'timeout'>

export interface HandoffRequest<Config> {
  readonly fetch: FetchLike
  /** Backend prefix without a trailing slash: "/api" in the app, an absolute URL in tests. */
  readonly apiBase: string
  readonly timeoutMs: number
  /** This partner's part of the runtime config (`partners.<name>`). */
  readonly config: Config
}

/** A hand-off link as the router matched it: path parameters and the query. */
export interface HandoffLink {
  readonly params: Readonly<Record<string, string | undefined>>
  readonly search: URLSearchParams
}

/**
 * One fact about where a hand-off leads, for the question asked before a hand-off that did not
 * start with a click inside the app ("Envelope": "Demo envelope").
 */
export interface HandoffDetail {
  /** What the line names: a message id of the catalogs (shown translated), or words of its own. */
  readonly term: string
  readonly description: string
}

/** A link the signed-in home page offers. */
export interface PartnerDestination<Input> {
  readonly label: string
  /** The configured line on what the destination is for, if any. */
  readonly description?: string | undefined
  readonly input: Input
}

export interface PartnerAdapter<Config, Input> {
  /** How people know the partner ("AssureSign"). */
  readonly label: string
  /** The session permission that lets a person use this partner. */
  readonly permission: string
  /** The hand-off route's path below the hand-off base, e.g. "assuresign/:envelopeId". */
  readonly routePath: string
  /** This partner's part of the runtime config, checked with the rest at start. */
  readonly configSchema: z.ZodMiniType<Config>
  /** How long the vendor's hand-off token is valid; drives the safe window of handoff-guard.ts. */
  readonly tokenLifetimeMs: number
  /** How the page leaves for the partner: a redirect, or a POST form (token out of the URL). */
  readonly landing: HandoffTarget['kind']
  /**
   * Words of this partner's own for some codes. Without them the general words of every hand-off
   * failure are used, naming the partner by its label.
   */
  readonly messages?: Partial<Record<HandoffErrorCode, ErrorMessage>>
  /**
   * Validates a hand-off link: it comes from the address bar, so it is hostile until parsed
   * (docs/architecture.md §3 "Hand-offs": validate inputs first). Throws SsoError
   * `invalid_handoff_input`.
   */
  parseInput(link: HandoffLink, config: Config): Input
  /** The link (below the hand-off base, with its query) that {@link PartnerAdapter.parseInput} reads back. */
  linkTo(input: Input): string
  /** The links the signed-in home page offers, all from config. */
  destinations(config: Config): readonly PartnerDestination<Input>[]
  /**
   * Where a parsed link leads, in words, with the config's labels where it lists the thing: what
   * the person is asked to confirm before a hand-off they did not start inside the app.
   */
  describe(input: Input, config: Config): readonly HandoffDetail[]
  /**
   * The origins a hand-off form of this partner may be POSTed to (a `form-post` partner's portals),
   * for the page's CSP `form-action`. A `redirect` partner has none.
   */
  formActionOrigins?(config: Config): readonly string[]
  /**
   * One call through the BFF (never retried, never cached), then the destination. The BFF finds
   * the person by the session cookie and adds the vendor's credentials.
   */
  request(input: Input, req: HandoffRequest<Config>): Promise<HandoffTarget>
}

/**
 * What the signed-in home needs of a partner: its name, permission, route and links. An adapter
 * takes these from a file of their own, free of zod and of the vendor's answers, so the home does
 * not load the rest (docs/adding-a-partner.md).
 */
export type PartnerLinks<Config, Input> = Pick<
  PartnerAdapter<Config, Input>,
  'label' | 'permission' | 'routePath' | 'linkTo' | 'destinations'
>

/** Any partner's links, whatever its config and input. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry's element type
export type AnyPartnerLinks = PartnerLinks<any, any>

/** Any adapter, whatever its config and input. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry's element type
export type AnyPartnerAdapter = PartnerAdapter<any, any>

/** A coded hand-off failure carrying vendor text (see {@link vendorDetail}) when there is any. */
export function handoffError(code: SsoErrorCode, message: string, vendorText?: string): SsoError {
  const detail = vendorDetail(vendorText)
  // Stryker disable next-line ConditionalExpression: { detail: undefined } makes the same SsoError as {}
  return new SsoError(code, message, detail === undefined ? {} : { detail })
}

/**
 * The BFF's own refusals of a hand-off call (docs/backend-contract.md). Their words are the BFF's,
 * never the partner's, so none is shown as the partner's detail (a `partner_refused` whose vendor
 * answer could not be unwrapped included).
 */
const BFF_HANDOFF_ERRORS: ReadonlySet<BffErrorCode> = new Set<BffErrorCode>([
  'forbidden',
  'invalid_request',
  'payload_too_large',
  'partner_unavailable',
  'partner_refused',
  'upstream_timeout',
  'internal',
])

/** What an HTTP status means for every hand-off, whichever partner answered it. */
function statusCode(status: number): SsoErrorCode {
  if (status === 401) return 'handoff_unauthorized'
  if (status === 403) return 'handoff_forbidden'
  if (status === 406) return 'handoff_not_acceptable'
  if (status === 408 || status === 504) return 'timeout'
  if (status >= 500) return 'handoff_unavailable'
  if (status >= 400) return 'handoff_bad_request'
  return 'invalid_response'
}

/**
 * The one status table of every partner: undefined for a 2xx answer (the adapter reads its body),
 * else the coded failure. `vendorText` (the partner's own error message, if the adapter found one)
 * becomes its detail, unless the answer is the BFF's own refusal.
 */
export function statusFailure(
  label: string,
  response: HttpResponse,
  vendorText?: string,
): SsoError | undefined {
  const { status } = response
  if (status >= 200 && status <= 299) return undefined
  const code = statusCode(status)
  const message = `${label} hand-off failed with HTTP ${status}`
  if (code === 'invalid_response') return new SsoError(code, message)
  const own = readBffError(parseJsonBody(response))
  const bffRefused =
    own !== undefined && isBffErrorCode(own.error) && BFF_HANDOFF_ERRORS.has(own.error)
  return handoffError(code, message, bffRefused ? undefined : vendorText)
}
