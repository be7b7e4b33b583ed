// SSO_BFF_TRUST_PROXY: the reverse proxies whose X-Forwarded-For the BFF believes. Fastify
// (proxy-addr) walks that header from the right, past each listed proxy, and takes the first
// address that is not one as the client's: the rate limit's key and the logs' `ip`. Only listed
// addresses count, so a client that reaches the BFF directly cannot name its own address.
import { isIP } from 'node:net'
import { z } from 'zod'

const EXAMPLE = '127.0.0.1,10.0.0.0/8'

/** Why `entry` is not a proxy address or CIDR range the BFF accepts, or undefined if it is. */
function problemOf(entry: string): string | undefined {
  const [address = '', prefix, ...rest] = entry.split('/')
  const family = address.includes('%') ? 0 : isIP(address)
  if (family === 0 || rest.length > 0) {
    return `"${entry}" is not an IPv4 or IPv6 address or CIDR range, like ${EXAMPLE}`
  }
  if (prefix === undefined) return undefined
  const bits = family === 4 ? 32 : 128
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) {
    return `"${entry}" has a prefix length that is not 0 to ${bits}`
  }
  if (Number(prefix) === 0) {
    return `"${entry}" covers every address, so anyone could choose the address the BFF sees`
  }
  return undefined
}

/**
 * The trusted proxies: a comma-separated list of addresses and CIDR ranges. Unset or `false`
 * trusts none. A bare `true` (trust whoever sends the header) is refused: a client that reaches
 * an instance directly would pick its own address and so escape the rate limit.
 */
export const trustedProxiesSetting = z
  .string()
  .default('false')
  .transform((value, ctx): readonly string[] => {
    if (value === 'false') return []
    if (value === 'true') {
      // RFC 7239 §8.1: any client can send a forwarding header; believe it from known proxies only.
      ctx.addIssue({
        code: 'custom',
        message:
          '"true" would believe any X-Forwarded-For, so a client could pick its own address: ' +
          `list the proxies' addresses or CIDR ranges instead, like ${EXAMPLE}`,
      })
      return z.NEVER
    }
    const entries = value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
    for (const entry of entries) {
      const problem = problemOf(entry)
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem })
    }
    return entries
  })
