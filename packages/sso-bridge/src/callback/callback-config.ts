// The runtime config's fields the callback needs, checked before its login request with the same
// rules as the zod schema (config-rules.ts), so the callback page loads no zod. The React part
// checks the whole file and lists every bad field; here a bad field only stops the exchange.
import {
  apiBaseProblems,
  CONFIG_LIMITS,
  destinationProblems,
  integerProblems,
  type ConfigIssue,
  type ConfigResult,
} from '../core/config-rules.ts'
import { isObject } from '../core/plain-checks.ts'
import type { IssuerRule } from '../core/validated-callback.ts'

export interface CallbackConfig {
  readonly apiBase: string
  readonly identityProvider: IssuerRule
  readonly requestTimeoutMs: number
  readonly transactionTtlSeconds: number
}

const isString = (value: unknown) => typeof value === 'string'
const isBoolean = (value: unknown) => typeof value === 'boolean'
const isNumber = (value: unknown) => typeof value === 'number'

/** Reads the callback's fields of a parsed config file; every bad one is listed by its path. */
export function readCallbackConfig(file: unknown): ConfigResult<CallbackConfig> {
  const issues: ConfigIssue[] = []
  const field = <T>(
    path: string,
    value: unknown,
    isType: (value: unknown) => value is T,
    typeMessage: string,
    problemsOf: (value: T) => string[] = () => [],
    optional = false,
  ): T | undefined => {
    if (optional && value === undefined) return undefined
    const problems =
      value === undefined ? ['is required'] : isType(value) ? problemsOf(value) : [typeMessage]
    for (const message of problems) issues.push({ path, message })
    return problems.length === 0 ? (value as T) : undefined
  }

  const root = isObject(file) ? file : {}
  const provider = isObject(root.identityProvider) ? root.identityProvider : {}
  const apiBase = field('apiBase', root.apiBase, isString, 'must be a string', apiBaseProblems)
  const issuer = field(
    'identityProvider.issuer',
    provider.issuer,
    isString,
    'must be a string',
    (value) => destinationProblems(value, 'issuer'),
  )
  const allowMissingIss = field(
    'identityProvider.allowMissingIss',
    provider.allowMissingIss,
    isBoolean,
    'must be true or false',
    undefined,
    true,
  )
  const requestTimeoutMs = field(
    'requestTimeoutMs',
    root.requestTimeoutMs,
    isNumber,
    'must be a number',
    (value) => integerProblems(value, CONFIG_LIMITS.requestTimeoutMs),
  )
  const transactionTtlSeconds = field(
    'transactionTtlSeconds',
    root.transactionTtlSeconds,
    isNumber,
    'must be a number',
    (value) => integerProblems(value, CONFIG_LIMITS.transactionTtlSeconds),
  )
  if (
    apiBase === undefined ||
    issuer === undefined ||
    issues.length > 0 ||
    requestTimeoutMs === undefined ||
    transactionTtlSeconds === undefined
  ) {
    return { ok: false, issues }
  }
  return {
    ok: true,
    config: {
      apiBase,
      identityProvider: { issuer, ...(allowMissingIss !== undefined && { allowMissingIss }) },
      requestTimeoutMs,
      transactionTtlSeconds,
    },
  }
}
