// The shape of a work email: the one rule of the sign-in form, the core's sign-in, the transaction
// record on the callback path and the branding's support contact. No zod, so the callback path
// can use it.

import { LIMITS } from '../../../contract/src/contract.ts'

// RFC 5321 §4.5.3.1.1: a local part is at most 64 octets. Only the dot-atoms work addresses use:
// letters, digits and _ ' + -, dots between them.
const MAX_LOCAL_LENGTH = 64
const LOCAL_PART = /^[A-Za-z0-9_'+-]+(?:\.[A-Za-z0-9_'+-]+)*$/
// RFC 1035 §2.3.1: labels of letters, digits and inner hyphens, at most 63 octets.
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/
const TOP_LABEL = /^[A-Za-z]{2,63}$/

/** True when `value` is an address like name@company.com (no surrounding spaces). */
export function isEmail(value: string): boolean {
  if (value.length > LIMITS.email) return false
  const at = value.lastIndexOf('@')
  const local = value.slice(0, at)
  if (at < 1 || local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local)) return false
  const labels = value.slice(at + 1).split('.')
  return (
    labels.length >= 2 &&
    labels.every((label) => LABEL.test(label)) &&
    // Stryker disable next-line StringLiteral: split always gives one label at least, so the fallback is never read
    TOP_LABEL.test(labels.at(-1) ?? '')
  )
}

/**
 * The work email a person typed, trimmed, when it is one (see {@link isEmail}); else undefined.
 * The sign-in form words the refusal; the core refuses the same input as `login_failed`.
 */
export function workEmail(typed: string): string | undefined {
  const email = typed.trim()
  return isEmail(email) ? email : undefined
}
