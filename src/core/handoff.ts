// The one interface every partner hand-off adapter implements (docs/architecture.md §5: one adapter
// per vendor behind one interface). Vendor wire formats live in src/providers/<vendor>.ts, nowhere
// else.
import type { AllowedRedirect } from './allowed-redirect.ts'
import type { RuntimeConfig } from './config.ts'
import { SsoError, type SsoErrorCode } from './errors.ts'
import type { FetchLike } from './http.ts'
import { vendorDetail } from './vendor-detail.ts'

export type PartnerName = 'assuresign' | 'aimbase' | 'abc'

/** Where the browser goes next; only an allowlisted destination can be represented. */
export type HandoffTarget =
  | { readonly kind: 'redirect'; readonly url: AllowedRedirect }
  | {
      readonly kind: 'form-post'
      readonly action: AllowedRedirect
      /** Sent as hidden fields of an auto-submitted POST form, so the token stays out of URLs. */
      readonly fields: Readonly<Record<string, string>>
    }

export interface HandoffRequest {
  readonly fetch: FetchLike
  /** Backend prefix without a trailing slash: "/api" in the app, an absolute URL in tests. */
  readonly apiBase: string
  readonly timeoutMs: number
  readonly config: RuntimeConfig
}

export interface HandoffAdapter<Input> {
  readonly partner: PartnerName
  /** How long the vendor's hand-off token is valid; drives the safe window of handoff-guard.ts. */
  readonly tokenLifetimeMs: number
  /**
   * One call through the BFF (never retried, never cached), then the destination. The BFF finds
   * the person by the session cookie and adds the vendor's credentials.
   */
  request(input: Input, req: HandoffRequest): Promise<HandoffTarget>
}

/** A coded hand-off failure carrying vendor text (see {@link vendorDetail}) when there is any. */
export function handoffError(code: SsoErrorCode, message: string, vendorText?: string): SsoError {
  const detail = vendorDetail(vendorText)
  return new SsoError(code, message, detail === undefined ? {} : { detail })
}
