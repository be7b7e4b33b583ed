// Settings that would send credentials or cookies over plain http: an upstream URL to another
// machine, and app origins that cost the session cookie its Secure flag. config.ts refuses them
// unless SSO_BFF_ALLOW_INSECURE=true, and then main.ts logs each one it let through. Loopback
// stays allowed: traffic to this machine never crosses a network (the sandbox runs that way).
import { isIPv4 } from 'node:net'

/** One insecure setting: the variable, and why it is insecure (its value is never given). */
export interface InsecureSetting {
  readonly variable: string
  readonly reason: string
}

/** 127.0.0.0/8, ::1 and `localhost`, as a WHATWG URL's hostname spells them. */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true
  return isIPv4(hostname) && hostname.startsWith('127.')
}

function isPlainHttpElsewhere(url: URL): boolean {
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname)
}

/**
 * An upstream URL (Indee, its JWKS, a partner) that is plain http to another machine.
 * RFC 6750 §5.3: bearer credentials, such as the API keys the BFF sends, only over TLS; a JWKS
 * fetched without it lets anyone on the path hand the BFF keys of their own.
 */
export function insecureUrl(variable: string, value: string): InsecureSetting | undefined {
  if (!isPlainHttpElsewhere(new URL(value))) return undefined
  return { variable, reason: 'is plain http to a host other than this machine (loopback)' }
}

/**
 * App origins that would cost the session cookie Secure and the __Host- prefix: a mix of http
 * and https (the cookie drops both for every origin), or http on another machine. RFC 6265
 * §8.6: a plain-http page of the same host can then set the cookie the https app reads.
 */
export function insecureOrigins(
  variable: string,
  origins: readonly string[],
): InsecureSetting | undefined {
  const urls = origins.map((origin) => new URL(origin))
  const https = urls.filter((url) => url.protocol === 'https:').length
  if (https > 0 && https < urls.length) {
    return {
      variable,
      reason:
        'mixes http and https origins: the session cookie would lose Secure and the __Host- ' +
        'prefix, on the https origins too',
    }
  }
  if (urls.some(isPlainHttpElsewhere)) {
    return {
      variable,
      reason:
        'has a plain http origin on a host other than this machine (loopback): the session ' +
        'cookie would travel without Secure',
    }
  }
  return undefined
}
