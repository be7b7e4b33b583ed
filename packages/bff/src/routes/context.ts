// What every route of the BFF is given: configuration, the session lifecycle, upstream clients.
import type { BffConfig } from '../config.ts'
import type { CookieNames } from '../session/cookies.ts'
import type { Sessions } from '../session/sessions.ts'
import type { SignInBinding } from '../session/sign-in-binding.ts'
import type { IndeeClient } from '../upstream/indee.ts'
import type { SessionTokenVerifier } from '../upstream/session-token.ts'
import type { UpstreamWatcher } from '../upstream/upstream-call.ts'
import type { VendorLogins } from '../upstream/vendor-logins.ts'
import type { Tracer } from '@opentelemetry/api'
import type { Audit } from '../telemetry/audit.ts'
import type { BffMetrics } from '../telemetry/metrics.ts'

export interface RouteContext {
  readonly config: BffConfig
  readonly now: () => number
  readonly secureCookies: boolean
  readonly cookies: CookieNames
  readonly sessions: Sessions
  readonly signIns: SignInBinding
  readonly indee: IndeeClient
  readonly verify: SessionTokenVerifier
  readonly logins: VendorLogins
  readonly watcher: UpstreamWatcher
  readonly metrics: BffMetrics
  readonly audit: Audit
  /** Spans of a request's steps; undefined when tracing is off. */
  readonly tracer: Tracer | undefined
}
