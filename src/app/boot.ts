import type { Services } from '../callback/services.ts'
import type { CallbackSuccess } from '../core/callback.ts'
import type { ConfigIssue } from '../core/config.ts'

/** What the entry script hands to React: a ready app, or the reason it cannot start. */
export type Boot =
  | {
      readonly kind: 'ready'
      readonly services: Services
      /** The login exchange started by the entry script, when this page load is the callback. */
      readonly callback: Promise<CallbackSuccess> | undefined
    }
  | { readonly kind: 'config-error'; readonly issues: readonly ConfigIssue[] }
  | { readonly kind: 'fatal'; readonly error: unknown }
