// The identity provider's redirect back to the callback page, checked in one function
// (docs/architecture.md §3 "Callback order"): each parameter read once, bounded in length, never
// duplicated (RFC 6749 §4.1.2); the state consumed (RFC 9700 §4.2.4); `iss` compared (RFC 9207
// §2.4). Only the branded ValidatedCallback it returns can reach the backend's login.
import { LIMITS } from '../../../contract/src/contract.ts'
import { SsoError } from './errors.ts'
import type { TransactionStore } from './transaction-store.ts'
import { withReturnTo } from './with-return-to.ts'

// RFC 6749 §4.1.2.1: error and error_description are printable ASCII without '"' and '\'.
const ERROR_TEXT = /^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/

interface ParamRule {
  /** The parameter's name in the query. */
  readonly name: string
  readonly maxLength: number
  readonly pattern?: RegExp
}

type Field = 'state' | 'code' | 'iss' | 'error' | 'errorDescription'

const RULES: Readonly<Record<Field, ParamRule>> = {
  state: { name: 'state', maxLength: LIMITS.state },
  code: { name: 'code', maxLength: LIMITS.code },
  iss: { name: 'iss', maxLength: 2048 },
  error: { name: 'error', maxLength: LIMITS.providerError, pattern: ERROR_TEXT },
  errorDescription: { name: 'error_description', maxLength: LIMITS.providerErrorDescription },
}

/** The callback's query parameters; empty values are read as absent. */
export type CallbackParams = { [F in Field]?: string }

/**
 * Reads the callback parameters from the page's original URL. Throws SsoError
 * `invalid_callback` for a URL that does not parse, an over-long or malformed value, or a
 * parameter given twice (which one the provider meant cannot be known, so none is used).
 */
export function readCallbackParams(href: string): CallbackParams {
  let search: URLSearchParams
  try {
    search = new URL(href).searchParams
  } catch (error) {
    throw new SsoError('invalid_callback', 'callback URL does not parse', { cause: error })
  }
  const params: CallbackParams = {}
  const malformed: string[] = []
  for (const field of Object.keys(RULES) as Field[]) {
    const rule = RULES[field]
    const values = search.getAll(rule.name)
    if (values.length > 1) {
      throw new SsoError(
        'invalid_callback',
        `"${rule.name}" parameter appears ${values.length} times`,
      )
    }
    const value = values[0]
    if (value === undefined || value === '') continue
    if (value.length > rule.maxLength || !(rule.pattern?.test(value) ?? true)) {
      malformed.push(`"${rule.name}"`)
    } else {
      params[field] = value
    }
  }
  if (malformed.length > 0) {
    throw new SsoError('invalid_callback', `malformed callback parameter ${malformed.join(', ')}`)
  }
  return params
}

declare const validated: unique symbol

/** What every checked callback carries: its sign-in's transaction, consumed. */
export interface CheckedCallback {
  /** Only validateCallback makes one: a callback nobody checked does not type-check as this. */
  readonly [validated]: true
  readonly state: string
  readonly nonce: string
  readonly email: string
  /** Where the sign-in continues: the same-origin path stored when it started. */
  readonly returnTo: string
}

/** The provider sent a code: the only callback the backend's login accepts. */
export interface CodeCallback extends CheckedCallback {
  readonly kind: 'code'
  readonly code: string
}

/** The provider answered with an error (RFC 6749 §4.1.2.1): reported, never exchanged. */
export interface ErrorCallback extends CheckedCallback {
  readonly kind: 'error'
  readonly error: string
  /** The provider's description, or "" when it gave none. */
  readonly errorDescription: string
}

export type ValidatedCallback = CodeCallback | ErrorCallback

export interface IssuerRule {
  /** The issuer the callback's `iss` must equal, exactly. */
  readonly issuer: string
  /**
   * Weakens the mix-up defence of RFC 9207: a callback without `iss` is accepted. Only for an
   * identity provider that does not send `iss`; a present `iss` is compared all the same.
   */
  readonly allowMissingIss?: boolean | undefined
}

/**
 * The one check of a callback, from the page's original URL to what the backend may see: reads
 * the parameters (refusing a malformed or repeated one before anything else, so the transaction
 * is left alone), consumes the state's transaction (single use from here on), then checks `iss`
 * against the transaction's issuer and `rule`, and requires a code unless the provider sent an
 * error. Throws SsoError `invalid_callback`, `state_missing`, `state_mismatch`, `state_expired`,
 * `state_used` or `issuer_mismatch`; every failure after the state was found carries the
 * transaction's `returnTo`.
 */
export function validateCallback(
  href: string,
  store: Pick<TransactionStore, 'consume'>,
  rule: IssuerRule,
): ValidatedCallback {
  const params = readCallbackParams(href)
  const tx = store.consume(params.state)
  try {
    if (params.iss === undefined) {
      if (rule.allowMissingIss !== true) {
        throw new SsoError('issuer_mismatch', 'callback has no "iss" parameter')
      }
    } else if (params.iss !== tx.issuer || params.iss !== rule.issuer) {
      throw new SsoError('issuer_mismatch', 'unexpected "iss" value')
    }
    const checked = { state: tx.state, nonce: tx.nonce, email: tx.email, returnTo: tx.returnTo }
    if (params.error !== undefined) {
      return {
        ...checked,
        kind: 'error',
        error: params.error,
        errorDescription: params.errorDescription ?? '',
      } as ErrorCallback
    }
    if (params.code === undefined) {
      throw new SsoError('invalid_callback', 'callback has no "code" parameter')
    }
    return { ...checked, kind: 'code', code: params.code } as CodeCallback
  } catch (error) {
    throw withReturnTo(error, tx.returnTo)
  }
}
