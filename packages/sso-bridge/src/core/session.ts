// The signed-in session as the browser knows it (the BFF keeps the tokens): who, what
// they may use, until when. Nothing here can call a partner by itself; page script that reads it
// learns no credential.
import { LIMITS, type SessionView } from '../../../contract/src/contract.ts'
import { isObject, isText, isWholeNumber } from './plain-checks.ts'

export type { SessionView } from '../../../contract/src/contract.ts'

function isPermissionList(value: unknown): value is string[] {
  if (!Array.isArray(value) || value.length > LIMITS.permissions) return false
  return (value as unknown[]).every((permission) => isText(permission, 0, LIMITS.permission))
}

/**
 * The session view in a BFF answer, else undefined. Only the known fields are copied, so nothing
 * else the answer carries (a token by mistake) is kept.
 */
export function readSessionView(value: unknown): SessionView | undefined {
  if (!isObject(value)) return undefined
  const { email, permissions, ciiNo, expiresAt, idleTimeoutSeconds } = value
  if (!isText(email, 1, LIMITS.email)) return undefined
  if (!isPermissionList(permissions)) return undefined
  if (ciiNo !== undefined && !isText(ciiNo, 1, LIMITS.ciiNo)) return undefined
  if (!isWholeNumber(expiresAt, 1) || !isWholeNumber(idleTimeoutSeconds, 1)) return undefined
  return {
    email,
    permissions: [...permissions],
    ...(ciiNo !== undefined && { ciiNo }),
    expiresAt,
    idleTimeoutSeconds,
  }
}
